import { bisector } from 'd3';
import { runEndMs } from '../engine/trace/summary';
import type { Round, Trace } from '../engine/trace/types';

const byValue = bisector((v: number) => v);

/** Index of the last entry at or before `tMs` in an ascending list of times (0 when before the first). */
export function indexAt(times: ArrayLike<number>, tMs: number): number {
  const i = byValue.right(times as unknown as number[], tMs) - 1;
  return Math.max(0, Math.min(times.length - 1, i));
}

/** The heatmap frame shown at the playhead. */
export const frameIndexAt = (trace: Trace, tMs: number) => indexAt(trace.heatmap.frameTimesMs, tMs);

/** The time-series sample shown at the playhead. */
export const sampleIndexAt = (trace: Trace, tMs: number) => indexAt(trace.samples.columns.tMs, tMs);

/** The pre-copy round under the playhead, if any. */
export function roundAt(trace: Trace, tMs: number): Round | undefined {
  return trace.rounds.find((r) => tMs >= r.startMs && tMs < r.endMs);
}

/**
 * Where the guest runs at the playhead: on the source until the blackout ends, then on the destination;
 * nowhere once it is lost.
 */
export function vmHostAt(trace: Trace, tMs: number): 'source' | 'paused' | 'destination' | 'nowhere' {
  const { pausedAtMs, resumedAtMs, outcome } = trace.summary;
  const endMs = runEndMs(trace.summary);
  const lostAt = outcome === 'failed' ? (trace.events.find((e) => e.kind === 'vm-lost')?.tMs ?? endMs) : Infinity;
  if (tMs >= lostAt) return 'nowhere';
  if (pausedAtMs === null || tMs < pausedAtMs) return 'source';
  // An abort in the blackout resumes the VM on the source at the end.
  if (outcome === 'aborted') return tMs >= endMs ? 'source' : 'paused';
  if (resumedAtMs === null || tMs < resumedAtMs) return 'paused';
  return 'destination';
}

/**
 * Times the playback keys jump between: round starts, phase changes and events, in order. Stops closer
 * together than a two-thousandth of the run (or 1 ms) are one stop: a step must show something.
 */
export function stopsOf(trace: Trace): number[] {
  const end = runEndMs(trace.summary);
  const times = [0, end, ...trace.rounds.map((r) => r.startMs), ...trace.phases.map((p) => p.startMs)];
  // Events past the end (the steps that run on after it) are not places the playhead can go.
  for (const e of trace.events) if (e.kind !== 'sync' && e.tMs <= end) times.push(e.tMs);
  const gap = Math.max(1, end / 2000);
  const stops: number[] = [];
  for (const t of times.sort((a, b) => a - b))
    if (stops.length === 0 || t - stops[stops.length - 1] >= gap) stops.push(t);
  if (stops[stops.length - 1] !== end) stops[stops.length - 1] = end;
  return stops;
}
