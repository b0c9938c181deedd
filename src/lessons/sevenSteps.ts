import type { Lesson } from './types';

const GPU = 'v=1&devices.passthroughGpu=true';

export const sevenSteps: Lesson = {
  id: 'seven-steps',
  title: 'The seven steps and what cannot move',
  summary: 'A migration from allocation to deleting the source, and the VMs whose state will not follow.',
  learned:
    'A migration is checked before anything moves, ends only when the source can be deleted, and a VM tied to its host needs another answer than live migration.',
  steps: [
    {
      title: 'The whole migration',
      stage: 'lifecycle',
      highlight: 'Migration steps',
      body: [
        'A migration is more than the copy: allocate room on the destination, check it can run the VM, copy in brownout, stop and copy in blackout, redirect the network with a [[gratuitous-arp|gratuitous ARP]], resume on the destination ([[target-brownout]]) and delete the source.',
        "Memory is a [[local-name]] and must move; storage on the network and the VM's address are [[global-name|global names]] and simply follow.",
      ],
      claims: [
        { says: 'delete the source', figure: 'sourceDeletable', is: true },
        { says: 'resume on the destination', figure: 'vmLocation', is: 'destination' },
      ],
    },
    {
      title: 'No room on the destination',
      scenario: 'v=1&destination.freeMemoryMiB=2048',
      stage: 'lifecycle',
      highlight: 'Migration steps',
      body: ['The destination has 2048 MiB free; this VM needs 4096 MiB.'],
      question: {
        kind: 'choice',
        prompt: 'When does the migration find out?',
        choices: [
          {
            label: 'At the first step, before anything is copied',
            correct: true,
            why: 'Allocation is step one: the destination refuses, nothing crosses the link and the VM never leaves the source.',
          },
          {
            label: 'When the copy runs out of room',
            correct: false,
            why: 'That is what allocating first avoids: a failure after gigabytes have moved.',
          },
        ],
      },
      claims: [
        { says: '2048 MiB free', figure: 'scenario.destination.freeMemoryMiB', is: 2048 },
        { says: 'needs 4096 MiB', figure: 'scenario.vm.memoryMiB', is: 4096 },
        { says: 'the destination refuses', figure: 'stopReason', is: 'refused' },
        { says: 'nothing crosses the link', figure: 'bytesMiB', is: 0 },
        { says: 'the VM never leaves the source', figure: 'vmLocation', is: 'source' },
      ],
    },
    {
      title: 'A firmware mismatch',
      scenario: 'v=1&destination.firmwareMatch=false',
      stage: 'lifecycle',
      highlight: 'Migration steps',
      body: [
        'The destination runs a firmware version this VM cannot resume on. Validation, step two, catches it while the VM still runs untouched on the source; found after the switch, it would have left the VM dark.',
      ],
      claims: [
        { says: 'Validation, step two, catches it', figure: 'stopReason', is: 'refused' },
        { says: 'still runs untouched on the source', figure: 'vmLocation', is: 'source' },
        { says: 'still runs untouched on the source', figure: 'downtimeMs', is: 0 },
      ],
    },
    {
      title: 'A local disk left behind',
      scenario: 'v=1&resources.disk=leave-behind',
      stage: 'lifecycle',
      highlight: 'Residual dependencies',
      body: [
        "This VM's disk is on the source host, and the migration leaves it there: the destination reads it over the network.",
      ],
      question: {
        kind: 'choice',
        prompt: 'Can the source host be deleted and switched off afterwards?',
        choices: [
          {
            label: 'No',
            correct: true,
            why: 'The disk is a [[residual-dependency]]: the source must keep serving it. Copying it first, or keeping disks on network storage, removes it.',
          },
          {
            label: 'Yes',
            correct: false,
            why: 'The memory moved, but the VM still reads its disk from the source.',
          },
        ],
      },
      claims: [
        { says: 'The disk is a [[residual-dependency]]', figure: 'residualDependencies', is: 1 },
        { says: 'the source must keep serving it', figure: 'sourceDeletable', is: false },
      ],
    },
    {
      title: 'A passthrough GPU',
      scenario: GPU,
      stage: 'lifecycle',
      highlight: 'What cannot migrate live',
      body: [
        'A GPU passed straight through keeps its state inside the chip, where the hypervisor cannot copy it from. Live migration is refused.',
        'The platform can refuse, warn the workload so it drains and checkpoints, terminate and restart it, or offer a paravirtual device whose state can be captured.',
      ],
      question: {
        kind: 'choice',
        prompt:
          'The workload is warned, drains and checkpoints in 30 s, then the VM restarts on the destination. How long is the service down?',
        choices: [
          {
            label: 'About the restart: 45 s',
            correct: true,
            why: 'The workload keeps serving while it drains; it is down from the stop until it has booted again.',
          },
          {
            label: 'A few hundred ms, as in live migration',
            correct: false,
            why: 'No state is copied live here: the VM stops and starts again.',
          },
        ],
      },
      claims: [
        { says: 'Live migration is refused', figure: 'stopReason', is: 'refused' },
        { says: 'drains and checkpoints in 30 s', figure: 'scenario.devices.checkpointS', is: 30 },
        {
          says: 'About the restart: 45 s',
          figure: 'downtimeMs',
          of: `${GPU}&devices.whenNotLive=drain-checkpoint`,
          min: 45000,
          max: 46000,
        },
        { says: 'About the restart: 45 s', figure: 'scenario.devices.restartS', is: 45 },
      ],
    },
  ],
};
