import { bisector } from 'd3';
import { runEndMs } from '../engine';
import type { Round, Trace } from '../engine';

const byValue = bisector((v: number) => v);

/** Index of the last entry at or before `tMs` in an ascending list of times (0 when before the first). */
export function indexAt(times: ArrayLike<number>, tMs: number): number {
  const i = byValue.right(times as unknown as number[], tMs) - 1;
  return Math.max(0, Math.min(times.length - 1, i));
}

/** The heatmap frame shown at the playhead (0 for a record without a heatmap). */
export const frameIndexAt = (trace: Trace, tMs: number) =>
  trace.heatmap ? indexAt(trace.heatmap.frameTimesMs, tMs) : 0;

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
