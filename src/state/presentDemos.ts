import { applyPreset, type Scenario } from '../engine';
import type { LessonStep } from '../lessons/types';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { encodeLink } from './urlCodec';

/**
 * The classic cases keys 1 to 4 load, written as lesson steps so that presentation mode shows them as
 * scenes (caption and question for the room). test/unit/state/presentDemos.test.ts runs each through the
 * engine and checks it shows what its title says.
 */
const linkOf = (scenario: Scenario) => encodeLink(scenario);

/** Pre-copy on the default VM: 4 GiB, a web server's writes, 1 Gbit/s. */
const converges = DEFAULT_SCENARIO;

/** A writer that dirties 400 MiB/s, faster than 1 Gbit/s (about 119 MiB/s) can send. */
const neverConverges = applyPreset(DEFAULT_SCENARIO, 'memory-stress');

const postcopyFaults: Scenario = { ...DEFAULT_SCENARIO, strategy: 'postcopy' };

/** The link carries nothing from 8 s into the copy for a minute: the stream is declared broken after 5 s. */
const linkFails: Scenario = {
  ...DEFAULT_SCENARIO,
  faults: [{ kind: 'network-drop', when: 'brownout', atMs: 8000, durationMs: 60_000, factorPct: 10 }],
};

export const DEMO_STEPS: readonly LessonStep[] = [
  {
    title: 'Pre-copy that converges in a few rounds',
    body: [
      'Each round sends what the round before it left dirty, so the rounds shrink until the rest fits under the downtime limit.',
    ],
    scenario: linkOf(converges),
    highlight: 'Timeline',
    question: {
      kind: 'choice',
      prompt: 'The first round sends all of memory in 17 s. How long will the VM be paused at the end?',
      choices: [
        { label: 'About 17 s', correct: false, why: 'Only what is still dirty is sent while the VM is paused.' },
        { label: 'Under a second', correct: true, why: 'The rounds shrink the dirty set to a few dozen MiB.' },
        { label: 'No pause at all', correct: false, why: 'The last dirty pages need the VM stopped to copy.' },
      ],
    },
  },
  {
    title: 'Pre-copy that never converges',
    body: [
      'The guest dirties memory faster than the link sends it: every round leaves as much dirty as it started with, until the round cap forces a long blackout.',
    ],
    scenario: linkOf(neverConverges),
    highlight: 'Timeline',
    question: {
      kind: 'choice',
      prompt: 'The guest writes 400 MiB/s over a 1 Gbit/s link. Will the rounds ever get small enough?',
      choices: [
        { label: 'Yes, after enough rounds', correct: false, why: 'Each round re-dirties as much as it sends.' },
        {
          label: 'No: something must force the end',
          correct: true,
          why: 'The round cap ends it, with a long blackout.',
        },
      ],
    },
  },
  {
    title: 'Post-copy: the VM moves first, its pages follow',
    body: [
      'The VM runs on the destination after a pause of a few ms; every page it touches that has not arrived yet is a fault fetched from the source.',
    ],
    scenario: linkOf(postcopyFaults),
    highlight: 'Memory',
    question: {
      kind: 'choice',
      prompt: 'The pause is only a few ms. What does the guest pay instead?',
      choices: [
        { label: 'Nothing', correct: false, why: 'Each fault stalls a vCPU for a round trip.' },
        {
          label: 'Faults while its pages are fetched',
          correct: true,
          why: 'Until the push ends, it depends on the source.',
        },
      ],
    },
  },
  {
    title: 'The link fails in the middle of the copy',
    body: [
      'Eight seconds into the first round the network drops; after five silent seconds the stream is declared broken and the migration is abandoned.',
    ],
    scenario: linkOf(linkFails),
    highlight: 'Timeline',
    question: {
      kind: 'choice',
      prompt: 'The link fails before the VM was paused. Where does the VM run afterwards?',
      choices: [
        {
          label: 'On the source, as before',
          correct: true,
          why: 'Nothing was committed: the source still owns the VM.',
        },
        { label: 'On the destination', correct: false, why: 'It never stopped on the source, so it never moved.' },
        { label: 'Nowhere: it is lost', correct: false, why: 'Only a failure after commit can strand a VM.' },
      ],
    },
  },
];
