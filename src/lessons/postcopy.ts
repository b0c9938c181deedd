import { HOT_512_WORKLOAD, LESSON_VM, QEMU_STOP, scenarioLink } from './links';
import type { Lesson } from './types';

/** The rounds lesson's VM: 40 MiB/s into a 512 MiB working set, on 1 Gbit/s. */
const VM = { ...LESSON_VM, ...HOT_512_WORKLOAD };
const PRECOPY = scenarioLink(VM, QEMU_STOP, { strategy: 'precopy' });
const POSTCOPY_VM = { ...VM, strategy: 'postcopy', 'postcopy.prepaging': 'forward' };
const POSTCOPY = scenarioLink(POSTCOPY_VM);

export const postcopy: Lesson = {
  id: 'postcopy',
  title: 'Post-copy and hybrid',
  summary:
    'Switch first, fetch pages later: the pause, the bytes, the faults, pre-paging and the dependency on the source.',
  learned:
    'Post-copy trades the blackout for faults and a long dependency on the source; pre-paging and a few pre-copy rounds first cut the faults.',
  steps: [
    {
      title: 'Switch first',
      scenario: POSTCOPY,
      highlight: 'strategy',
      body: [
        '[[post-copy|Post-copy]] stops the VM only long enough to send its CPU and device state, then runs it on the destination.',
        'Every page the guest touches that has not arrived yet is a [[post-copy-fault|post-copy fault]]: the vCPU waits while the page is fetched from the source. Meanwhile the source pushes the rest ([[background-push]]).',
      ],
      question: {
        kind: 'choice',
        prompt: 'Compared with pre-copy on the same VM, which is true?',
        choices: [
          {
            label: 'A pause of a few ms, each page sent once, a long dependency on the source',
            correct: true,
            why: 'The blackout is a few ms and no page is sent twice, but the destination needs the source for about 17 s, until the last page has arrived: a [[residual-dependency]] while it lasts.',
          },
          {
            label: 'It sends more bytes than pre-copy',
            correct: false,
            why: 'Each page crosses once, so post-copy sends the fewest bytes of all.',
          },
          {
            label: 'Its pause is longer',
            correct: false,
            why: 'Its pause holds only the CPU and device state; the memory follows afterwards.',
          },
        ],
      },
      claims: [
        { says: 'The blackout is a few ms', figure: 'downtimeMs', max: 10 },
        { says: 'no page is sent twice', figure: 'bytesMiB', min: 2048, max: 2100 },
        { says: 'about 17 s', figure: 'dependencyWindowMs', min: 16500, max: 17500 },
        { says: 'sends the fewest bytes of all', figure: 'bytesMiB', max: 2100 },
        { says: 'sends the fewest bytes of all', figure: 'bytesMiB', of: PRECOPY, min: 2100 },
      ],
    },
    {
      title: 'Pre-paging',
      scenario: scenarioLink(POSTCOPY_VM, { 'postcopy.prepaging': 'none' }),
      highlight: 'postcopy.prepaging',
      body: [
        "With QEMU's [[pre-paging|pre-paging]] the push goes on from each faulting page, so its neighbours follow soon; that VM faulted about 5,000 times.",
        'Now the source pushes in address order, ignoring where the guest is working.',
      ],
      question: {
        kind: 'number',
        prompt: 'How many post-copy faults now?',
        unit: 'faults',
        min: 0,
        max: 50000,
        answerFrom: 'postcopyFaults',
        tolerance: 0.3,
        explain:
          'Pushing in address order rarely sends the page the guest wants next: {answer}, and its vCPUs waited {faultStallMs} in all.',
      },
      claims: [{ says: 'faulted about 5,000 times', figure: 'postcopyFaults', of: POSTCOPY, min: 4500, max: 5500 }],
    },
    {
      title: 'Hybrid',
      scenario: scenarioLink(VM, QEMU_STOP, {
        strategy: 'hybrid',
        'hybrid.switchAfterRounds': 2,
        'hybrid.switchAtMs': 0,
      }),
      highlight: 'hybrid.switchAfterRounds',
      body: ['A [[hybrid]] migration runs 2 pre-copy rounds first, then switches to post-copy.'],
      question: {
        kind: 'choice',
        prompt: 'What happens to the faults?',
        choices: [
          {
            label: 'They fall to about 750',
            correct: true,
            why: 'The pre-copy rounds have already sent every page but those written since, so the destination rarely misses one, and it depends on the source for under a second.',
          },
          {
            label: 'They stay the same',
            correct: false,
            why: 'Each page sent before the switch is one the destination no longer has to fetch.',
          },
          {
            label: 'They go away',
            correct: false,
            why: 'Pages written after round 2 still have to be fetched after the switch.',
          },
        ],
      },
      claims: [
        { says: '2 pre-copy rounds', figure: 'rounds', is: 2 },
        { says: 'about 750', figure: 'postcopyFaults', min: 700, max: 800 },
        { says: 'under a second', figure: 'dependencyWindowMs', max: 1000 },
        { says: 'written after round 2', figure: 'postcopyFaults', min: 1 },
      ],
    },
  ],
};
