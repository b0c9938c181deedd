import type { FieldPath } from '../../state/fieldPaths';
import type { MetricKey } from '../../state/workspace';

/** One glossary entry: the words, what they mean here, and the controls and figures of the app they explain. */
export interface GlossaryTerm {
  /** Stable, used in lesson texts (`[[dirty-page]]`) and as the entry's anchor. */
  id: string;
  term: string;
  /** Other words for the same thing, shown after the term. */
  aka?: readonly string[];
  definition: string;
  /** The fields whose controls get a link to this entry. */
  fields?: readonly FieldPath[];
  /** The metrics whose labels get a link to this entry. */
  metrics?: readonly MetricKey[];
  /** Entries worth reading next. */
  see?: readonly string[];
}

/** Every word the app uses, in alphabetical order of the term. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'assignment-independence',
    term: 'Assignment independence',
    definition:
      'The ideal that live migration works toward: the workload should not care which physical machine it runs on, because it can be moved at any time without noticing.',
    see: ['live-migration'],
  },
  {
    id: 'auto-converge',
    term: 'Auto-converge',
    definition:
      "QEMU slowing the guest's vCPUs in steps (20 %, then 10 % more each time) when it dirties memory faster than the migration sends it, until pre-copy can finish. It trades the guest's speed for convergence.",
    fields: ['precopy.autoConverge'],
    see: ['convergence', 'stunning'],
  },
  {
    id: 'availability-policy',
    term: 'Availability policy',
    definition:
      'What a VM asks for when its host needs maintenance: to be live-migrated, or to be terminated (and then restarted automatically or by hand). Some workloads prefer a clean stop to a brownout.',
    see: ['maintenance-event'],
  },
  {
    id: 'background-push',
    term: 'Background push',
    definition:
      'In post-copy, the source sending the pages the destination has not asked for yet, so the migration ends even if the guest never touches them.',
    see: ['post-copy', 'pre-paging'],
  },
  {
    id: 'bandwidth-cap',
    term: 'Migration bandwidth cap',
    aka: ['throttle', 'max-bandwidth'],
    definition:
      'A limit on how fast the migration may send, so other services on the same link keep their share. QEMU lifts it for the final copy in the blackout.',
    fields: ['network.capMbps'],
    see: ['impact'],
  },
  {
    id: 'baseline',
    term: 'Baseline',
    definition:
      'A run kept for comparison: the faint "before" values and ghost lines in the lab are the run on screen when you last changed something, or one you pinned by hand.',
  },
  {
    id: 'blackout',
    term: 'Blackout',
    aka: ['downtime'],
    definition:
      'The time the VM is paused and the service is unreachable: the last dirty pages, the CPU and device state are sent and execution moves to the destination. Live migration tries to keep it under about 750 ms, which TCP connections survive.',
    metrics: ['downtime'],
    see: ['brownout', 'downtime-limit'],
  },
  {
    id: 'brownout',
    term: 'Brownout',
    definition:
      'The time the VM keeps running, a little slower, while its state is copied: dirty tracking, throttling or post-copy faults cost it some speed, but it stays up.',
    see: ['blackout', 'target-brownout'],
  },
  {
    id: 'commit',
    term: 'Commit',
    definition:
      'The point of no return. In pre-copy, when the destination has acknowledged the final state and both copies are the same; in post-copy, the switchover itself. Before it a failure just leaves the VM on the source; after it the destination owns the VM.',
    see: ['switchover', 'fault-injection'],
  },
  {
    id: 'concurrency-cap',
    term: 'Concurrency cap',
    definition:
      'The most migrations allowed at the same time, per source host, destination host, customer or the whole fleet, so a failing rack does not flood the network.',
    see: ['evacuation'],
  },
  {
    id: 'confidential-vm',
    term: 'Confidential VM',
    definition:
      'A VM whose memory and CPU state the host cannot read (Intel TDX, AMD SEV-SNP). Migrating one needs trusted help on both sides, since the host cannot simply copy its pages.',
    see: ['migtd', 'migration-bundle'],
  },
  {
    id: 'control-plane',
    term: 'Control plane',
    definition:
      "The management operations on a VM (resize, reconfigure, snapshot). They are usually blocked during a migration, so the VM's definition does not change under it.",
  },
  {
    id: 'convergence',
    term: 'Convergence',
    aka: ['converged'],
    definition:
      'Pre-copy converges when the dirty set shrinks until it fits under the stop threshold. It does only if the link sends faster than the guest dirties memory; otherwise something must force the end.',
    see: ['stop-threshold', 'auto-converge'],
  },
  {
    id: 'dependency-window',
    term: 'Dependency on the source',
    definition:
      'In post-copy, how long the destination still needs pages from the source after the switchover. A source or network failure in this window can lose the VM.',
    see: ['post-copy', 'residual-dependency'],
  },
  {
    id: 'dirty-page',
    term: 'Dirty page',
    aka: ['dirty set'],
    definition:
      'A page the guest has written since it was last sent; the dirty set is all of them at one moment. A page written twice is still one dirty page.',
    see: ['dirty-tracking', 'writable-working-set'],
  },
  {
    id: 'dirty-tracking',
    term: 'Dirty tracking',
    aka: ['dirty logging'],
    definition:
      'Hardware or software that records which pages the guest writes, so each round resends only what changed. It costs the guest a little speed; it can run from boot or start with the migration.',
    fields: ['precopy.trackFromBoot'],
    see: ['dirty-page'],
  },
  {
    id: 'downtime-limit',
    term: 'Downtime limit',
    definition:
      'The longest pause the migration aims for (QEMU: 300 ms by default). With the bandwidth it sets the stop threshold; it is a target, not a promise.',
    fields: ['precopy.downtimeLimitMs'],
    metrics: ['threshold'],
    see: ['stop-threshold'],
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
    id: 'embed-mode',
    term: 'Embed mode',
    definition: 'The app showing only the stage and the play bar, for a slide or a course page in an iframe.',
  },
  {
    id: 'engine-pool',
    term: 'Engine pool',
    definition:
      'The background workers that run the simulation, each job with its own progress and cancel, so the page stays responsive.',
  },
  {
    id: 'epoch',
    term: 'Epoch',
    definition: 'In Intel TDX migration, one pre-copy round: a page moves at most once per epoch.',
    see: ['confidential-vm'],
  },
  {
    id: 'evacuation',
    term: 'Evacuation',
    definition: 'Moving every VM off a host or a rack before it is taken down.',
    see: ['concurrency-cap', 'maintenance-event'],
  },
  {
    id: 'expected-downtime',
    term: 'Expected downtime',
    definition: "QEMU's own forecast of the pause: the dirty bytes at the last sync divided by the measured bandwidth.",
    see: ['blackout'],
  },
  {
    id: 'fault-injection',
    term: 'Fault injection',
    definition:
      'Breaking things on purpose at chosen moments (a network drop mid-copy, a destination crash in the blackout, a source crash after the commit) to check the migration either finishes or cleanly gives up.',
    fields: ['faults'],
    see: ['commit'],
  },
  {
    id: 'free-page-hinting',
    term: 'Free-page hinting',
    definition: 'The guest telling the host which pages it has freed, so pre-copy need not send them.',
    fields: ['precopy.freePageHinting'],
    see: ['paravirtualization'],
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
    id: 'gratuitous-arp',
    term: 'Gratuitous ARP',
    definition:
      'An unasked-for announcement on the local network that an IP address now lives at a new MAC address, so traffic goes to the destination after the switch. A few packets may be lost; TCP resends them.',
    see: ['switchover'],
  },
  {
    id: 'huge-pages',
    term: 'Huge pages',
    definition:
      'Tracking memory in 2 MiB pages instead of 4 KiB: fewer pages to track, but one small write makes a whole 2 MiB dirty.',
    fields: ['vm.pageKiB'],
    see: ['page'],
  },
  {
    id: 'hybrid',
    term: 'Hybrid migration',
    definition:
      "A few pre-copy rounds first, then a switch to post-copy: the pages already sent need no faults, and the pause stays as short as post-copy's.",
    fields: ['hybrid.switchAfterRounds'],
    see: ['pre-copy', 'post-copy'],
  },
  {
    id: 'impact',
    term: 'Impact on other services',
    definition:
      "What the migration takes from everyone else: its share of the link, the CPU on both hosts, and the VM's own slowdown. Throttling is the usual lever.",
    fields: ['network.otherTrafficMbps'],
    metrics: ['impact'],
    see: ['bandwidth-cap'],
  },
  {
    id: 'intervention',
    term: 'Intervention',
    definition:
      'A change of a setting at a moment of the simulated run (raise the cap at 20 s). The run before that moment stays the same; the scenario records it.',
  },
  {
    id: 'lesson',
    term: 'Lesson, step, scene',
    definition:
      "A guided sequence; one stop in it, with its scenario, highlight and text; a lecturer's stop in a class sequence.",
    see: ['prediction'],
  },
  {
    id: 'live-migration',
    term: 'Live migration',
    definition:
      'Moving a running VM to another host while it keeps running, with only a short pause at the end. The least disruptive move there is.',
    see: ['quick-migration', 'pre-copy'],
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
    id: 'migration-bundle',
    term: 'Migration bundle',
    definition:
      'In TDX migration, an encrypted, integrity-protected unit of migration data: pages plus their metadata.',
    see: ['confidential-vm'],
  },
  {
    id: 'migtd',
    term: 'Migration TD (MigTD)',
    definition:
      'A small trusted VM on each side of a TDX migration that checks the other platform and hands over the key the bundles are sealed with.',
    see: ['confidential-vm'],
  },
  {
    id: 'page',
    term: 'Page',
    definition: 'The unit guest memory is tracked and sent in: 4 KiB normally, 2 MiB with huge pages.',
    fields: ['vm.memoryMiB'],
    see: ['zero-page', 'used-memory'],
  },
  {
    id: 'paravirtualization',
    term: 'Paravirtualization',
    definition:
      'A guest OS changed to cooperate with the hypervisor: it can stun a process that writes too fast, or hand back free pages so they are not sent.',
    see: ['stunning', 'free-page-hinting'],
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
    id: 'post-copy',
    term: 'Post-copy',
    definition:
      'Switch first, copy later: the VM moves to the destination after only its CPU and device state, and its pages follow, on demand and by a background push. Every page is sent once.',
    fields: ['strategy'],
    see: ['post-copy-fault', 'dependency-window'],
  },
  {
    id: 'post-copy-fault',
    term: 'Post-copy fault',
    definition:
      'The destination touching a page that has not arrived: the vCPU waits while the page is fetched from the source over the network.',
    see: ['pre-paging', 'fault-stall'],
  },
  {
    id: 'fault-stall',
    term: 'Fault stall',
    definition: 'The time vCPUs spend waiting for faulted pages in post-copy, added over all vCPUs.',
    see: ['post-copy-fault'],
  },
  {
    id: 'pre-copy',
    term: 'Pre-copy',
    definition:
      'Copy while the VM runs, in rounds, each resending the pages dirtied during the one before; then pause briefly to send the rest. Used by QEMU/KVM, Xen and VMware.',
    see: ['round', 'convergence'],
  },
  {
    id: 'pre-paging',
    term: 'Pre-paging',
    definition:
      'In post-copy, pushing the pages near a faulting one first, since the guest is likely to touch them next; it cuts the faults.',
    fields: ['postcopy.prepaging'],
    see: ['post-copy-fault'],
  },
  {
    id: 'prediction',
    term: 'Prediction',
    definition: 'An answer a student gives before the result is shown, scored once it is.',
  },
  {
    id: 'presentation-mode',
    term: 'Presentation mode',
    definition: 'The app laid out for a projector: large type, high contrast, clutter hidden.',
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
    id: 'residual-dependency',
    term: 'Residual dependency',
    definition:
      'Something left on the source that keeps it from being deleted: a local disk it still serves, packets it still forwards, pages post-copy still fetches.',
    see: ['local-name', 'global-name'],
  },
  {
    id: 'round',
    term: 'Round',
    aka: ['iteration'],
    definition:
      'One pass of pre-copy, between two syncs of the dirty log: round 1 sends all of memory, each later round the pages dirtied meanwhile.',
    fields: ['precopy.maxIterations'],
    metrics: ['rounds'],
    see: ['sync', 'dirty-page'],
  },
  {
    id: 'rtt',
    term: 'Round-trip time',
    definition: 'How long a message takes to the other host and back; in post-copy every fault pays it at least once.',
    fields: ['network.rttMs'],
  },
  {
    id: 'scenario',
    term: 'Scenario',
    definition:
      'Everything needed to reproduce a run: the settings, the interventions and the seed. A shared link holds a scenario, never results.',
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
    id: 'stop-rule',
    term: 'Stop rule',
    definition:
      "What ends pre-copy: QEMU's threshold, Xen's small dirty set or round cap, a cap on bytes sent, or a round that makes no progress.",
    fields: ['precopy.stopRule', 'precopy.onNoConvergence'],
    metrics: ['stopReason'],
    see: ['stop-threshold'],
  },
  {
    id: 'stop-threshold',
    term: 'Stop threshold',
    definition:
      'Bandwidth times the downtime limit: the dirty bytes that can be sent within the allowed pause. QEMU stops pre-copy once what is left fits under it.',
    metrics: ['threshold'],
    see: ['downtime-limit', 'convergence'],
  },
  {
    id: 'stunning',
    term: 'Stunning a rogue process',
    definition:
      'The guest briefly freezing the one process that dirties memory too fast, so pre-copy can converge while the rest keeps running. Needs paravirtualization.',
    fields: ['precopy.stunRogue'],
    see: ['paravirtualization', 'auto-converge'],
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
    id: 'switchover',
    term: 'Switchover',
    definition: 'The moment execution moves from the source to the destination.',
    see: ['commit', 'gratuitous-arp'],
  },
  {
    id: 'sync',
    term: 'Sync',
    definition: 'Reading and clearing the dirty log, which starts a new round.',
    see: ['round'],
  },
  {
    id: 'target-brownout',
    term: 'Target brownout',
    definition:
      'The time after resuming on the destination while the source still helps, forwarding stray packets until the network has caught up.',
    see: ['brownout'],
  },
  {
    id: 'total-migration-time',
    term: 'Total migration time',
    definition: 'From the start of the migration to its end, as a wall clock measures it.',
    metrics: ['totalTime'],
  },
  {
    id: 'bytes-transferred',
    term: 'Bytes transferred',
    definition:
      'Everything the migration sent over the link: pages (some of them more than once), page headers and device state.',
    metrics: ['bytes'],
  },
  {
    id: 'trace',
    term: 'Trace',
    definition: 'Everything one run produced: phases, rounds, samples, events, heatmap frames and the summary.',
  },
  {
    id: 'used-memory',
    term: 'Used memory',
    definition: 'The pages the guest has ever written; the rest have never held anything but zeros.',
    fields: ['vm.usedMiB'],
    see: ['zero-page'],
  },
  {
    id: 'vmm-migration',
    term: 'VMM migration',
    definition:
      'Moving a whole virtual machine as one unit: the hypervisor need not know what runs inside, so any guest can move, even one whose owner will not cooperate.',
    see: ['live-migration'],
  },
  {
    id: 'workspace',
    term: 'Workspace',
    definition: "The runs the app holds at once (the lab's run, its baseline, a comparison), with one shared playhead.",
  },
  {
    id: 'writable-working-set',
    term: 'Writable working set',
    aka: ['WWS'],
    definition:
      'The pages the workload keeps rewriting. The dirty set grows toward it during a long round; pre-copy cannot shrink it below what the guest rewrites in one round.',
    fields: ['workload.wssMiB', 'workload.pattern'],
    see: ['dirty-page'],
  },
  {
    id: 'write-rate',
    term: 'Write rate',
    definition:
      'Page writes per second times the page size. Writes to a page that is already dirty add nothing to the dirty set.',
    fields: ['workload.writeRateMiBps'],
    see: ['dirty-page'],
  },
  {
    id: 'xbzrle',
    term: 'XBZRLE',
    definition:
      'QEMU sending a page it has sent before as the difference to its cached old copy, which is small when only a few bytes changed.',
  },
  {
    id: 'zero-page',
    term: 'Zero page',
    definition:
      'A page the guest never wrote. With zero-page detection it is sent as a tiny marker instead of 4 KiB of zeros.',
    fields: ['precopy.zeroPageDetection'],
    see: ['used-memory'],
  },
  {
    id: 'link-bandwidth',
    term: 'Link bandwidth',
    definition: 'How fast the link between the hosts carries data, shared by the migration, the VM and other services.',
    fields: ['network.linkMbps'],
    see: ['bandwidth-cap'],
  },
];

const BY_ID = new Map(GLOSSARY.map((t) => [t.id, t]));
export const glossaryTerm = (id: string): GlossaryTerm | undefined => BY_ID.get(id);

/** The entry a field's control links to, if any. */
export const termForField = (path: string): GlossaryTerm | undefined =>
  GLOSSARY.find((t) => t.fields?.includes(path as FieldPath));

/** The entry a metric's label links to, if any. */
export const termForMetric = (metric: MetricKey): GlossaryTerm | undefined =>
  GLOSSARY.find((t) => t.metrics?.includes(metric));
