import type { Scenario } from '../../scenario/schema';
import { mibToBytes } from '../../units';
import { zipfCdf } from '../../workload/writeStream';

/**
 * The guest's writing as classes of pages that are each written at one rate, which is all a flow-level
 * model needs to know: how many distinct pages a class has dirtied after a stretch of writing (section 4.2
 * of the fact sheet: K pages written w times a second at random gives K (1 - e^(-w t / K)) distinct pages).
 */
export interface DirtyClass {
  pages: number;
  /** Poisson classes: writes per page per ms of writing. 0 for pages never written. */
  perPageWritesPerMs: number;
  /** Sweep classes (the sequential pattern): pages written in order, per ms of writing. */
  sweepPagesPerMs: number;
}

/** Distinct pages of a class dirtied by `activeMs` of writing. */
export function distinctDirtied(c: DirtyClass, activeMs: number): number {
  if (activeMs <= 0) return 0;
  if (c.sweepPagesPerMs > 0) return Math.min(c.pages, c.sweepPagesPerMs * activeMs);
  if (c.perPageWritesPerMs <= 0) return 0;
  return c.pages * -Math.expm1(-c.perPageWritesPerMs * activeMs);
}

const poisson = (pages: number, writesPerMs: number): DirtyClass => ({
  pages,
  perPageWritesPerMs: pages > 0 ? writesPerMs / pages : 0,
  sweepPagesPerMs: 0,
});

/** Zipf buckets grow by this factor in rank: about 60 buckets for a 2 GiB working set of 4 KiB pages. */
const ZIPF_BUCKET_GROWTH = 1.25;

/**
 * The working set split into the segments the sender meets in address order, each with its classes, as
 * src/engine/workload/writeStream.ts writes them: uniform and sequential are one class; hot/cold puts the
 * hot part at the top of the working set; Zipf ranks are scattered over the whole set, so its buckets of
 * similar popularity share one segment.
 */
export function workingSetSegments(scenario: Scenario, wssPages: number): DirtyClass[][] {
  const w = scenario.workload;
  const pageBytes = scenario.vm.pageKiB * 1024;
  const writesPerMs = mibToBytes(w.writeRateMiBps) / pageBytes / 1000;
  if (wssPages <= 0) return [];
  switch (w.pattern) {
    case 'uniform':
      return [[poisson(wssPages, writesPerMs)]];
    case 'sequential':
      return [[{ pages: wssPages, perPageWritesPerMs: 0, sweepPagesPerMs: writesPerMs }]];
    case 'hotcold': {
      const hot = Math.max(1, Math.min(wssPages, Math.round((wssPages * w.hotFractionPct) / 100)));
      const cold = wssPages - hot;
      const hotShare = cold > 0 ? w.hotWriteSharePct / 100 : 1;
      const segments = [[poisson(hot, writesPerMs * hotShare)]];
      if (cold > 0) segments.unshift([poisson(cold, writesPerMs * (1 - hotShare))]);
      return segments;
    }
    case 'zipf':
      return [zipfBuckets(wssPages, w.zipfExponent, writesPerMs)];
  }
}

/** Ranks 1..K grouped into buckets of similar weight 1/r^s, with the engine's continuous CDF. */
function zipfBuckets(pages: number, s: number, writesPerMs: number): DirtyClass[] {
  const cdf = zipfCdf(pages, s);
  const out: DirtyClass[] = [];
  for (let from = 1; from <= pages;) {
    const to = Math.min(pages + 1, Math.max(from + 1, Math.ceil(from * ZIPF_BUCKET_GROWTH)));
    out.push(poisson(to - from, writesPerMs * (cdf(to) - cdf(from))));
    from = to;
  }
  return out;
}

/**
 * Milliseconds of [fromMs, toMs) the workload spends writing, for bursts of `periodMs` with `duty` of each
 * cycle on (the cycle starts at migration time 0, as in the page engine).
 */
export function writingMs(periodMs: number, duty: number, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  if (periodMs <= 0 || duty >= 1) return toMs - fromMs;
  const onMs = periodMs * duty;
  const upTo = (t: number) => Math.floor(t / periodMs) * onMs + Math.min(onMs, t - Math.floor(t / periodMs) * periodMs);
  return upTo(toMs) - upTo(fromMs);
}
