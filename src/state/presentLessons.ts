import { LESSONS } from '../lessons';
import type { LessonStep } from '../lessons/types';

/** The lessons presentation mode can show as scenes: every registered lesson (src/lessons/index.ts). */
export const PRESENTABLE_LESSONS: readonly { id: string; title: string; steps: readonly LessonStep[] }[] = LESSONS;

/** The steps of a lesson, by id (null: no such lesson). */
export const lessonSteps = (id: string): readonly LessonStep[] | null =>
  PRESENTABLE_LESSONS.find((l) => l.id === id)?.steps ?? null;
