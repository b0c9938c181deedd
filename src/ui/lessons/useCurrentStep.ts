import { useMemo } from 'react';
import { lessonById, loadLessonStep, type Lesson, type LoadedStep } from '../../lessons';
import type { LessonPlace } from '../../state/lessonPlace';
import { useWorkspace } from '../../state/WorkspaceContext';

export interface CurrentStep {
  lesson: Lesson;
  place: LessonPlace;
  loaded: LoadedStep;
  /** The step asks a question not yet answered: its result stays covered. */
  guarded: boolean;
}

/** The lesson step being followed, worked out from the workspace's place; null outside lessons. */
export function useCurrentStep(): CurrentStep | null {
  const place = useWorkspace((s) => s.lesson);
  return useMemo(() => {
    const lesson = place && lessonById(place.id);
    if (!place || !lesson || !lesson.steps[place.step - 1]) return null;
    const loaded = loadLessonStep(lesson, place.step);
    return { lesson, place, loaded, guarded: !!loaded.step.question && !place.answer };
  }, [place]);
}

/** Whether the lab's results are covered (a prediction not yet made); the lab shows them at once otherwise. */
export function useSpoilerGuard(): boolean {
  return useCurrentStep()?.guarded ?? false;
}
