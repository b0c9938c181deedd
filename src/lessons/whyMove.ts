import { LESSON_VM, QEMU_STOP, scenarioLink, WEB_WORKLOAD } from './links';
import type { Lesson } from './types';

/** A web server of 4 GiB on network storage; its host's disk writes 500 MiB/s and a boot takes 45 s. */
const WEB_SERVER = scenarioLink(LESSON_VM, WEB_WORKLOAD, QEMU_STOP, {
  'resources.disk': 'network',
  'host.diskMiBps': 500,
  'devices.restartS': 45,
});

const SLOW_LINK =
  'v=1&network.linkMbps=20&network.rttMs=40&host.carryMinutes=10&workload.preset=custom&workload.writeRateMiBps=1&workload.wssMiB=64';
const OTHERS = ['hard-power-down', 'soft-power-down', 'hibernation', 'suspend-and-carry', 'quick-migration'] as const;

export const whyMove: Lesson = {
  id: 'why-move',
  title: 'Why move a running VM at all',
  summary: 'The reasons to move a VM, and the ways to do it from pulling the plug to live migration.',
  learned:
    'Only live migration moves a VM without a pause its connections notice, and a slow enough link makes carrying a disk the faster move.',
  steps: [
    {
      title: 'Reasons to move',
      highlight: 'Hosts',
      body: [
        'A data centre moves running VMs for its own reasons: to take load off a busy host, to empty a machine before a [[maintenance-event|maintenance]] window, to leave hardware that is starting to fail, to pack work onto fewer machines and power the rest down, or to put a VM on another kind of host.',
        'None of this needs the guest to know: the goal is [[assignment-independence]], where the physical machine stops mattering to the workload.',
      ],
      question: {
        kind: 'choice',
        prompt:
          'Moving a busy VM to an idle host balances load. Why do schedulers do it for long-lived VMs, but rarely for short jobs?',
        choices: [
          {
            label: 'A short job is often done before its move would pay off',
            correct: true,
            why: 'A move costs bandwidth, a brownout and a short pause; a job that ends soon never earns that back on the quieter host.',
          },
          {
            label: 'Short jobs cannot be migrated',
            correct: false,
            why: 'Any VM can be migrated; the question is whether it is worth it.',
          },
          {
            label: 'Long-lived VMs use less memory',
            correct: false,
            why: 'Memory size has nothing to do with how long a job lives; what matters is the time left to benefit from the move.',
          },
        ],
      },
    },
    {
      title: 'From hard power-down to live migration',
      stage: 'spectrum',
      scenario: WEB_SERVER,
      highlight: 'Spectrum of approaches',
      body: [
        'The same VM is moved here every way there is, from cutting its power to a [[live-migration]].',
        'A pause longer than about 750 ms breaks many TCP connections to the outside world, so it is the line that matters for a service.',
      ],
      question: {
        kind: 'choice',
        prompt: 'Rank them in your head by how long the service is down. Which approaches stay under 750 ms?',
        choices: [
          {
            label: 'Hibernation and quick migration',
            correct: false,
            why: 'Hibernation pauses the VM while its memory goes to disk, the machine boots again and reads it back (53 s here); quick migration pauses it for the whole copy over the network (17 s).',
          },
          {
            label: 'Only live migration',
            correct: true,
            why: 'Only live migration copies while the VM keeps running: its pause is well under a second, every other approach takes seconds or more.',
          },
          {
            label: 'All but the power-downs',
            correct: false,
            why: 'Pausing the VM while its whole memory moves takes seconds whatever the medium; only copying while it runs avoids that.',
          },
        ],
      },
      claims: [
        { says: 'well under a second', figure: 'spectrum.live-migration.downtimeS', max: 0.75 },
        ...OTHERS.map((a) => ({
          says: 'every other approach takes seconds or more',
          figure: `spectrum.${a}.downtimeS` as const,
          min: 1,
        })),
        { says: '53 s here', figure: 'spectrum.hibernation.downtimeS', min: 52.5, max: 53.5 },
        { says: '17 s', figure: 'spectrum.quick-migration.downtimeS', min: 16.5, max: 17.5 },
      ],
    },
    {
      title: 'When carrying a disk beats the network',
      stage: 'spectrum',
      scenario: SLOW_LINK,
      highlight: 'host.carryMinutes',
      body: [
        'Now the two places are joined by a 20 Mbit/s link, like an office and a home: copying the 2 GiB this VM has written takes about a quarter of an hour.',
        'Or save the VM to a disk and carry it: 10 minutes on the road. The Collective project called this Internet suspend and resume.',
      ],
      question: {
        kind: 'choice',
        prompt: 'Which move has the VM running at the other end first?',
        choices: [
          {
            label: 'Suspend and carry',
            correct: true,
            why: 'Carrying takes a fixed time whatever the size; at 20 Mbit/s the network needs longer than the drive.',
          },
          {
            label: 'Quick migration over the link',
            correct: false,
            why: 'Quick migration needs the whole copy over the slow link, about a quarter of an hour.',
          },
          {
            label: 'Live migration over the link',
            correct: false,
            why: 'Live migration keeps the pause short, but it still sends all the memory over the slow link, and more: it is the last to finish.',
          },
        ],
      },
      claims: [
        { says: '20 Mbit/s', figure: 'scenario.network.linkMbps', is: 20 },
        { says: 'the 2 GiB this VM has written', figure: 'scenario.vm.usedMiB', is: 2048 },
        { says: 'about a quarter of an hour', figure: 'spectrum.quick-migration.totalS', min: 780, max: 1020 },
        { says: '10 minutes on the road', figure: 'scenario.host.carryMinutes', is: 10 },
        { says: 'the network needs longer than the drive', figure: 'spectrum.suspend-and-carry.totalS', max: 700 },
        {
          says: 'it is the last to finish',
          figure: 'spectrum.live-migration.totalS',
          moreThan: ['spectrum.quick-migration.totalS', 'spectrum.suspend-and-carry.totalS'],
        },
      ],
    },
  ],
};
