import type { Lesson, LessonQuestion } from './types';

const fault = (kind: string, when: string, atMs: number) =>
  `faults=${encodeURIComponent(JSON.stringify([{ kind, when, atMs }]))}`;

const whereDoesItEnd = (
  right: 'source' | 'destination' | 'lost',
  why: Record<'source' | 'destination' | 'lost', string>,
): LessonQuestion => ({
  kind: 'choice',
  prompt: 'Where does the VM end up?',
  choices: [
    { label: 'Running on the source', correct: right === 'source', why: why.source },
    { label: 'Running on the destination', correct: right === 'destination', why: why.destination },
    { label: 'Lost', correct: right === 'lost', why: why.lost },
  ],
});

export const commitFaults: Lesson = {
  id: 'commit-faults',
  title: 'Commit and faults',
  summary: 'A crash before, during and after the commit: where the VM ends up, and why the commit point decides it.',
  learned:
    'Before the commit the source holds the good copy and a failure only aborts; after it the destination does, and losing it (or, in post-copy, the source) loses the VM.',
  steps: [
    {
      title: 'The destination crashes in brownout',
      scenario: `v=1&${fault('destination-crash', 'brownout', 5000)}`,
      stage: 'lifecycle',
      highlight: 'faults',
      body: [
        'Fault injection checks that a migration either finishes or cleanly gives up. Here the destination crashes 5 s into the copy.',
        'The [[commit]] is the point of no return: before it, the source owns the VM.',
      ],
      question: whereDoesItEnd('source', {
        source:
          'Nothing was committed: the source never stopped running the VM, and the half-made copy is simply dropped.',
        destination: 'The destination is gone, and it never ran the VM.',
        lost: 'Before the commit the source still holds the only current copy.',
      }),
      claims: [
        { says: '5 s into the copy', figure: 'scenario.faults.0.atMs', is: 5000 },
        { says: 'the source never stopped running the VM', figure: 'vmLocation', is: 'source' },
        { says: 'the source never stopped running the VM', figure: 'downtimeMs', is: 0 },
      ],
    },
    {
      title: 'The destination crashes in blackout',
      scenario: `v=1&${fault('destination-crash', 'blackout', 100)}`,
      stage: 'lifecycle',
      highlight: 'faults',
      body: ['Now the destination crashes 100 ms into the final copy, while the VM is paused on the source.'],
      question: whereDoesItEnd('source', {
        source:
          'The destination had not acknowledged the final state, so nothing was committed: the source resumes the VM after a pause of 100 ms.',
        destination: 'The destination crashed before it could take over.',
        lost: 'The paused source still holds a complete, current copy.',
      }),
      claims: [
        { says: '100 ms into the final copy', figure: 'scenario.faults.0.atMs', is: 100 },
        { says: 'the source resumes the VM', figure: 'vmLocation', is: 'source' },
        { says: 'after a pause of 100 ms', figure: 'downtimeMs', min: 99, max: 101 },
      ],
    },
    {
      title: 'The destination crashes after the commit',
      scenario: `v=1&${fault('destination-crash', 'after-commit', 10)}`,
      stage: 'lifecycle',
      highlight: 'faults',
      body: ['This time the destination crashes 10 ms after the commit, once it has taken over.'],
      question: whereDoesItEnd('lost', {
        source: "After the commit the source's copy is out of date: the VM has run on the destination since.",
        destination: 'The destination has crashed.',
        lost: 'The only current copy was on the destination: the VM is lost, and only a restart from its disk can bring it back.',
      }),
      claims: [
        { says: '10 ms after the commit', figure: 'scenario.faults.0.atMs', is: 10 },
        { says: 'the VM is lost', figure: 'vmLocation', is: 'lost' },
      ],
    },
    {
      title: 'The source crashes in post-copy',
      scenario: `v=1&strategy=postcopy&${fault('source-crash', 'after-commit', 2000)}`,
      stage: 'lifecycle',
      highlight: 'faults',
      body: [
        'In post-copy the switchover is the commit, and the destination still fetches pages from the source afterwards. Here the source crashes 2 s after the switch.',
      ],
      question: whereDoesItEnd('lost', {
        source: 'The source has crashed.',
        destination: 'The destination runs the VM but lacks most of its pages, and their only copy was on the source.',
        lost: "Part of the VM's memory existed only on the source: this is the risk of post-copy's dependency on the source.",
      }),
      claims: [
        { says: '2 s after the switch', figure: 'scenario.faults.0.atMs', is: 2000 },
        { says: 'lacks most of its pages', figure: 'bytesMiB', max: 1024 },
        { says: 'this is the risk', figure: 'vmLocation', is: 'lost' },
      ],
    },
  ],
};
