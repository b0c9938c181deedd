import type { LessonStep } from '../lessons/types';

/**
 * The lessons presentation mode can show as scenes. Lessons are registered in src/lessons/index.ts; until
 * that registry exists this Brownout has none to present.
 */
export const PRESENTABLE_LESSONS: readonly { id: string; title: string; steps: readonly LessonStep[] }[] = [];

/** The steps of a lesson, by id (null: no such lesson). */
export const lessonSteps = (id: string): readonly LessonStep[] | null =>
  PRESENTABLE_LESSONS.find((l) => l.id === id)?.steps ?? null;
