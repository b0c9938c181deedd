import type { Scenario } from '../../engine/scenario/schema';
import { formatCount, formatMbps, formatMiB, formatMs } from '../format';

/** One of the lab's sliders: what it sets, the values it steps through, and how to read it. */
export interface SliderDef {
  label: string;
  path: string;
  hint: string;
  values: (s: Scenario) => number[];
  format: (value: number, s: Scenario) => string;
}

const POWERS_OF_TWO_MIB = Array.from({ length: 15 }, (_, i) => 64 * 2 ** i);
const LINK_STEPS = [100, 200, 500, 1000, 2000, 2500, 5000, 10_000, 25_000, 40_000, 100_000];

/** Sizes from 1 MiB up to `max`: 1, 2, 4 ... with half steps, then the whole memory. */
function sizesUpTo(max: number): number[] {
  const out: number[] = [];
  for (let base = 1; base <= max; base *= 2) {
    for (const v of [base, base * 1.5]) if (v < max && !out.includes(v)) out.push(v);
  }
  out.push(max);
  return out;
}

const pctOf = (value: number, of: number) => (of > 0 ? Math.round((100 * value) / of) : 0);

export const SLIDERS: SliderDef[] = [
  {
    label: 'Memory size',
    path: 'vm.memoryMiB',
    hint: "The guest's RAM. Used memory and the working set scale with it.",
    values: () => POWERS_OF_TWO_MIB,
    format: (v) => formatMiB(v),
  },
  {
    label: 'Used memory',
    path: 'vm.usedMiB',
    hint: 'Pages the guest has ever written. The rest are zero pages, which cost almost nothing to send.',
    values: (s) => Array.from({ length: 21 }, (_, i) => (s.vm.memoryMiB * i) / 20),
    format: (v, s) => `${formatMiB(v)} (${pctOf(v, s.vm.memoryMiB)} %)`,
  },
  {
    label: 'Write rate',
    path: 'workload.writeRateMiBps',
    hint: 'How fast the guest writes pages (writes per second × page size). Rewriting a dirty page adds nothing.',
    values: () => [0, 0.5, 1, 2, 5, 10, 20, 30, 40, 60, 80, 100, 150, 200, 300, 400, 600, 800, 1000, 1500, 2000],
    format: (v) => `${v < 10 ? v : formatCount(v)} MiB/s`,
  },
  {
    label: 'Writable working set',
    path: 'workload.wssMiB',
    hint: 'The pages the guest keeps rewriting: the ceiling where the dirty set saturates. A long round lets it fill up to this; pre-copy converges only if it fits the threshold.',
    values: (s) => sizesUpTo(s.vm.memoryMiB),
    format: (v) => formatMiB(v),
  },
  {
    label: 'Link bandwidth',
    path: 'network.linkMbps',
    hint: 'Speed of the link between the two hosts. The final copy (the blackout) gets all of it, uncapped, unless other traffic shares the link.',
    values: () => LINK_STEPS,
    format: (v) => formatMbps(v),
  },
  {
    label: 'Migration bandwidth cap',
    path: 'network.capMbps',
    hint: 'Throttle on the migration stream, to spare other services. QEMU lifts it for the final copy.',
    values: () => [0, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 2500, 5000, 10_000, 25_000, 40_000, 100_000],
    format: (v) => (v === 0 ? 'no cap' : formatMbps(v)),
  },
  {
    label: 'Downtime limit',
    path: 'precopy.downtimeLimitMs',
    hint: 'The longest pause allowed. Pre-copy stops once the dirty bytes fit in bandwidth × this limit.',
    values: () => [10, 20, 30, 50, 75, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000],
    format: (v) => formatMs(v),
  },
  {
    label: 'Max iterations',
    path: 'precopy.maxIterations',
    hint: 'Cap on pre-copy rounds, as a management layer sets one (QEMU itself has none). Then: forced stop or abort.',
    values: () => [0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100],
    format: (v) => (v === 0 ? 'no cap' : `${v} ${v === 1 ? 'round' : 'rounds'}`),
  },
];
