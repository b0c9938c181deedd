import { HOT_512_WORKLOAD, LESSON_VM, QEMU_STOP, scenarioLink } from './links';
import type { Lesson } from './types';

/** The lesson's VM: a 40 MiB/s writer with a 512 MiB working set, on 1 Gbit/s. */
const VM = { ...LESSON_VM, ...HOT_512_WORKLOAD, ...QEMU_STOP };
const STEADY = scenarioLink(VM);
const FAST_WRITER = { ...VM, 'workload.writeRateMiBps': 400 };

export const rounds: Lesson = {
  id: 'rounds',
  title: 'Rounds and dirty tracking',
  summary: 'How pre-copy resends what the guest changed, and what the write rate and the link do to it.',
  learned:
    'Each round resends the pages dirtied during the one before: a faster writer makes rounds bigger, a faster link makes them shorter and fewer.',
  steps: [
    {
      title: 'What round 2 must send',
      scenario: STEADY,
      highlight: 'workload.writeRateMiBps',
      body: [
        'Round 1 sends every written page once; on this link it takes about 17 s.',
        'Meanwhile the guest writes 40 MiB/s, mostly into a hot part of its 512 MiB [[writable-working-set]]. [[dirty-tracking|Dirty tracking]] marks each page it writes, and round 2 resends the marked pages.',
      ],
      question: {
        kind: 'number',
        prompt: 'How much will round 2 send?',
        unit: 'MiB',
        min: 0,
        max: 1024,
        answerFrom: 'round2MiB',
        tolerance: 0.35,
        explain:
          'Round 1 lasted {round1S}: at 40 MiB/s the guest wrote more than its whole 512 MiB, but a page written twice is still one [[dirty-page]], and most writes hit the same hot pages again. Round 2 sent {answer}.',
      },
      claims: [
        { says: 'about 17 s', figure: 'round1S', min: 16.5, max: 17.5 },
        { says: '40 MiB/s', figure: 'scenario.workload.writeRateMiBps', is: 40 },
        { says: '512 MiB', figure: 'scenario.workload.wssMiB', is: 512 },
        { says: 'more than its whole 512 MiB', figure: 'round1S', min: 512 / 40 },
      ],
    },
    {
      title: 'Rounds shrink',
      scenario: STEADY,
      highlight: 'Timeline',
      body: [
        'Each round resends only what changed during the round before; a smaller round is over sooner, so even less changes during it. Watch the bars in the timeline shrink.',
        'Once what is left fits under the [[stop-threshold]], the VM pauses for the last copy.',
      ],
      claims: [
        { says: 'Watch the bars in the timeline shrink', figure: 'roundsShrink', is: 1 },
        { says: 'fits under the [[stop-threshold]]', figure: 'converged', is: true },
      ],
    },
    {
      title: 'A faster writer',
      scenario: scenarioLink(FAST_WRITER),
      highlight: 'workload.writeRateMiBps',
      body: ['The same VM, but the guest now writes 400 MiB/s instead of 40 MiB/s.'],
      question: {
        kind: 'choice',
        prompt: 'What happens to the rounds?',
        choices: [
          {
            label: 'They stop shrinking',
            correct: true,
            why: 'Round 2 grows to several hundred MiB, and later rounds hover at about the same size: pre-copy never gets under the threshold and stops only at the cap on rounds.',
          },
          {
            label: 'Nothing changes: the working set is the same',
            correct: false,
            why: 'The working set caps how many pages can be dirty, but a faster writer fills far more of it in each round.',
          },
          {
            label: 'They shrink faster',
            correct: false,
            why: 'More writes per second means more pages to resend each round, not fewer.',
          },
        ],
      },
      claims: [
        { says: '400 MiB/s', figure: 'scenario.workload.writeRateMiBps', is: 400 },
        { says: '40 MiB/s', figure: 'scenario.workload.writeRateMiBps', of: STEADY, is: 40 },
        { says: 'Round 2 grows to several hundred MiB', figure: 'round2MiB', min: 300, max: 900 },
        { says: 'stops only at the cap on rounds', figure: 'stopReason', is: 'max-iterations' },
      ],
    },
    {
      title: 'A faster link',
      scenario: scenarioLink(FAST_WRITER, { 'network.linkMbps': 10000 }),
      highlight: 'network.linkMbps',
      body: ['The same fast writer, over a 10 Gbit/s link.'],
      question: {
        kind: 'choice',
        prompt: 'What does the faster link do?',
        choices: [
          {
            label: 'It converges in 2 rounds',
            correct: true,
            why: 'Round 1 is over in under 2 s, so the guest dirties little meanwhile, and round 2 already fits under the threshold.',
          },
          {
            label: 'Nothing: the writer is just as fast',
            correct: false,
            why: 'What matters is how much is written during a round, and a faster link makes each round shorter.',
          },
          {
            label: 'More rounds, each one smaller',
            correct: false,
            why: 'It needs fewer rounds: the first one is so short that little is left to resend.',
          },
        ],
      },
      claims: [
        { says: '10 Gbit/s', figure: 'scenario.network.linkMbps', is: 10000 },
        { says: 'converges in 2 rounds', figure: 'rounds', is: 2 },
        { says: 'converges in 2 rounds', figure: 'converged', is: true },
        { says: 'under 2 s', figure: 'round1S', max: 2 },
      ],
    },
  ],
};
