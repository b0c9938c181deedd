import type { Lesson, LessonClaim } from './types';

/**
 * The evacuation-time choices of the first step, in seconds, so the lesson's test can check that the
 * choice marked right is the one the engine's evacuation time falls in.
 */
export const EVACUATION_CHOICES_S = [
  { label: 'Under 30 s: 40 VMs of a few GiB each go in seconds on 25 Gbit/s', minS: 0, maxS: 30, correct: false },
  { label: 'Between 30 s and 3 minutes', minS: 30, maxS: 180, correct: true },
  { label: 'Between 3 and 15 minutes', minS: 180, maxS: 900, correct: false },
  { label: 'More than 15 minutes', minS: 900, maxS: Infinity, correct: false },
] as const;

/** The per-host cap of the second step, and the defaults it loosens. */
export const LOOSE_PER_HOST_CAP = 8;

/** The lesson's links: the fleet view with a fleet preset and the fields a step changes. */
export const FLEET_LESSON_LINKS = {
  defaults: 'v=1&view=fleet&fleet=rack-maintenance',
  loose: `v=1&view=fleet&fleet=rack-maintenance&fleet.perSourceHostCap=${LOOSE_PER_HOST_CAP}&fleet.perDestinationHostCap=${LOOSE_PER_HOST_CAP}`,
  terminate: 'v=1&view=fleet&fleet=simulated-maintenance',
  kubevirt: 'v=1&view=fleet&fleet=rack-maintenance&fleet.platform=kubevirt',
  nova: 'v=1&view=fleet&fleet=rack-maintenance&fleet.platform=nova',
  vsphere: 'v=1&view=fleet&fleet=rack-maintenance&fleet.platform=vsphere',
} as const;

/** What each evacuation choice says, as a claim on the run: the right one holds, the others do not. */
const EVACUATION_CLAIMS: LessonClaim[] = [
  { says: 'Under 30 s', figure: 'fleet.evacuationS', min: 30 },
  { says: 'Between 30 s and 3 minutes', figure: 'fleet.evacuationS', min: 30, max: 180 },
  { says: 'Between 3 and 15 minutes', figure: 'fleet.evacuationS', max: 180 },
  { says: 'More than 15 minutes', figure: 'fleet.evacuationS', max: 900 },
];
const NIC = { says: '25 Gbit/s', figure: 'fleet.scenario.fleet.nicMbps', is: 25000 } as const;
const NOTICE = { figure: 'fleet.scenario.notice.migrateS', is: 60 } as const;

export const fleetLesson: Lesson = {
  id: 'fleet',
  title: 'The fleet',
  summary: 'A scheduler empties a rack: caps, shared links, and VMs that are stopped instead of moved.',
  learned:
    'Concurrency caps exist because migrations share links: allowing more at once can make every one of them slower, and VMs whose policy is TERMINATE get stopped and booted again instead.',
  steps: [
    {
      title: 'A rack needs maintenance tomorrow',
      view: 'fleet',
      scenario: FLEET_LESSON_LINKS.defaults,
      highlight: 'Fleet counters',
      body: [
        'Rack 1 holds 8 hosts and about 60 VMs. Before it can go down, the scheduler must move every VM that allows live migration to the other racks, at most 2 at once out of each host and 2 into each.',
        'Each guest is first told through its maintenance-event key and given 60 s of notice. VMs whose owner chose TERMINATE are stopped instead and boot again elsewhere.',
      ],
      question: {
        kind: 'choice',
        prompt: 'How long from the maintenance request until the last VM has left rack 1?',
        choices: EVACUATION_CHOICES_S.map((c) => ({
          label: c.label,
          correct: c.correct,
          why: c.correct
            ? 'Right: the 60 s notice comes first, then about 40 live migrations of a few seconds each, two per host at a time. Read "Time to evacuate" in the counters.'
            : 'Count the 60 s of notice the guests get before any migration starts, then the migrations two per host at a time: the counters give the figure.',
        })),
      },
      claims: [
        { says: 'holds 8 hosts', figure: 'fleet.rack1Hosts', is: 8 },
        { says: 'about 60 VMs', figure: 'fleet.summary.affected', min: 50, max: 70 },
        {
          says: 'at most 2 at once out of each host and 2 into each',
          figure: 'fleet.summary.caps.perSourceHost',
          is: 2,
        },
        {
          says: 'at most 2 at once out of each host and 2 into each',
          figure: 'fleet.summary.caps.perDestinationHost',
          is: 2,
        },
        { says: 'given 60 s of notice', ...NOTICE },
        { says: 'given 60 s of notice', figure: 'fleet.firstMigrationS', min: 60 },
        { says: 'the 60 s notice', ...NOTICE },
        { says: 'Count the 60 s of notice', ...NOTICE },
        ...EVACUATION_CLAIMS,
        { says: '40 VMs', figure: 'fleet.summary.migrated', min: 35, max: 45 },
        { says: 'about 40 live migrations', figure: 'fleet.summary.migrated', min: 35, max: 45 },
        NIC,
      ],
    },
    {
      title: 'Loosen the per-host cap',
      view: 'fleet',
      scenario: FLEET_LESSON_LINKS.loose,
      highlight: 'Migrations over time',
      body: [
        `The caps per source and per destination host are now ${LOOSE_PER_HOST_CAP} instead of 2. More migrations run at once, but they share each host's 25 Gbit/s network card.`,
        'Compare the bars in the chart with the step before: each migration gets a smaller share, runs longer, and re-sends more of the pages its guest dirtied meanwhile.',
      ],
      question: {
        kind: 'choice',
        prompt: `With ${LOOSE_PER_HOST_CAP} migrations per host at once instead of 2, how does the evacuation go?`,
        choices: [
          {
            label: 'About four times faster: four times as many at once',
            correct: false,
            why: 'Only if the network had room for all of them. Each host has one card: four times as many migrations each get about a quarter of it.',
          },
          {
            label: 'Slower: each migration takes several times longer and the rack empties later',
            correct: true,
            why: 'Right: with a quarter of the bandwidth each, pre-copy needs more rounds, because the guests dirty pages faster than they are sent; the bytes and the blackouts grow too.',
          },
          {
            label: 'The same: the total bandwidth is the same',
            correct: false,
            why: 'The card is shared either way, but a slower migration re-sends more dirtied pages, so the same card has more bytes to carry.',
          },
        ],
      },
      claims: [
        {
          says: `now ${LOOSE_PER_HOST_CAP} instead of 2`,
          figure: 'fleet.summary.caps.perSourceHost',
          is: LOOSE_PER_HOST_CAP,
        },
        {
          says: `now ${LOOSE_PER_HOST_CAP} instead of 2`,
          figure: 'fleet.summary.caps.perDestinationHost',
          is: LOOSE_PER_HOST_CAP,
        },
        {
          says: `now ${LOOSE_PER_HOST_CAP} instead of 2`,
          figure: 'fleet.summary.caps.perSourceHost',
          of: FLEET_LESSON_LINKS.defaults,
          is: 2,
        },
        NIC,
        {
          says: `With ${LOOSE_PER_HOST_CAP} migrations per host at once instead of 2`,
          figure: 'fleet.summary.peakConcurrent.perSourceHost',
          min: 3,
          max: LOOSE_PER_HOST_CAP,
        },
        {
          says: `With ${LOOSE_PER_HOST_CAP} migrations per host at once instead of 2`,
          figure: 'fleet.summary.peakConcurrent.perSourceHost',
          of: FLEET_LESSON_LINKS.defaults,
          is: 2,
        },
      ],
    },
    {
      title: 'A VM that is terminated, not moved',
      view: 'fleet',
      scenario: FLEET_LESSON_LINKS.terminate,
      highlight: 'VM details',
      body: [
        'vm0 has the policy TERMINATE with automatic restart. Its owner asks for a simulated maintenance event to see what the application will live through.',
        'Pick vm0 and press "Simulate maintenance event": the panel shows what the maintenance-event key said and what the policy did.',
      ],
      question: {
        kind: 'choice',
        prompt: 'What does vm0 go through?',
        choices: [
          {
            label: 'A 60 s notice, then a live migration with a blackout of a few hundred milliseconds',
            correct: false,
            why: 'That is what a MIGRATE VM gets. A TERMINATE VM is not moved at all.',
          },
          {
            label: 'No advance notice; it is stopped and boots again on its host about 45 s later',
            correct: true,
            why: 'Right: Compute Engine sets the key ahead of time only for MIGRATE and GPU VMs; a simulated event restarts the VM in place, and everything in its memory is lost.',
          },
          {
            label: 'It is stopped and stays stopped until an operator starts it',
            correct: false,
            why: 'Only with automatic restart off. vm0 restarts by itself.',
          },
        ],
      },
      claims: [
        { says: 'has the policy TERMINATE with automatic restart', figure: 'fleet.vm0Policy', is: 'TERMINATE' },
        { says: 'has the policy TERMINATE with automatic restart', figure: 'fleet.vm0AutomaticRestart', is: true },
        { says: 'A 60 s notice', ...NOTICE },
        { says: 'No advance notice', figure: 'fleet.vm0NoticeS', is: 0 },
        { says: 'boots again on its host about 45 s later', figure: 'fleet.vm0Outcome', is: 'restarted' },
        { says: 'boots again on its host about 45 s later', figure: 'fleet.vm0RestartedInPlace', is: true },
        { says: 'boots again on its host about 45 s later', figure: 'fleet.vm0DownS', min: 44, max: 46 },
      ],
    },
    {
      title: 'A real platform',
      view: 'fleet',
      scenario: FLEET_LESSON_LINKS.kubevirt,
      highlight: 'Fleet controls',
      body: [
        "The same rack under KubeVirt's defaults: at most 5 migrations in the whole cluster and 2 out of each node.",
        'Change the platform to OpenStack Nova (1 per host) or vSphere (8 per host on fast links) and watch the chart and the time to evacuate.',
      ],
      claims: [
        {
          says: 'at most 5 migrations in the whole cluster and 2 out of each node',
          figure: 'fleet.summary.caps.fleet',
          is: 5,
        },
        {
          says: 'at most 5 migrations in the whole cluster and 2 out of each node',
          figure: 'fleet.summary.caps.perSourceHost',
          is: 2,
        },
        {
          says: 'at most 5 migrations in the whole cluster and 2 out of each node',
          figure: 'fleet.summary.peakConcurrent.fleet',
          max: 5,
        },
        { says: '1 per host', figure: 'fleet.summary.caps.perSourceHost', of: FLEET_LESSON_LINKS.nova, is: 1 },
        {
          says: '8 per host on fast links',
          figure: 'fleet.summary.caps.perSourceHost',
          of: FLEET_LESSON_LINKS.vsphere,
          is: 8,
        },
      ],
    },
  ],
};
