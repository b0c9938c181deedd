import { useEffect } from 'react';
import type { LessonStage } from '../../lessons/types';
import { useCurrentStep } from './useCurrentStep';

/** Opens the lab's middle tab a lesson step asks for, each time a step opens. */
export function useLessonStage(setTab: (tab: LessonStage) => void): void {
  const current = useCurrentStep();
  const key = current ? `${current.place.id}/${current.place.step}` : null;
  const stage = current?.loaded.stage ?? null;
  useEffect(() => {
    if (key && stage) setTab(stage);
  }, [key, stage, setTab]);
}
