import { TypedHeap } from './heap';

/** A flow on the fleet's network: the links it crosses and the most it wants (Infinity: all it can get). */
export interface FlowDemand {
  links: readonly number[];
  demand: number;
}

/**
 * Max-min fair rates for flows over shared links (progressive filling), the fleet-wide form of
 * src/engine/network/share.ts: every flow's rate rises together until a link it crosses is full or it has
 * its demand; those flows keep that rate and the others rise on. No flow can get more without taking from
 * one that has less. O((links + flows) log links) per solve, with scratch space kept between solves.
 */
export class MaxMinSolver {
  private readonly left: Float64Array;
  private readonly open: Int32Array;
  private readonly start: Int32Array;
  private readonly fill: Int32Array;
  private members = new Int32Array(64);
  private readonly heap = new TypedHeap();
  private readonly used: number[] = [];

  constructor(private readonly capacity: ArrayLike<number>) {
    const n = capacity.length;
    this.left = new Float64Array(n);
    this.open = new Int32Array(n);
    this.start = new Int32Array(n + 1);
    this.fill = new Int32Array(n);
  }

  /** For each flow of the last solve: the link that stopped its rise, or -1 (its own demand). */
  bottleneck = new Int32Array(0);

  solve(flows: readonly FlowDemand[]): Float64Array {
    const n = flows.length;
    const rates = new Float64Array(n);
    const bottleneck = (this.bottleneck = new Int32Array(n).fill(-1));
    const frozen = new Uint8Array(n);
    const { left, open, start, fill, used, heap, capacity } = this;
    used.length = 0;
    let memberCount = 0;
    for (let i = 0; i < n; i++) {
      const links = flows[i].links;
      for (let k = 0; k < links.length; k++) {
        const l = links[k];
        if (open[l] === 0) used.push(l);
        open[l]++;
        memberCount++;
      }
    }
    if (this.members.length <= memberCount) this.members = new Int32Array(memberCount * 2 + 1);
    const members = this.members;
    let offset = 0;
    for (let u = 0; u < used.length; u++) {
      const l = used[u];
      start[l] = offset;
      fill[l] = offset;
      offset += open[l];
      left[l] = capacity[l];
    }
    for (let i = 0; i < n; i++) {
      const links = flows[i].links;
      for (let k = 0; k < links.length; k++) members[fill[links[k]]++] = i;
    }
    // Heap entries: a link l (l >= 0) at the level it fills at; a flow's demand as -(f + 1).
    heap.clear();
    for (let u = 0; u < used.length; u++) heap.push(left[used[u]] / open[used[u]], used[u]);
    for (let i = 0; i < n; i++) if (flows[i].demand < Infinity) heap.push(flows[i].demand, -(i + 1));
    let unfrozen = n;
    while (unfrozen > 0 && heap.size > 0) {
      const level = heap.peekKey();
      const entry = heap.pop();
      let from: number;
      let to: number;
      if (entry < 0) {
        if (frozen[-entry - 1]) continue;
        members[memberCount] = -entry - 1;
        from = memberCount;
        to = memberCount + 1;
      } else {
        const m = open[entry];
        if (m === 0 || Math.abs(left[entry] / m - level) > 1e-9 * Math.max(1, level)) continue;
        from = start[entry];
        to = fill[entry];
      }
      // Everything still rising on this link (or this flow alone, at its demand) stops at `level`.
      for (let k = from; k < to; k++) {
        const i = members[k];
        if (frozen[i]) continue;
        frozen[i] = 1;
        rates[i] = level;
        if (entry >= 0) bottleneck[i] = entry;
        unfrozen--;
        const links = flows[i].links;
        for (let j = 0; j < links.length; j++) {
          const l = links[j];
          open[l]--;
          left[l] = left[l] > level ? left[l] - level : 0;
          if (open[l] > 0) heap.push(left[l] / open[l], l);
        }
      }
    }
    for (let u = 0; u < used.length; u++) open[used[u]] = 0;
    return rates;
  }
}

/** One-off max-min fair rates (tests, and callers without a solver to keep). */
export function maxMinRates(flows: readonly FlowDemand[], capacity: ArrayLike<number>): Float64Array {
  return Float64Array.from(new MaxMinSolver(capacity).solve(flows));
}
