import type { GlossaryTerm } from './glossaryTerm';

/** What a migration costs and when it is done: blackout, brownout, switchover, commit, what stays behind. */
export const OUTCOME_TERMS: readonly GlossaryTerm[] = [
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
    id: 'impact',
    term: 'Impact on other services',
    definition:
      "What the migration takes from everyone else: its share of the link, the CPU on both hosts, and the VM's own slowdown. Throttling is the usual lever.",
    fields: ['network.otherTrafficMbps'],
    metrics: ['impact'],
    see: ['bandwidth-cap'],
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
    id: 'target-brownout',
    term: 'Target brownout',
    definition:
      'The time after resuming on the destination while the source still helps, forwarding stray packets until the network has caught up.',
    see: ['brownout'],
  },
  {
    id: 'switchover',
    term: 'Switchover',
    definition: 'The moment execution moves from the source to the destination.',
    see: ['commit', 'gratuitous-arp'],
  },
  {
    id: 'commit',
    term: 'Commit',
    definition:
      'The point of no return. In pre-copy, when the destination has acknowledged the final state and both copies are the same; in post-copy, the switchover itself. Before it a failure just leaves the VM on the source; after it the destination owns the VM.',
    see: ['switchover', 'fault-injection'],
  },
  {
    id: 'residual-dependency',
    term: 'Residual dependency',
    definition:
      'Something left on the source that keeps it from being deleted: a local disk it still serves, packets it still forwards, pages post-copy still fetches.',
    see: ['local-name', 'global-name'],
  },
  {
    id: 'dependency-window',
    term: 'Dependency on the source',
    definition:
      'In post-copy, how long the destination still needs pages from the source after the switchover. A source or network failure in this window can lose the VM.',
    see: ['post-copy', 'residual-dependency'],
  },
  {
    id: 'gratuitous-arp',
    term: 'Gratuitous ARP',
    definition:
      'An unasked-for announcement on the local network that an IP address now lives at a new MAC address, so traffic goes to the destination after the switch. A few packets may be lost; TCP resends them.',
    see: ['switchover'],
  },
  {
    id: 'fault-injection',
    term: 'Fault injection',
    definition:
      'Breaking things on purpose at chosen moments (a network drop mid-copy, a destination crash in the blackout, a source crash after the commit) to check the migration either finishes or cleanly gives up.',
    fields: ['faults'],
    see: ['commit'],
  },
];
