import type { GlossaryTerm } from './glossaryTerm';

/** Moving workloads in a data centre: the approaches, the lifecycle around a move, confidential VMs and fleets. */
export const OPERATIONS_TERMS: readonly GlossaryTerm[] = [
  {
    id: 'assignment-independence',
    term: 'Assignment independence',
    definition:
      'The ideal that live migration works toward: the workload should not care which physical machine it runs on, because it can be moved at any time without noticing.',
    see: ['live-migration'],
  },
  {
    id: 'availability-policy',
    term: 'Availability policy',
    definition:
      'What a VM asks for when its host needs maintenance: to be live-migrated, or to be terminated (and then restarted automatically or by hand). Some workloads prefer a clean stop to a brownout.',
    see: ['maintenance-event'],
  },
  {
    id: 'concurrency-cap',
    term: 'Concurrency cap',
    definition:
      'The most migrations allowed at the same time, per source host, destination host, customer or the whole fleet, so a failing rack does not flood the network.',
    see: ['evacuation'],
  },
  {
    id: 'control-plane',
    term: 'Control plane',
    definition:
      "The management operations on a VM (resize, reconfigure, snapshot). They are usually blocked during a migration, so the VM's definition does not change under it.",
  },
  {
    id: 'drain-checkpoint',
    term: 'Drain and checkpoint',
    definition:
      'For a VM that cannot move live: warn the workload, let it finish its work and save its state, then stop it and start it again on the new host.',
    fields: ['devices.whenNotLive'],
    see: ['passthrough-device'],
  },
  {
    id: 'evacuation',
    term: 'Evacuation',
    definition: 'Moving every VM off a host or a rack before it is taken down.',
    see: ['concurrency-cap', 'maintenance-event'],
  },
  {
    id: 'maintenance-event',
    term: 'Maintenance event',
    definition:
      'A planned reason to move VMs off a host (hardware repair, a firmware update). Platforms let owners simulate one to test their availability policy.',
    see: ['availability-policy', 'evacuation'],
  },
  {
    id: 'managed-migration',
    term: 'Managed migration',
    definition:
      'The hypervisor moves the VM from outside, without the guest knowing; with paravirtualization the guest helps; in self migration the guest OS does it all.',
    see: ['paravirtualization'],
  },
  {
    id: 'quick-migration',
    term: 'Quick migration',
    aka: ['stop-and-copy', 'save and restore'],
    definition:
      'Pause the VM, copy all its state from outside the guest, resume it on the new host. Reliable, but the whole copy is downtime.',
    see: ['spectrum'],
  },
  {
    id: 'suspend-and-carry',
    term: 'Suspend and carry',
    aka: ['Internet suspend and resume'],
    definition:
      'Save the suspended VM to a disk and take it to the other place (or send it over a slow link): the Collective project moved work environments between office and home this way.',
    see: ['spectrum'],
  },
  {
    id: 'vmm-migration',
    term: 'VMM migration',
    definition:
      'Moving a whole virtual machine as one unit: the hypervisor need not know what runs inside, so any guest can move, even one whose owner will not cooperate.',
    see: ['live-migration'],
  },
  {
    id: 'live-migration',
    term: 'Live migration',
    definition:
      'Moving a running VM to another host while it keeps running, with only a short pause at the end. The least disruptive move there is.',
    see: ['quick-migration', 'pre-copy'],
  },
  {
    id: 'spectrum',
    term: 'Spectrum of approaches',
    definition:
      'The ways to move a workload, from most to least disruptive: hard power-down, soft power-down, hibernation, suspend and carry, quick migration, live migration.',
    fields: ['host.carryMinutes'],
    see: ['quick-migration', 'live-migration'],
  },
  {
    id: 'global-name',
    term: 'Global name',
    definition:
      'State reachable from anywhere by the same name, such as network storage or an address that follows the VM: nothing has to move and nothing stays behind.',
    fields: ['resources.networkIdentity'],
    see: ['local-name', 'residual-dependency'],
  },
  {
    id: 'local-name',
    term: 'Local name',
    definition:
      'State tied to one machine (its memory, CPU registers, a local disk): it must be moved, or it stays behind as a residual dependency.',
    fields: ['resources.disk'],
    see: ['global-name', 'residual-dependency'],
  },
  {
    id: 'passthrough-device',
    term: 'Passthrough device',
    definition:
      'A GPU, FPGA or SR-IOV network card the guest drives directly. Its state lives in hardware the hypervisor cannot copy, so the VM cannot move live as it is.',
    fields: ['devices.passthroughGpu', 'devices.sriovNic'],
    see: ['drain-checkpoint'],
  },
  {
    id: 'hardware-bound-state',
    term: 'Hardware-bound state',
    definition:
      'Anything tied to one physical machine: a TPM sealed to its endorsement key, serial numbers, secrets rooted in the hardware. It must be set up again on the destination.',
    fields: ['devices.hostBoundTpm'],
  },
  {
    id: 'confidential-vm',
    term: 'Confidential VM',
    definition:
      'A VM whose memory and CPU state the host cannot read (Intel TDX, AMD SEV-SNP). Migrating one needs trusted help on both sides, since the host cannot simply copy its pages.',
    see: ['migtd', 'migration-bundle'],
  },
  {
    id: 'migtd',
    term: 'Migration TD (MigTD)',
    definition:
      'A small trusted VM on each side of a TDX migration that checks the other platform and hands over the key the bundles are sealed with.',
    see: ['confidential-vm'],
  },
  {
    id: 'migration-bundle',
    term: 'Migration bundle',
    definition:
      'In TDX migration, an encrypted, integrity-protected unit of migration data: pages plus their metadata.',
    see: ['confidential-vm'],
  },
  {
    id: 'epoch',
    term: 'Epoch',
    definition: 'In Intel TDX migration, one pre-copy round: a page moves at most once per epoch.',
    see: ['confidential-vm'],
  },
];
