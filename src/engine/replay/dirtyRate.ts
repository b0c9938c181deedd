import { throttledSpeed } from '../migration/state';
import type { QmpRecord } from './qmp';
import { syncIntervals, type SyncInterval } from './syncs';

/** How the guest's writing was estimated from a record. */
export interface DirtyRateEstimate {
  /** Page writes per second at full guest speed (uniform over the working set). */
  writesPerSec: number;
  wssPages: number;
  wssSource: 'given' | 'used memory' | 'syncs';
  /** The log filled most of the working set between syncs: the dirty set sits pinned at it. */
  saturated: boolean;
  rateSource: 'given' | 'syncs' | 'query-dirty-rate' | 'dirty-pages-rate' | 'none';
  /** Sync intervals the estimate rests on. */
  intervals: number;
  /** One sentence on how it was found, for the fit's notes. */
  note: string;
}

export interface EstimateInputs {
  /** Pages the guest has written (the record's pages minus its zero pages). */
  usedPages: number;
  /** The working set, when the user knows it. */
  wssPages?: number;
  /** The write rate, when the user knows it (then nothing is estimated). */
  writesPerSec?: number;
  /** The throttle's effectiveness k: a throttled guest runs at k (1 - p) (0..1). */
  throttledSpeed: number;
}

/** Above this share of the working set filled between syncs, the writer counts as saturated. */
const SATURATED_SHARE = 0.9;
/** The most of the working set one interval is taken to have filled (a full log says only "at least"). */
const MAX_FILLED = 0.99;

interface Point {
  newPages: number;
  unsent: number;
  /** ms of full-speed guest time in the interval. */
  effMs: number;
}

const points = (intervals: SyncInterval[], k: number): Point[] =>
  intervals.map((i) => ({
    newPages: i.newPages,
    unsent: i.unsentPages,
    effMs: (i.toMs - i.fromMs) * throttledSpeed(i.throttlePct / 100, k),
  }));

/**
 * Uniform writes at w per second over W pages leave W(1 - e^(-w t / W)) distinct pages in the log after t.
 * A sync adds those not still waiting to be sent (u of them, spread like the rest): L(1 - u / W). Solved
 * for the writes each interval implies; the rate is their sum over the guest time they took.
 */
function rateFor(ps: Point[], wss: number): { writesPerSec: number; filled: number[] } {
  const filled = ps.map((p) => {
    const unsent = Math.min(p.unsent, wss * 0.999);
    return Math.min(p.newPages / (1 - unsent / wss), wss * MAX_FILLED) / wss;
  });
  // An interval that filled the working set only says "at least": leave it out while others say more.
  const open = ps.map((_, i) => i).filter((i) => filled[i] < MAX_FILLED);
  const use = open.length > 0 ? open : ps.map((_, i) => i);
  // Weighted least squares of writes = rate x time: a page count L out of W implies -W ln(1 - L/W)
  // writes, whose spread grows as W L / (W - L); a log that nearly filled the set says little.
  let num = 0;
  let den = 0;
  for (const i of use) {
    const f = filled[i];
    const writes = -wss * Math.log(1 - f);
    const variance = Math.max(1, (wss * f) / (1 - f));
    const t = ps[i].effMs / 1000;
    num += (t * writes) / variance;
    den += (t * t) / variance;
  }
  return { writesPerSec: den > 0 ? num / den : 0, filled };
}

/** Squared relative misfit of the pages each sync added, for a working set and a rate. */
function misfit(ps: Point[], wss: number, writesPerSec: number): number {
  let sum = 0;
  for (const p of ps) {
    const logged = wss * -Math.expm1((-writesPerSec * p.effMs) / 1000 / wss);
    const added = logged * (1 - Math.min(p.unsent, wss) / wss);
    sum += ((added - p.newPages) / Math.max(p.newPages, 1)) ** 2;
  }
  return sum;
}

/**
 * The working set from the syncs alone: the size whose saturation curve fits the pages each sync added
 * best. Only trusted when it fits far better than all of used memory (which is where it defaults to).
 */
function wssFromSyncs(ps: Point[], usedPages: number): number | null {
  const floor = Math.max(...ps.map((p) => p.newPages + p.unsent), 1);
  if (ps.length < 3 || floor >= usedPages * 0.9) return null;
  const errorAt = (wss: number) => misfit(ps, wss, rateFor(ps, wss).writesPerSec);
  const atUsed = errorAt(usedPages);
  let best = { wss: usedPages, error: atUsed };
  for (let i = 0; i <= 40; i++) {
    const wss = floor * (usedPages / floor) ** (i / 40);
    const error = errorAt(wss);
    if (error < best.error) best = { wss, error };
  }
  return best.wss < usedPages * 0.9 && best.error < atUsed * 0.5 ? Math.round(best.wss) : null;
}

/** The guest's write rate (and, failing a given one, its working set) from the record's own syncs. */
export function estimateDirtyRate(record: QmpRecord, o: EstimateInputs): DirtyRateEstimate {
  const ps = points(syncIntervals(record), o.throttledSpeed);
  const fromSyncs = o.wssPages === undefined && ps.length ? wssFromSyncs(ps, o.usedPages) : null;
  const wssPages = Math.max(1, o.wssPages ?? fromSyncs ?? o.usedPages);
  const wssSource = o.wssPages !== undefined ? 'given' : fromSyncs !== null ? 'syncs' : 'used memory';
  const base = { wssPages, wssSource, intervals: ps.length } as const;
  const mib = (pages: number) => ((pages * record.pageSizeBytes) / 1048576).toFixed(1);
  if (o.writesPerSec !== undefined)
    return { ...base, writesPerSec: o.writesPerSec, saturated: false, rateSource: 'given', note: 'write rate given' };
  if (ps.length > 0) {
    const { writesPerSec, filled } = rateFor(ps, wssPages);
    const sorted = [...filled].sort((a, b) => a - b);
    const saturated = sorted[Math.floor(sorted.length / 2)] >= SATURATED_SHARE;
    return {
      ...base,
      writesPerSec,
      saturated,
      rateSource: 'syncs',
      note:
        `${Math.round(writesPerSec)} page writes/s, uniform over ${mib(wssPages)} MiB (${wssSource}), from the pages ` +
        `${ps.length} syncs added` +
        (saturated ? '; saturated: the dirty set sits pinned at the working set, so this is a lower bound' : ''),
    };
  }
  const page = record.pageSizeBytes;
  const fromDistinct = (pagesPerCalc: number, calcS: number, what: string, source: DirtyRateEstimate['rateSource']) => {
    const share = Math.min(pagesPerCalc / wssPages, MAX_FILLED);
    const writesPerSec = (-wssPages * Math.log(1 - share)) / calcS;
    return {
      ...base,
      writesPerSec,
      saturated: share >= SATURATED_SHARE,
      rateSource: source,
      note: `${Math.round(writesPerSec)} page writes/s from ${what} (no sync to read it from)`,
    };
  };
  if (record.measuredDirtyRateMBps !== null)
    return fromDistinct(
      (record.measuredDirtyRateMBps * 1e6 * record.measuredDirtyRateCalcS) / page,
      record.measuredDirtyRateCalcS,
      `query-dirty-rate (${record.measuredDirtyRateMBps} MB/s)`,
      'query-dirty-rate',
    );
  const rate = Math.max(0, ...record.samples.map((s) => s.ram.dirtyPagesRate));
  if (rate > 0) return fromDistinct(rate, 1, `dirty-pages-rate (${rate} pages/s)`, 'dirty-pages-rate');
  return { ...base, writesPerSec: 0, saturated: false, rateSource: 'none', note: 'no sign of writing in the record' };
}
