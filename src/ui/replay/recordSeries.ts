import type { SampleColumn, Trace } from '../../engine';
import type { TableData } from '../a11y/ChartTable';
import { formatBytes, formatCount, formatMbps, formatMs, formatPct } from '../format';
import { thinnedSamples } from '../timeline/timelineTable';

/** What the record's timeline charts, one small chart each: QEMU's own figures over time. */
export interface RecordSeries {
  key: string;
  name: string;
  /** What QEMU calls it, for the tooltip. */
  qemu: string;
  column: SampleColumn;
  format: (value: number) => string;
  /** Drawn only when the record went to post-copy. */
  postcopyOnly?: boolean;
}

export const RECORD_SERIES: readonly RecordSeries[] = [
  {
    key: 'remaining',
    name: 'Remaining',
    qemu: 'ram.remaining: bytes still to send',
    column: 'remainingBytes',
    format: formatBytes,
  },
  {
    key: 'transferred',
    name: 'Transferred',
    qemu: 'ram.transferred: bytes sent so far',
    column: 'transferredBytes',
    format: formatBytes,
  },
  {
    key: 'bandwidth',
    name: 'Bandwidth',
    qemu: 'bytes sent over the half second before, as a rate',
    column: 'bandwidthMbps',
    format: formatMbps,
  },
  {
    key: 'expectedDowntime',
    name: 'Expected downtime',
    qemu: 'expected-downtime: what QEMU expects the pause to last',
    column: 'expectedDowntimeMs',
    format: formatMs,
  },
  {
    key: 'throttle',
    name: 'Throttle',
    qemu: 'cpu-throttle-percentage: auto-converge slowing the vCPUs',
    column: 'throttlePct',
    format: formatPct,
  },
  {
    key: 'postcopyRequests',
    name: 'Post-copy requests',
    qemu: 'ram.postcopy-requests: pages the destination asked for, per second',
    column: 'faultsPerSec',
    format: (v) => `${formatCount(v)}/s`,
    postcopyOnly: true,
  },
];

/** The series a trace has something to show for. */
export function seriesFor(trace: Trace): RecordSeries[] {
  const postcopy = trace.summary.postcopyFaults > 0 || trace.phases.some((p) => p.kind === 'postcopy');
  return RECORD_SERIES.filter((s) => !s.postcopyOnly || postcopy);
}

/** A trace's times on QEMU's clock (0 at the migrate command), so a simulation lines up with a record. */
export const clockOffsetMs = (trace: Trace): number => trace.summary.migrateStartMs;

/** Index of the last sample at or before `tMs`. */
function indexAt(times: Float64Array, tMs: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The times a prediction is read at: the record's own sample times (QEMU's clock), then on at the record's
 * usual spacing until the prediction ends, so both lines are sampled alike.
 */
export function comparisonTimes(record: Trace, predictedEndMs: number): number[] {
  const times = Array.from(record.samples.columns.tMs);
  const step = Math.max(1, record.samples.stepMs || 50);
  for (let t = (times[times.length - 1] ?? 0) + step; t <= predictedEndMs + step / 2; t += step) times.push(t);
  return times;
}

/** The window the charted bandwidth is averaged over: QEMU sends in 100 ms bursts, sampled every ~50 ms. */
export const BANDWIDTH_WINDOW_MS = 500;

/**
 * A series read at `times` (QEMU's clock; a simulation's own clock is shifted onto it): figures as they
 * stood at each time, and the bandwidth as the bytes sent over the `windowMs` before it, for the record and
 * the prediction alike, so QEMU's 100 ms rate windows do not show as a comb.
 */
export function seriesAt(
  trace: Trace,
  column: SampleColumn,
  times: readonly number[],
  windowMs = BANDWIDTH_WINDOW_MS,
): number[] {
  const cols = trace.samples.columns;
  const offset = clockOffsetMs(trace);
  const at = (tMs: number) => indexAt(cols.tMs, tMs + offset);
  if (column !== 'bandwidthMbps') return times.map((t) => cols[column][at(t)]);
  const sent = (tMs: number) => (tMs <= 0 ? 0 : cols.transferredBytes[at(tMs)]);
  return times.map((t) => {
    const span = Math.min(windowMs, t);
    return span > 0 ? ((sent(t) - sent(t - span)) * 8) / (span * 1000) : 0;
  });
}

/**
 * The top of a chart's scale: the largest value, unless a few samples stand far above the rest (the
 * uncapped final copy's burst of bandwidth); then the 98th percentile with room, and those peaks are cut.
 */
export function chartTop(values: readonly number[]): { top: number; clipped: boolean } {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (finite.length === 0) return { top: 1, clipped: false };
  const max = finite[finite.length - 1];
  const p98 = finite[Math.floor(0.98 * (finite.length - 1))];
  return max > p98 * 2 ? { top: p98 * 1.25, clipped: true } : { top: max, clipped: false };
}

/** The record's charts as a table: the measured samples (thinned as the lab's timeline table is), one column per series. */
export function recordTableData(trace: Trace): TableData {
  const { columns } = trace.samples;
  const series = seriesFor(trace);
  const picked = thinnedSamples(columns.phase);
  const offset = clockOffsetMs(trace);
  return {
    caption: `Record over time: ${series.map((s) => s.name.toLowerCase()).join(', ')}`,
    columns: ['Time', ...series.map((s) => s.name)],
    rows: picked.map((i) => [
      formatMs(columns.tMs[i] - offset),
      ...series.map((s) => (Number.isFinite(columns[s.column][i]) ? s.format(columns[s.column][i]) : 'not recorded')),
    ]),
    note: picked.length < columns.tMs.length ? `${picked.length} of the ${columns.tMs.length} samples.` : undefined,
  };
}
