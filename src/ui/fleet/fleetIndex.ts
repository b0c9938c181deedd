import type { FleetTrace, MigrationRecord } from '../../engine';
import type { FleetCountersAt } from './fleetAt';

/** Index of the last value ≤ t in an ascending array, plus one (how many are ≤ t). */
function countAtOrBefore(sorted: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ascending = (xs: number[]) => Float64Array.from(xs).sort();

/**
 * What the fleet view asks of a trace at every frame of playback (the migrations under way, the counters
 * so far), answered in O(log n + answer) instead of a pass over every migration and fate: 10,000 VMs
 * would cost a few ms a frame otherwise. Built once per trace. Same answers as `activeAt` and
 * `countersAt` in fleetAt.ts, which say what they mean in plain loops.
 */
export class FleetIndex {
  /** Migrations in the order they ended (how the engine records them), with running sums in that order. */
  private readonly byEnd: MigrationRecord[];
  private readonly endMs: Float64Array;
  private readonly movedSum: Int32Array;
  private readonly blackoutSum: Float64Array;
  private readonly bytesSum: Float64Array;
  private readonly startMs: Float64Array;
  private readonly stoppedMs: Float64Array;
  private readonly runningAgainMs: Float64Array;
  /** Migrations overlapping each time bucket, and those too long for buckets (scanned at every query). */
  private readonly bucketMs: number;
  private readonly buckets: MigrationRecord[][];
  private readonly long: MigrationRecord[] = [];

  constructor(trace: FleetTrace) {
    const ms = trace.migrations;
    this.byEnd = ms
      .map((m, i) => [m, i] as const)
      .sort((a, b) => a[0].endMs - b[0].endMs || a[1] - b[1])
      .map(([m]) => m);
    const n = ms.length;
    this.endMs = new Float64Array(n);
    this.movedSum = new Int32Array(n + 1);
    this.blackoutSum = new Float64Array(n + 1);
    this.bytesSum = new Float64Array(n + 1);
    this.byEnd.forEach((m, i) => {
      this.endMs[i] = m.endMs;
      const done = m.outcome === 'completed';
      this.movedSum[i + 1] = this.movedSum[i] + (done ? 1 : 0);
      this.blackoutSum[i + 1] = this.blackoutSum[i] + (done ? m.blackoutMs : 0);
      this.bytesSum[i + 1] = this.bytesSum[i] + m.bytes;
    });
    this.startMs = ascending(ms.map((m) => m.startMs));
    this.stoppedMs = ascending(trace.fates.flatMap((f) => (f.stoppedAtMs === null ? [] : [f.stoppedAtMs])));
    this.runningAgainMs = ascending(
      trace.fates.flatMap((f) => (f.runningAgainAtMs === null ? [] : [f.runningAgainAtMs])),
    );
    const durations = ms.map((m) => m.endMs - m.startMs).sort((a, b) => a - b);
    const typical = durations.length ? durations[Math.floor(durations.length * 0.9)] : 1;
    const span = Math.max(1, trace.summary.endMs);
    this.bucketMs = Math.max(span / 4000, typical, 1);
    this.buckets = Array.from({ length: Math.ceil(span / this.bucketMs) + 1 }, () => []);
    for (const m of ms) {
      if (!(m.endMs > m.startMs)) continue;
      const first = this.bucketOf(m.startMs);
      const last = this.bucketOf(m.endMs);
      if (last - first > 16) this.long.push(m);
      else for (let b = first; b <= last; b++) this.buckets[b].push(m);
    }
  }

  private bucketOf(tMs: number): number {
    return Math.min(this.buckets.length - 1, Math.max(0, Math.floor(tMs / this.bucketMs)));
  }

  /** Migrations under way at `tMs` (started, not yet ended), in the trace's order. */
  activeAt(tMs: number): MigrationRecord[] {
    const under = (m: MigrationRecord) => m.startMs <= tMs && tMs < m.endMs;
    const found = this.buckets[this.bucketOf(tMs)].filter(under);
    for (const m of this.long) if (under(m)) found.push(m);
    return found.sort((a, b) => a.id - b.id);
  }

  /** The counters as they stand at `tMs`: see `countersAt`. */
  countersAt(tMs: number): FleetCountersAt {
    const ended = countAtOrBefore(this.endMs, tMs);
    return {
      moved: this.movedSum[ended],
      terminated: countAtOrBefore(this.stoppedMs, tMs),
      restarted: countAtOrBefore(this.runningAgainMs, tMs),
      blackoutMs: this.blackoutSum[ended],
      bytes: this.bytesSum[ended],
      activeMigrations: countAtOrBefore(this.startMs, tMs) - ended,
    };
  }
}

const indexes = new WeakMap<FleetTrace, FleetIndex>();

/** The trace's index, built on first use. */
export function fleetIndexOf(trace: FleetTrace): FleetIndex {
  let index = indexes.get(trace);
  if (!index) indexes.set(trace, (index = new FleetIndex(trace)));
  return index;
}
