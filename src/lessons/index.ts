import { brownoutBlackout } from './brownoutBlackout';
import { commitFaults } from './commitFaults';
import { confidentialLesson } from './confidential';
import { convergence } from './convergence';
import { downtimeLimit } from './downtimeLimit';
import { fleetLesson } from './fleet';
import { goals } from './goals';
import { postcopy } from './postcopy';
import { rounds } from './rounds';
import { sevenSteps } from './sevenSteps';
import type { Lesson } from './types';
import { tracking } from './tracking';
import { whyMove } from './whyMove';

/**
 * Every lesson, in the order the list shows them. A lesson other views bring (fleet, confidential VMs) is a
 * file `src/lessons/<id>.ts` exporting a Lesson, added here with one line.
 */
export const LESSONS: readonly Lesson[] = [
  whyMove,
  brownoutBlackout,
  rounds,
  convergence,
  downtimeLimit,
  goals,
  tracking,
  postcopy,
  commitFaults,
  sevenSteps,
  confidentialLesson,
  fleetLesson,
];

export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id);

export type { Lesson, LessonStep, LessonQuestion, LessonClaim } from './types';
export { lessonStepLink, loadLessonStep, type LoadedStep } from './load';
