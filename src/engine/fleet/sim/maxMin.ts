/** A flow on the fleet's network: the links it crosses and the most it wants (Infinity: all it can get). */
export interface FlowDemand {
  links: readonly number[];
  demand: number;
}

/**
 * Max-min fair rates for flows over shared links (progressive filling), the fleet-wide form of
 * src/engine/network/share.ts: every flow's rate rises together until a link it crosses is full or it has
 * its demand; those flows keep that rate and the others rise on. No flow can get more without taking from
 * one that has less. O((links + flows) log links) per solve: the links wait in a heap keyed by the level
 * they fill at, each link once (its key moves as flows on it stop rising), the demands in a sorted list;
 * scratch space is kept between solves.
 */
export class MaxMinSolver {
  private readonly left: Float64Array;
  private readonly open: Int32Array;
  private readonly start: Int32Array;
  private readonly fill: Int32Array;
  private members = new Int32Array(64);
  private readonly heap: LinkHeap;
  private readonly used: number[] = [];
  private readonly capped: number[] = [];

  constructor(private readonly capacity: ArrayLike<number>) {
    const n = capacity.length;
    this.left = new Float64Array(n);
    this.open = new Int32Array(n);
    this.start = new Int32Array(n + 1);
    this.fill = new Int32Array(n);
    this.heap = new LinkHeap(n);
  }

  /** For each flow of the last solve: the link that stopped its rise, or -1 (its own demand). */
  bottleneck = new Int32Array(0);

  solve(flows: readonly FlowDemand[]): Float64Array {
    const n = flows.length;
    const rates = new Float64Array(n);
    const bottleneck = (this.bottleneck = new Int32Array(n).fill(-1));
    const frozen = new Uint8Array(n);
    const { left, open, start, fill, used, heap, capacity, capped } = this;
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
    if (this.members.length < memberCount) this.members = new Int32Array(memberCount * 2 + 1);
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
    heap.clear();
    for (let u = 0; u < used.length; u++) heap.set(used[u], left[used[u]] / open[used[u]]);
    // Finite demands, smallest first (equal ones: the later flow first, as a heap of levels had them).
    capped.length = 0;
    for (let i = 0; i < n; i++) if (flows[i].demand < Infinity) capped.push(i);
    if (capped.length > 1) capped.sort((a, b) => flows[a].demand - flows[b].demand || b - a);
    let next = 0;
    let unfrozen = n;
    while (unfrozen > 0) {
      while (next < capped.length && frozen[capped[next]]) next++;
      const demand = next < capped.length ? flows[capped[next]].demand : Infinity;
      if (heap.size === 0 && demand === Infinity) break;
      // A demand met at the level a link fills at stops first (it is not held by that link).
      const byDemand = demand <= heap.topKey();
      const link = byDemand ? -1 : heap.top();
      const level = byDemand ? demand : heap.topKey();
      const from = byDemand ? 0 : start[link];
      const to = byDemand ? 1 : fill[link];
      for (let k = from; k < to; k++) {
        const i = byDemand ? capped[next++] : members[k];
        if (frozen[i]) continue;
        frozen[i] = 1;
        rates[i] = level;
        bottleneck[i] = link;
        unfrozen--;
        const links = flows[i].links;
        for (let j = 0; j < links.length; j++) {
          const l = links[j];
          open[l]--;
          left[l] = left[l] > level ? left[l] - level : 0;
          if (open[l] > 0) heap.set(l, left[l] / open[l]);
          else heap.remove(l);
        }
      }
    }
    for (let u = 0; u < used.length; u++) open[used[u]] = 0;
    return rates;
  }
}

/** A min-heap of links by a key that changes in place (each link in it at most once), ties to the lower link. */
class LinkHeap {
  private readonly links: Int32Array;
  private readonly keys: Float64Array;
  /** Where each link is in the heap, or -1. */
  private readonly pos: Int32Array;
  size = 0;

  constructor(linkCount: number) {
    this.links = new Int32Array(linkCount);
    this.keys = new Float64Array(linkCount);
    this.pos = new Int32Array(linkCount).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.links[i]] = -1;
    this.size = 0;
  }

  top(): number {
    return this.links[0];
  }

  topKey(): number {
    return this.size ? this.keys[0] : Infinity;
  }

  private less(i: number, j: number): boolean {
    const ki = this.keys[i];
    const kj = this.keys[j];
    return ki < kj || (ki === kj && this.links[i] < this.links[j]);
  }

  private swap(i: number, j: number): void {
    const { links, keys, pos } = this;
    const l = links[i];
    const k = keys[i];
    links[i] = links[j];
    keys[i] = keys[j];
    links[j] = l;
    keys[j] = k;
    pos[links[i]] = i;
    pos[links[j]] = j;
  }

  /** Restores the heap order around entry i, up or down. */
  private sift(i: number): void {
    while (i > 0 && this.less(i, (i - 1) >> 1)) {
      this.swap(i, (i - 1) >> 1);
      i = (i - 1) >> 1;
    }
    for (;;) {
      const a = 2 * i + 1;
      const b = a + 1;
      let m = i;
      if (a < this.size && this.less(a, m)) m = a;
      if (b < this.size && this.less(b, m)) m = b;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  /** Puts the link in the heap at `key`, or moves it there. */
  set(link: number, key: number): void {
    let i = this.pos[link];
    if (i < 0) {
      i = this.size++;
      this.links[i] = link;
      this.pos[link] = i;
    }
    this.keys[i] = key;
    this.sift(i);
  }

  remove(link: number): void {
    const i = this.pos[link];
    if (i < 0) return;
    const last = --this.size;
    this.pos[link] = -1;
    if (i === last) return;
    this.links[i] = this.links[last];
    this.keys[i] = this.keys[last];
    this.pos[this.links[i]] = i;
    this.sift(i);
  }
}

/** One-off max-min fair rates (tests, and callers without a solver to keep). */
export function maxMinRates(flows: readonly FlowDemand[], capacity: ArrayLike<number>): Float64Array {
  return Float64Array.from(new MaxMinSolver(capacity).solve(flows));
}
