import { quoteText, type Scenario } from '../engine';
import type { AppViewKey } from './appViews';
import type { FleetSetup } from './fleetLink';
import type { LinkExtras } from './linkExtras';
import { withPrune, type Transition } from './transitions';

/** A student's answer to a step's question: the choice picked, or the number given. */
export type LessonAnswer = { kind: 'choice'; index: number } | { kind: 'number'; value: number };

/** Where a student is in a lesson: the lesson, the step (from 1, as in links) and the answer once given. */
export interface LessonPlace {
  id: string;
  step: number;
  answer: LessonAnswer | null;
}

/** What a link needs to know of the lessons: their ids and how many steps each has. */
export type LessonCatalogue = readonly { id: string; steps: readonly unknown[] }[];

/** A lesson step's link parameters: `lesson=<id>&step=<n>`. */
export const lessonExtras = (place: LessonPlace | null): LinkExtras =>
  place ? { lesson: place.id, step: String(place.step) } : {};

/**
 * Reads `lesson=` and `step=` of a link: the place they name, or what was wrong (naming the parameter and
 * what it may be) with the lab opened instead. A missing step is step 1; a step past the end is refused
 * rather than guessed.
 */
export function readLessonLink(
  extras: LinkExtras,
  lessons: LessonCatalogue,
): { place: { id: string; step: number } | null; problem?: string } {
  const { lesson: id, step: stepText } = extras;
  if (id === undefined) {
    if (stepText === undefined) return { place: null };
    return { place: null, problem: `step: ${quoteText(stepText)} needs a lesson= beside it; ignored` };
  }
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) {
    const known = lessons.map((l) => l.id).join(', ');
    const step = stepText === undefined ? '' : ` (and step=${quoteText(stepText)} with it)`;
    return { place: null, problem: `lesson: ${quoteText(id)} is not a lesson (${known}); the lab was opened${step}` };
  }
  if (stepText === undefined) return { place: { id, step: 1 } };
  const step = Number(stepText);
  const count = lesson.steps.length;
  if (!/^\d+$/.test(stepText) || step < 1 || step > count)
    return {
      place: { id, step: 1 },
      problem: `step: ${quoteText(stepText)} is not a step of lesson ${id} (a whole number 1 to ${count}); step 1 was opened`,
    };
  return { place: { id, step } };
}

/**
 * Opens a lesson step: its scenario replaces the lab's (no baseline: nothing carries over from the step
 * before), its view opens with the fleet it sets up (fleet steps), and the playhead waits at the start, paused.
 */
export const openLessonStep =
  (
    step: { id: string; step: number; scenario: Scenario; view: AppViewKey; fleet?: FleetSetup | null },
    answer: LessonAnswer | null = null,
  ): Transition =>
  (s) =>
    withPrune(s, {
      lesson: { id: step.id, step: step.step, answer },
      view: step.view,
      scenario: step.scenario,
      ...(step.fleet ? { fleet: step.fleet } : {}),
      gesture: null,
      baselineRunId: null,
      baselineHeld: false,
      explain: null,
      playhead: { ...s.playhead, tMs: 0, playing: false },
    });

/** The student answers the step's question: the result is shown. */
export const answerLessonStep =
  (answer: LessonAnswer): Transition =>
  (s) =>
    s.lesson && !s.lesson.answer ? { lesson: { ...s.lesson, answer } } : null;

/** Leaves the lesson; the lab keeps the step's scenario. */
export const leaveLesson: Transition = (s) => (s.lesson ? { lesson: null } : null);
