import { LCG_SCALE, lcgNext, type SeededRandom } from '../random';
import type { WritePattern } from '../scenario/schema';

/** The live knobs of the guest's writing, already converted to pages. */
export interface WriteParams {
  pattern: WritePattern;
  /** Page writes per second at full guest speed. */
  writesPerSec: number;
  /** The working set: pages [wssFrom, wssTo). */
  wssFrom: number;
  wssTo: number;
  hotFraction: number;
  hotWriteShare: number;
  zipfExponent: number;
  burstPeriodMs: number;
  burstDuty: number;
}

export type PageSink = (page: number) => void;

/** The streams of writes that carry fractions separately: all of them, or the hot and the cold part. */
const CARRY = { main: 0, hot: 1, cold: 2 } as const;

/** Below this many writes per page of a region, writes are drawn one by one; above, pages are drawn directly. */
const SPARSE_WRITES_PER_PAGE = 0.25;

/**
 * The guest's page writes, drawn from a seeded source. For each stretch of simulated time it reports
 * every page written (a page may be reported more than once). Dense writing is sampled per page: a page
 * is hit with probability 1 - (1 - 1/K)^n after n uniform writes over K pages, which keeps the cost
 * proportional to the pages touched rather than the writes made.
 */
export class WriteStream {
  private params: WriteParams;
  /** The fractions of a write carried to the next call, per stream (see CARRY). */
  private readonly carry = new Float64Array(3);
  private sequentialOffset = 0;
  /** The seeded source's state, when it is one (SeededRandom): loops then draw with it in a local. */
  private readonly lcg: Uint32Array | null;
  /** Whether this call's loops may keep the source's state in a local (the sink draws nothing itself). */
  private localDraws = false;

  constructor(
    params: WriteParams,
    private readonly random: () => number,
  ) {
    this.params = { ...params };
    this.lcg = 'state' in random ? (random as SeededRandom).state : null;
  }

  get current(): Readonly<WriteParams> {
    return this.params;
  }

  update(change: Partial<WriteParams>): void {
    this.params = { ...this.params, ...change };
  }

  /** Milliseconds of [tMs, tMs + dtMs) during which the workload is in a writing burst. */
  activeMs(tMs: number, dtMs: number): number {
    const { burstPeriodMs: period, burstDuty: duty } = this.params;
    if (period <= 0 || duty >= 1) return dtMs;
    const onMs = period * duty;
    let active = 0;
    let t = tMs;
    const end = tMs + dtMs;
    while (t < end) {
      const cycleStart = Math.floor(t / period) * period;
      const onEnd = cycleStart + onMs;
      const next = Math.min(end, cycleStart + period);
      if (t < onEnd) active += Math.min(next, onEnd) - t;
      t = next;
    }
    return active;
  }

  /**
   * Writes made during [tMs, tMs + dtMs) by a guest running at `speed` (1 = full speed, 0 = paused).
   * Returns the number of write operations. A sink that draws from the same source between pages (the
   * post-copy guest's reads) says so: the pages must then be drawn one draw at a time, in turn with it.
   */
  advance(tMs: number, dtMs: number, speed: number, sink: PageSink, sinkDraws = true): number {
    this.localDraws = this.lcg !== null && !sinkDraws;
    const p = this.params;
    const from = p.wssFrom;
    const size = p.wssTo - p.wssFrom;
    if (size <= 0 || p.writesPerSec <= 0 || speed <= 0) return 0;
    const writes = (p.writesPerSec * this.activeMs(tMs, dtMs) * speed) / 1000;
    if (writes <= 0) return 0;
    switch (p.pattern) {
      case 'uniform':
        return this.uniform(from, size, this.take(CARRY.main, writes), sink);
      case 'hotcold': {
        const hotPages = Math.max(1, Math.min(size, Math.round(size * p.hotFraction)));
        const coldPages = size - hotPages;
        const hotShare = coldPages > 0 ? p.hotWriteShare : 1;
        // The hot part sits at the top of the working set.
        const hot = this.uniform(from + coldPages, hotPages, this.take(CARRY.hot, writes * hotShare), sink);
        const cold = this.uniform(from, coldPages, this.take(CARRY.cold, writes * (1 - hotShare)), sink);
        return hot + cold;
      }
      case 'sequential':
        return this.sequential(from, size, this.take(CARRY.main, writes), sink);
      case 'zipf':
        return this.zipf(from, size, this.take(CARRY.main, writes), sink);
    }
  }

  /** Whole writes due, carrying the fraction to the next call so rates are exact over time. */
  private take(key: number, writes: number): number {
    const total = this.carry[key] + writes;
    const whole = Math.floor(total);
    this.carry[key] = total - whole;
    return whole;
  }

  private uniform(from: number, pages: number, writes: number, sink: PageSink): number {
    if (pages <= 0 || writes <= 0) return 0;
    if (writes <= pages * SPARSE_WRITES_PER_PAGE) {
      if (this.localDraws) {
        // The same draws as this.random() gives, with the state in a register rather than in memory.
        const lcg = this.lcg!;
        let state = lcg[0];
        for (let i = 0; i < writes; i++) {
          state = lcgNext(state);
          sink(from + Math.floor(state * LCG_SCALE * pages));
        }
        lcg[0] = state;
      } else for (let i = 0; i < writes; i++) sink(from + Math.floor(this.random() * pages));
      return writes;
    }
    const hitChance = -Math.expm1(writes * Math.log1p(-1 / pages));
    this.bernoulliRun(from, pages, hitChance, sink);
    return writes;
  }

  /** Reports each page of [from, from + pages) independently with probability `chance`. */
  private bernoulliRun(from: number, pages: number, chance: number, sink: PageSink): void {
    const end = from + pages;
    if (chance >= 1 - 1e-12) {
      for (let page = from; page < end; page++) sink(page);
      return;
    }
    if (chance <= 0) return;
    const logMiss = Math.log1p(-chance);
    // Geometric gaps between hits: skip straight to the next page that is written.
    const bounds = pages * chance > GAP_TABLE_MIN_HITS ? gapBounds(logMiss) : NO_BOUNDS;
    if (this.localDraws) {
      const lcg = this.lcg!;
      let state = lcgNext(lcg[0]);
      let at = from + geometricGap(state * LCG_SCALE, logMiss, bounds);
      while (at < end) {
        sink(at);
        state = lcgNext(state);
        at += 1 + geometricGap(state * LCG_SCALE, logMiss, bounds);
      }
      lcg[0] = state;
      return;
    }
    let page = from + geometricGap(this.random(), logMiss, bounds);
    while (page < end) {
      sink(page);
      page += 1 + geometricGap(this.random(), logMiss, bounds);
    }
  }

  private sequential(from: number, pages: number, writes: number, sink: PageSink): number {
    if (pages <= 0 || writes <= 0) return 0;
    const touched = Math.min(writes, pages);
    for (let i = 0; i < touched; i++) sink(from + ((this.sequentialOffset + i) % pages));
    this.sequentialOffset = (this.sequentialOffset + writes) % pages;
    return writes;
  }

  /**
   * Zipf-like writes: a page of popularity rank r is written with weight about 1/r^s (the continuous
   * inverse-CDF approximation). Ranks are scattered over the working set by a fixed stride.
   */
  private zipf(from: number, pages: number, writes: number, sink: PageSink): number {
    if (pages <= 0 || writes <= 0) return 0;
    const s = this.params.zipfExponent;
    const stride = scatterStride(pages);
    const place = (rank: number) => from + ((rank * stride) % pages);
    const cdf = zipfCdf(pages, s);
    if (writes <= pages * SPARSE_WRITES_PER_PAGE) {
      const inverse = zipfInverse(pages, s);
      for (let i = 0; i < writes; i++) sink(place(Math.min(pages - 1, Math.floor(inverse(this.random())) - 1)));
      return writes;
    }
    for (let rank = 0; rank < pages; rank++) {
      const mass = cdf(rank + 2) - cdf(rank + 1);
      if (this.random() < -Math.expm1(-writes * mass)) sink(place(rank));
    }
    return writes;
  }
}

/** Below this many expected hits a run computes each gap's logarithm; above, it builds the table first. */
const GAP_TABLE_MIN_HITS = 64;
const GAP_TABLE_SIZE = 48;
/** How close to a bound a draw must fall for the logarithm to decide (relative; float error is ~1e-16). */
const GAP_MARGIN = 1e-9;
const NO_BOUNDS = new Float64Array(0);

/** The draws at which the gap grows: bounds[k] = 1 - miss^(k + 1), where log(miss) = logMiss. */
export function gapBounds(logMiss: number): Float64Array {
  const bounds = new Float64Array(GAP_TABLE_SIZE);
  for (let k = 0; k < GAP_TABLE_SIZE; k++) bounds[k] = -Math.expm1((k + 1) * logMiss);
  return bounds;
}

/**
 * The number of pages skipped before the next hit for a uniform draw u: floor(log1p(-u) / logMiss). That
 * is k exactly when u lies between bounds[k - 1] and bounds[k], so the table gives it without a logarithm
 * (which costs more than the rest of a write), except for a draw within a hair of a bound or past the
 * table, where the logarithm decides: the gaps are exactly those of the formula.
 */
export function geometricGap(u: number, logMiss: number, bounds: Float64Array): number {
  // Past bound k - 1 (and clear of it), so below bound k (and clear of it) the gap is k.
  for (let k = 0; k < bounds.length; k++) {
    if (u < bounds[k] * (1 - GAP_MARGIN)) return k;
    if (u < bounds[k] * (1 + GAP_MARGIN)) break;
  }
  return Math.floor(Math.log1p(-u) / logMiss);
}

/** Share of writes landing on ranks below x (1 <= x <= K + 1) under the continuous power law (the fleet model uses it too). */
export function zipfCdf(pages: number, s: number): (x: number) => number {
  if (Math.abs(s - 1) < 1e-9) {
    const total = Math.log(pages + 1);
    return (x) => Math.log(x) / total;
  }
  const a = 1 - s;
  const total = Math.pow(pages + 1, a) - 1;
  return (x) => (Math.pow(x, a) - 1) / total;
}

function zipfInverse(pages: number, s: number): (u: number) => number {
  if (Math.abs(s - 1) < 1e-9) return (u) => Math.pow(pages + 1, u);
  const a = 1 - s;
  const total = Math.pow(pages + 1, a) - 1;
  return (u) => Math.pow(1 + u * total, 1 / a);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** A stride near the golden ratio of n that is coprime with n, so rank -> page is a permutation. */
export function scatterStride(n: number): number {
  if (n <= 2) return 1;
  let stride = Math.max(1, Math.round(n * 0.6180339887));
  while (gcd(stride, n) !== 1) stride++;
  return stride;
}
