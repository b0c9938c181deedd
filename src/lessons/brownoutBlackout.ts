import type { Lesson } from './types';

const STOP_AND_COPY = 'v=1&strategy=stopcopy';

export const brownoutBlackout: Lesson = {
  id: 'brownout-blackout',
  title: 'Brownout and blackout',
  summary: 'Stop-and-copy against pre-copy on the same VM: where the pause goes.',
  learned:
    'Pre-copy moves most of the memory during a brownout, so the blackout shrinks from the whole copy to its last remainder, for a few extra bytes.',
  steps: [
    {
      title: 'Stop, copy, start',
      scenario: STOP_AND_COPY,
      highlight: 'strategy',
      body: [
        'Stop-and-copy pauses the VM, sends all of its memory, and starts it on the destination: the whole copy is [[blackout]].',
        'This VM has written 2 GiB of its 4 GiB; pages it never wrote go as tiny [[zero-page]] markers. The link carries 1 Gbit/s.',
      ],
      question: {
        kind: 'number',
        prompt: 'How long will the VM be paused?',
        unit: 'ms',
        min: 0,
        max: 60000,
        answerFrom: 'downtimeMs',
        tolerance: 0.2,
        explain:
          'Every written page crosses the link while the VM is paused: {bytesMiB} took {answer}. At 1 Gbit/s each GiB costs about 9 s, and 2 GiB is two of them.',
      },
      claims: [
        { says: '2 GiB of its 4 GiB', figure: 'scenario.vm.usedMiB', is: 2048 },
        { says: '2 GiB of its 4 GiB', figure: 'scenario.vm.memoryMiB', is: 4096 },
        { says: '1 Gbit/s', figure: 'scenario.network.linkMbps', is: 1000 },
        // 1 GiB = 8.59 Gbit: about 9 s at 1 Gbit/s; the run's pause per GiB written agrees.
        { says: 'each GiB costs about 9 s', figure: 'downtimeMs', min: 2 * 8000, max: 2 * 9500 },
        { says: '2 GiB is two of them', figure: 'bytesMiB', min: 2048, max: 2100 },
      ],
    },
    {
      title: 'Copy while it runs',
      highlight: 'Timeline',
      body: [
        '[[pre-copy|Pre-copy]] sends the memory while the VM keeps running, a [[brownout]], then resends what the guest changed meanwhile, [[round]] after round.',
        'Only the small remainder is sent in the pause at the end. Same VM, same link as before.',
      ],
      question: {
        kind: 'choice',
        prompt: 'Stop-and-copy paused this VM for 17 s. How long is the pause now?',
        choices: [
          {
            label: 'About the same: the same memory has to move',
            correct: false,
            why: 'The memory still moves, but almost all of it while the VM runs.',
          },
          {
            label: 'A few hundred ms',
            correct: true,
            why: 'The blackout falls to a few hundred ms, paid for with some extra bytes: pages the guest rewrote during the copy were sent again.',
          },
          {
            label: 'No pause at all',
            correct: false,
            why: 'There is always a final pause: the last dirty pages and the device state must be sent while the VM is stopped.',
          },
        ],
      },
      claims: [
        { says: 'paused this VM for 17 s', figure: 'downtimeMs', of: STOP_AND_COPY, min: 16500, max: 17500 },
        { says: 'a few hundred ms', figure: 'downtimeMs', min: 100, max: 750 },
        { says: 'some extra bytes', figure: 'bytesMiB', min: 2100, max: 2700 },
        { says: 'some extra bytes', figure: 'bytesMiB', of: STOP_AND_COPY, max: 2100 },
      ],
    },
  ],
};
