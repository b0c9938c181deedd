import type { Lesson } from './types';

/** A guest that dirties memory faster than the link sends it; 80 % of the writes come from one process. */
const RUNAWAY =
  'v=1&workload.preset=custom&workload.writeRateMiBps=200&workload.wssMiB=1024&workload.pattern=uniform&workload.rogueSharePct=80&precopy.maxIterations=20';

export const convergence: Lesson = {
  id: 'convergence',
  title: 'Convergence',
  summary: 'A workload that never converges, and what giving up, throttling or stunning a process each cost.',
  learned:
    'Pre-copy converges only if the link outpaces the writes; otherwise you pay in a long pause, a wasted attempt, a slowed guest or a frozen process.',
  steps: [
    {
      title: 'A guest that outruns the link',
      scenario: RUNAWAY,
      highlight: 'Timeline',
      body: [
        'This guest writes 200 MiB/s spread evenly over 1 GiB, faster than a 1 Gbit/s link can send. The management layer allows 20 rounds.',
      ],
      question: {
        kind: 'choice',
        prompt: 'What happens when the 20 rounds are used up?',
        choices: [
          {
            label: 'It stops anyway, with seconds of pause',
            correct: true,
            why: 'The rounds stop shrinking after the first few; at the cap, everything still dirty is sent in the blackout, seconds long.',
          },
          {
            label: 'It converges in the last round',
            correct: false,
            why: 'Nothing changes in the last round: the guest still writes faster than the link sends, so the dirty set never fits under the threshold.',
          },
          {
            label: 'It runs until someone cancels it',
            correct: false,
            why: 'That is what QEMU on its own does, with no cap; here the management layer caps the rounds.',
          },
        ],
      },
      claims: [
        { says: '200 MiB/s', figure: 'scenario.workload.writeRateMiBps', is: 200 },
        { says: 'over 1 GiB', figure: 'scenario.workload.wssMiB', is: 1024 },
        { says: 'a 1 Gbit/s link', figure: 'scenario.network.linkMbps', is: 1000 },
        { says: '20 rounds', figure: 'scenario.precopy.maxIterations', is: 20 },
        { says: '20 rounds', figure: 'stopReason', is: 'max-iterations' },
        { says: 'seconds of pause', figure: 'downtimeMs', min: 2000, max: 20000 },
        { says: 'seconds long', figure: 'converged', is: false },
      ],
    },
    {
      title: 'Give up',
      scenario: `${RUNAWAY}&precopy.onNoConvergence=abort`,
      highlight: 'precopy.onNoConvergence',
      body: ['Instead of a long pause, the platform may abort a migration that does not converge.'],
      question: {
        kind: 'choice',
        prompt: 'Where does the VM run once the attempt is aborted?',
        choices: [
          {
            label: 'On the source, as before',
            correct: true,
            why: 'Nothing was committed, so the source simply keeps running it. The cost is the attempt: over 14 GiB sent for nothing, and the host still needs emptying.',
          },
          {
            label: 'On the destination',
            correct: false,
            why: 'The switch never happened: the destination only ever held a copy that kept going stale.',
          },
          {
            label: 'Nowhere: it is lost',
            correct: false,
            why: 'Aborting before the commit is safe: the source still holds the only current copy.',
          },
        ],
      },
      claims: [
        { says: 'On the source, as before', figure: 'vmLocation', is: 'source' },
        { says: 'On the source, as before', figure: 'outcome', is: 'aborted' },
        { says: 'over 14 GiB sent for nothing', figure: 'bytesMiB', min: 14 * 1024 },
      ],
    },
    {
      title: 'Throttle the guest',
      scenario: `${RUNAWAY}&precopy.autoConverge=true`,
      highlight: 'precopy.autoConverge',
      body: [
        '[[auto-converge|Auto-converge]] slows every vCPU of the guest in steps until it writes slower than the link sends.',
        'Here the throttle climbs to 60 %, and pre-copy converges in 17 rounds with a pause under the limit.',
      ],
      question: {
        kind: 'choice',
        prompt: 'Who pays for it?',
        choices: [
          {
            label: 'The whole guest runs slower while it migrates',
            correct: true,
            why: 'Every process is throttled, not only the one writing; the guest loses more work than in the run without the throttle.',
          },
          {
            label: 'Nobody: it is free',
            correct: false,
            why: 'Throttled vCPUs do less work; that is the point, and the cost.',
          },
          {
            label: 'Other services on the link',
            correct: false,
            why: 'The migration uses the link as before; it is the guest that is slowed.',
          },
        ],
      },
      claims: [
        { says: 'climbs to 60 %', figure: 'maxThrottlePct', is: 60 },
        { says: 'converges in 17 rounds', figure: 'rounds', is: 17 },
        { says: 'converges in 17 rounds', figure: 'converged', is: true },
        { says: 'a pause under the limit', figure: 'downtimeMs', max: 300 },
        { says: 'loses more work than in the run without the throttle', figure: 'vmLostS', min: 10 },
        { says: 'loses more work than in the run without the throttle', figure: 'vmLostS', of: RUNAWAY, max: 9.5 },
      ],
    },
    {
      title: 'Stun the rogue process',
      scenario: `${RUNAWAY}&precopy.stunRogue=true`,
      highlight: 'precopy.stunRogue',
      body: [
        'Most of these writes, 80 %, come from one process. With [[paravirtualization]] the guest itself can freeze ("stun") that process once pre-copy stops making progress.',
        'The rest of the guest keeps running at full speed, and pre-copy converges in 9 rounds.',
      ],
      claims: [
        { says: '80 %', figure: 'scenario.workload.rogueSharePct', is: 80 },
        { says: 'converges in 9 rounds', figure: 'rounds', is: 9 },
        { says: 'converges in 9 rounds', figure: 'converged', is: true },
        { says: 'keeps running at full speed', figure: 'maxThrottlePct', is: 0 },
      ],
    },
  ],
};
