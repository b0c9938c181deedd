import type { GlossaryTerm } from './glossaryTerm';

/** How memory crosses: pre-copy, post-copy, hybrid, their rounds, stop rules and controls. */
export const COPY_TERMS: readonly GlossaryTerm[] = [
  {
    id: 'auto-converge',
    term: 'Auto-converge',
    definition:
      "QEMU slowing the guest's vCPUs in steps (20 %, then 10 % more each time, at most 99 %) until pre-copy can finish. It steps up every second time a period of a second or more finds the guest dirtied more than half as many bytes as the migration sent. It trades the guest's speed for convergence.",
    fields: ['precopy.autoConverge'],
    see: ['convergence', 'stunning'],
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
    id: 'convergence',
    term: 'Convergence',
    aka: ['converged'],
    definition:
      'Pre-copy converges when the dirty set shrinks until it fits under the stop threshold. It does only if the link sends faster than the guest dirties memory; otherwise something must force the end.',
    see: ['stop-threshold', 'auto-converge'],
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
    id: 'expected-downtime',
    term: 'Expected downtime',
    definition: "QEMU's own forecast of the pause: the dirty bytes at the last sync divided by the measured bandwidth.",
    see: ['blackout'],
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
    id: 'round',
    term: 'Round',
    aka: ['iteration'],
    definition:
      "One pass of pre-copy, between two syncs of the dirty log: round 1 starts with all of memory to send, each later round with the pages dirtied since. Under QEMU's rule a round ends once what is left falls under the stop threshold, and the pages it had not sent yet carry over to the next.",
    fields: ['precopy.maxIterations'],
    metrics: ['rounds'],
    see: ['sync', 'dirty-page'],
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
    id: 'link-bandwidth',
    term: 'Link bandwidth',
    definition: 'How fast the link between the hosts carries data, shared by the migration, the VM and other services.',
    fields: ['network.linkMbps'],
    see: ['bandwidth-cap'],
  },
  {
    id: 'rtt',
    term: 'Round-trip time',
    definition: 'How long a message takes to the other host and back; in post-copy every fault pays it at least once.',
    fields: ['network.rttMs'],
  },
  {
    id: 'paravirtualization',
    term: 'Paravirtualization',
    definition:
      'A guest OS changed to cooperate with the hypervisor: it can stun a process that writes too fast, or hand back free pages so they are not sent.',
    see: ['stunning', 'free-page-hinting'],
  },
];
