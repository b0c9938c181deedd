import type { GlossaryTerm } from './glossaryTerm';

/** Pages and how the guest writes them: what there is to copy. */
export const MEMORY_TERMS: readonly GlossaryTerm[] = [
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
    id: 'huge-pages',
    term: 'Huge pages',
    definition:
      'Tracking memory in 2 MiB pages instead of 4 KiB: fewer pages to track, but one small write makes a whole 2 MiB dirty.',
    fields: ['vm.pageKiB'],
    see: ['page'],
  },
  {
    id: 'page',
    term: 'Page',
    definition: 'The unit guest memory is tracked and sent in: 4 KiB normally, 2 MiB with huge pages.',
    fields: ['vm.memoryMiB'],
    see: ['zero-page', 'used-memory'],
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
    id: 'used-memory',
    term: 'Used memory',
    definition: 'The pages the guest has ever written; the rest have never held anything but zeros.',
    fields: ['vm.usedMiB'],
    see: ['zero-page'],
  },
  {
    id: 'free-page-hinting',
    term: 'Free-page hinting',
    definition: 'The guest telling the host which pages it has freed, so pre-copy need not send them.',
    fields: ['precopy.freePageHinting'],
    see: ['paravirtualization'],
  },
  {
    id: 'xbzrle',
    term: 'XBZRLE',
    definition:
      'QEMU sending a page it has sent before as the difference to its cached old copy, which is small when only a few bytes changed.',
  },
  {
    id: 'sync',
    term: 'Sync',
    definition: 'Reading and clearing the dirty log, which starts a new round.',
    see: ['round'],
  },
];
