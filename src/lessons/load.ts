import type { Scenario } from '../engine';
import { DEFAULT_VIEW, type AppViewKey } from '../state/appViews';
import { readFleetLink, type FleetSetup } from '../state/fleetLink';
import { decodeLink } from '../state/urlCodec';
import type { Lesson, LessonStage, LessonStep } from './types';

/** Everything a step sets, worked out from the step alone: a lesson view and a presentation scene both use it. */
export interface LoadedStep {
  lessonId: string;
  /** 1-based, as in links. */
  stepNumber: number;
  step: LessonStep;
  scenario: Scenario;
  view: AppViewKey;
  stage: LessonStage;
  highlight: string | null;
  /** The fleet the step's link sets up (`fleet=<preset>&fleet.<param>=…`): fleet steps only, else null. */
  fleet: FleetSetup | null;
  /** What the step's scenario link got wrong (a lesson test keeps this empty). */
  problems: string[];
}

/** The step's scenario as a link's query string (`v=1&...`); the defaults when the step sets none. */
export const stepScenarioQuery = (step: LessonStep): string => step.scenario ?? 'v=1';

/** The link that opens a step on its own: `lesson=<id>&step=<n>` after the step's scenario. */
export const lessonStepLink = (lesson: Lesson, stepNumber: number): string =>
  `${stepScenarioQuery(lesson.steps[stepNumber - 1])}&lesson=${encodeURIComponent(lesson.id)}&step=${stepNumber}`;

/**
 * Loads step `stepNumber` (1-based) of a lesson: a pure function of the lesson, so nothing carries over
 * from the step before. Throws only for a step number the lesson does not have (callers check links first).
 */
export function loadLessonStep(lesson: Lesson, stepNumber: number): LoadedStep {
  const step = lesson.steps[stepNumber - 1];
  if (!step) throw new RangeError(`lesson ${lesson.id} has no step ${stepNumber}`);
  const link = decodeLink(stepScenarioQuery(step));
  const view = step.view ?? DEFAULT_VIEW;
  const fleet = view === 'fleet' ? readFleetLink(link!.extras) : null;
  return {
    lessonId: lesson.id,
    stepNumber,
    step,
    scenario: link!.scenario,
    view,
    stage: step.stage ?? 'memory',
    highlight: step.highlight ?? null,
    fleet: fleet?.setup ?? null,
    problems: [...link!.problems, ...(fleet?.problems ?? [])],
  };
}
