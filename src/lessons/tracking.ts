import type { Lesson } from './types';

/** A large VM that has written little of its memory and writes slowly: the case where tracking from boot pays. */
const IDLE_GIANT =
  'v=1&vm.memoryMiB=32768&vm.usedMiB=4096&workload.preset=custom&workload.writeRateMiBps=5&workload.wssMiB=256';
const NO_ZERO = `${IDLE_GIANT}&precopy.zeroPageDetection=false`;
const FROM_BOOT = `${NO_ZERO}&precopy.trackFromBoot=true`;

export const tracking: Lesson = {
  id: 'tracking',
  title: 'When to start dirty tracking',
  summary: 'Tracking from boot against tracking from the migration, on a large and mostly idle VM.',
  learned:
    "Tracking from boot lets round 1 skip memory never written, at the price of the tracking overhead for the VM's whole life; zero-page detection gets most of that gain for free.",
  steps: [
    {
      title: 'Tracking from the migration',
      scenario: NO_ZERO,
      highlight: 'precopy.trackFromBoot',
      body: [
        'This VM has 32 GiB of memory but has only ever written 4 GiB of it, and now writes 5 MiB/s.',
        '[[dirty-tracking|Dirty tracking]] starts with the migration, so round 1 must treat every page as dirty. [[zero-page|Zero-page]] detection is off.',
      ],
      question: {
        kind: 'number',
        prompt: 'How long will round 1 take?',
        unit: 's',
        min: 0,
        max: 600,
        answerFrom: 'round1S',
        tolerance: 0.25,
        explain:
          'With nothing tracked before, round 1 sent {round1MiB}, never-written pages too, and took {answer}; the link moves a little over 100 MiB each second.',
      },
      claims: [
        { says: '32 GiB of memory', figure: 'scenario.vm.memoryMiB', is: 32768 },
        { says: 'only ever written 4 GiB', figure: 'scenario.vm.usedMiB', is: 4096 },
        { says: 'writes 5 MiB/s', figure: 'scenario.workload.writeRateMiBps', is: 5 },
        { says: 'a little over 100 MiB each second', figure: 'round1MiB', min: 100 * 270, max: 125 * 280 },
      ],
    },
    {
      title: 'Tracking since boot',
      scenario: FROM_BOOT,
      highlight: 'precopy.trackFromBoot',
      body: [
        'Now tracking has run since the VM booted, so round 1 knows which pages were ever written and sends only those.',
        'Round 1 sends about 4 GiB in 34 s, instead of all 32 GiB in 275 s.',
      ],
      claims: [
        { says: 'about 4 GiB in 34 s', figure: 'round1MiB', min: 4000, max: 4300 },
        { says: 'about 4 GiB in 34 s', figure: 'round1S', min: 33, max: 35.5 },
        { says: 'all 32 GiB in 275 s', figure: 'round1MiB', of: NO_ZERO, min: 32768 },
        { says: 'all 32 GiB in 275 s', figure: 'round1S', of: NO_ZERO, min: 270, max: 280 },
      ],
    },
    {
      title: 'What tracking costs',
      scenario: IDLE_GIANT,
      highlight: 'precopy.zeroPageDetection',
      body: [
        'Tracking is not free: trapping writes slows the guest, by 2 % here. Started at boot, the guest pays it every hour it runs, migrated or not; started with the migration, only while it lasts.',
        'Zero-page detection, on again here, gets most of the gain back without it: round 1 takes about 37 s, against 34 s with tracking from boot.',
      ],
      question: {
        kind: 'choice',
        prompt: 'A mostly idle VM that migrates once a month: which is cheaper?',
        choices: [
          {
            label: 'Tracking from the migration, with zero-page detection',
            correct: true,
            why: 'Checking never-written pages costs round 1 a few seconds once a month; tracking from boot costs a slice of every second of the month.',
          },
          {
            label: 'Tracking from boot',
            correct: false,
            why: 'It saves a few seconds in round 1, but charges the tracking overhead all month long.',
          },
        ],
      },
      claims: [
        { says: 'by 2 % here', figure: 'scenario.vm.trackingOverheadPct', is: 2 },
        { says: 'round 1 takes about 37 s', figure: 'round1S', min: 36, max: 38 },
        { says: 'against 34 s with tracking from boot', figure: 'round1S', of: FROM_BOOT, min: 33, max: 35.5 },
        { says: 'costs round 1 a few seconds', figure: 'round1S', min: 35.5 },
      ],
    },
  ],
};
