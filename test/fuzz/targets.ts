import type fc from 'fast-check';
import { checkDocument, hostileDocument } from './documents';
import { checkLessonLink, checkProgress, hostileLessonLink, hostileProgress } from './lessons';
import { checkLink, hostileLink } from './links';
import { checkQmp, hostileQmp } from './qmp';
import { checkSimArgs, hostileSimArgs } from './simArgs';
import type { Outcome } from './verdict';

/**
 * Everything the hostile-input harnesses throw at the app, in one list: the test suite runs each target
 * briefly (seeded), `npm run soak` runs each for thousands of cases and counts the outcomes. To add a
 * target (QMP transcripts, random faulted scenarios...), write its generator and its check in a file of
 * this folder and add it here.
 */
export interface FuzzTarget<T = unknown> {
  name: string;
  /** What is thrown at what. */
  description: string;
  input: fc.Arbitrary<T>;
  /** Judges one case; must itself never throw (wrap the decoder in `guarded`). */
  check: (input: T) => Outcome;
  /** A short text of the input for failure reports. */
  show?: (input: T) => string;
}

const target = <T>(t: FuzzTarget<T>): FuzzTarget => t as unknown as FuzzTarget;

export const FUZZ_TARGETS: FuzzTarget[] = [
  target({
    name: 'links',
    description: 'random and mutated shared links at decodeLink',
    input: hostileLink,
    check: checkLink,
  }),
  target({
    name: 'scenario-documents',
    description: 'random and mutated scenario JSON at parseScenario and repairScenario',
    input: hostileDocument,
    check: checkDocument,
  }),
  target({
    name: 'sim-args',
    description: 'hostile --set, --scenario and stray arguments at the CLI argument reader',
    input: hostileSimArgs,
    check: checkSimArgs,
    show: (c) => JSON.stringify(c.argv),
  }),
  target({
    name: 'qmp-transcripts',
    description: 'random, junk and mutated QEMU QMP records at importQmp',
    input: hostileQmp,
    check: checkQmp,
    show: (text) => JSON.stringify(text.slice(0, 300)),
  }),
  target({
    name: 'lesson-links',
    description: 'hostile lesson= and step= at the lesson link reader, with and without scenario fields',
    input: hostileLessonLink,
    check: checkLessonLink,
  }),
  target({
    name: 'lesson-progress',
    description: 'malformed stored lesson progress at readProgress',
    input: hostileProgress,
    check: checkProgress,
    show: (text) => JSON.stringify(text.slice(0, 300)),
  }),
];
