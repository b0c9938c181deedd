import { HOT_512_WORKLOAD, LESSON_VM, QEMU_STOP, scenarioLink } from './links';
import type { Lesson } from './types';

/** A guest writing 100 MiB/s, mostly into the hot part of a 512 MiB working set, on 1 Gbit/s. */
const BUSY = { ...LESSON_VM, ...HOT_512_WORKLOAD, ...QEMU_STOP, 'workload.writeRateMiBps': 100 };
const TIGHT = scenarioLink(BUSY, { 'precopy.downtimeLimitMs': 50 });
const LOOSE = scenarioLink(BUSY, { 'precopy.downtimeLimitMs': 1000 });

export const downtimeLimit: Lesson = {
  id: 'downtime-limit',
  title: 'The downtime limit is a target',
  summary: 'A tight limit, a loose one and the Xen rule on the same VM: rounds, pauses and the 750 ms line.',
  learned:
    'The downtime limit sets when pre-copy stops, not how long the pause will be: a tight one costs rounds, a loose one lets the pause grow toward it, and a forced stop ignores it.',
  steps: [
    {
      title: 'A tight limit',
      scenario: TIGHT,
      highlight: 'precopy.downtimeLimitMs',
      body: [
        'QEMU stops pre-copy once what is left to send fits into the pause it allows: the [[stop-threshold]] is bandwidth times the [[downtime-limit]].',
        'This guest writes 100 MiB/s; the limit is 50 ms.',
      ],
      question: {
        kind: 'choice',
        prompt: 'Which limit takes more rounds on this VM: 50 ms or 1000 ms?',
        choices: [
          {
            label: '50 ms',
            correct: true,
            why: 'A smaller threshold is harder to get under: 17 rounds at 50 ms, against 6 at 1000 ms.',
          },
          {
            label: '1000 ms',
            correct: false,
            why: 'A larger threshold is reached sooner, so pre-copy stops after fewer rounds.',
          },
          {
            label: 'The same number',
            correct: false,
            why: 'The rounds are the same until the remainder fits; a tighter fit takes longer to reach.',
          },
        ],
      },
      claims: [
        { says: '100 MiB/s', figure: 'scenario.workload.writeRateMiBps', is: 100 },
        { says: 'the limit is 50 ms', figure: 'scenario.precopy.downtimeLimitMs', is: 50 },
        { says: '50 ms', figure: 'scenario.precopy.downtimeLimitMs', is: 50 },
        { says: '1000 ms', figure: 'scenario.precopy.downtimeLimitMs', of: LOOSE, is: 1000 },
        { says: '17 rounds at 50 ms', figure: 'rounds', is: 17 },
        { says: 'against 6 at 1000 ms', figure: 'rounds', of: LOOSE, is: 6 },
      ],
    },
    {
      title: 'A loose limit',
      scenario: LOOSE,
      highlight: 'Metrics',
      body: [
        'The same VM with a 1000 ms limit: pre-copy may stop as soon as what is left can be sent within a second.',
      ],
      question: {
        kind: 'choice',
        prompt: 'Does the pause cross the 750 ms line that TCP connections survive?',
        choices: [
          {
            label: 'Yes',
            correct: true,
            why: 'QEMU stops once the remainder fits the threshold, so the pause comes close to the limit itself: 988 ms here. A limit is a budget, and the pause tends to use it.',
          },
          {
            label: 'No: the pause is always far below the limit',
            correct: false,
            why: "Under QEMU's rule the last round ends just under the threshold, so the final copy takes nearly the whole limit.",
          },
        ],
      },
      claims: [
        { says: '1000 ms limit', figure: 'scenario.precopy.downtimeLimitMs', is: 1000 },
        { says: '988 ms here', figure: 'downtimeMs', min: 983, max: 993 },
        { says: 'the pause comes close to the limit itself', figure: 'downtimeMs', min: 750, max: 1000 },
      ],
    },
    {
      title: 'The Xen rule',
      scenario: scenarioLink(BUSY, { 'precopy.stopRule': 'xen' }),
      highlight: 'precopy.stopRule',
      body: ['Xen ignores the limit: it keeps going until fewer than 50 pages are dirty, or until 30 rounds are done.'],
      question: {
        kind: 'choice',
        prompt: "Compared with QEMU's rule at 50 ms, what does Xen's rule give?",
        choices: [
          {
            label: 'More rounds, a shorter pause',
            correct: true,
            why: 'It runs all 30 rounds here and pauses for about 7 ms: it trades total time and bytes for the smallest blackout.',
          },
          {
            label: 'Fewer rounds, a longer pause',
            correct: false,
            why: 'Waiting for fewer than 50 dirty pages is stricter than any QEMU threshold on this link.',
          },
        ],
      },
      claims: [
        { says: 'fewer than 50 pages', figure: 'scenario.precopy.xenTargetDirtyPages', is: 50 },
        { says: 'until 30 rounds are done', figure: 'scenario.precopy.maxIterations', is: 30 },
        { says: 'all 30 rounds', figure: 'rounds', is: 30 },
        { says: 'about 7 ms', figure: 'downtimeMs', min: 6, max: 8 },
        { says: 'at 50 ms', figure: 'rounds', of: TIGHT, max: 29 },
        { says: 'fewer than 50 dirty pages', figure: 'scenario.precopy.xenTargetDirtyPages', is: 50 },
      ],
    },
    {
      title: 'Not a guarantee',
      scenario: scenarioLink(LESSON_VM, QEMU_STOP, {
        'workload.preset': 'custom',
        'workload.pattern': 'uniform',
        'workload.writeRateMiBps': 200,
        'workload.wssMiB': 1024,
        'precopy.maxIterations': 20,
      }),
      highlight: 'Metrics',
      body: [
        'A guest writing 200 MiB/s never gets under the threshold; at the cap of 20 rounds pre-copy stops anyway, and the pause is seconds long against a 300 ms limit.',
        'The limit decides when to stop if the dirty set converges; it promises nothing when it does not.',
      ],
      claims: [
        { says: '200 MiB/s', figure: 'scenario.workload.writeRateMiBps', is: 200 },
        { says: 'the cap of 20 rounds', figure: 'scenario.precopy.maxIterations', is: 20 },
        { says: 'the cap of 20 rounds', figure: 'stopReason', is: 'max-iterations' },
        { says: 'the pause is seconds long', figure: 'downtimeMs', min: 2000 },
        { says: 'a 300 ms limit', figure: 'scenario.precopy.downtimeLimitMs', is: 300 },
      ],
    },
  ],
};
