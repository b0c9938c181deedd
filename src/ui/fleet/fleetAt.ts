import type { FleetTrace, MigrationRecord } from '../../engine';

/** The last sample at or before `tMs` (samples are evenly spaced from 0 to the run's end). */
export function sampleIndexAt(trace: FleetTrace, tMs: number): number {
  const times = trace.samples.timesMs;
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where a migration is at `tMs`: not yet begun, copying while the VM runs, in its blackout, or over. */
export function migrationPhaseAt(m: MigrationRecord, tMs: number): 'before' | 'copying' | 'blackout' | 'after' {
  if (tMs < m.startMs) return 'before';
  if (tMs >= m.endMs) return 'after';
  if (m.blackoutStartMs !== null && tMs >= m.blackoutStartMs) return 'blackout';
  return 'copying';
}

/** Migrations under way at `tMs`. */
export const activeAt = (trace: FleetTrace, tMs: number): MigrationRecord[] =>
  trace.migrations.filter((m) => m.startMs <= tMs && tMs < m.endMs);

export interface FleetCountersAt {
  moved: number;
  terminated: number;
  restarted: number;
  blackoutMs: number;
  bytes: number;
  activeMigrations: number;
}

/**
 * The counters as they stand at `tMs`: migrations completed, VMs stopped and running again, blackout
 * and bytes of the migrations over by then. At the run's end they equal the trace's summary.
 */
export function countersAt(trace: FleetTrace, tMs: number): FleetCountersAt {
  let moved = 0;
  let blackoutMs = 0;
  let bytes = 0;
  let activeMigrations = 0;
  for (const m of trace.migrations) {
    if (m.startMs <= tMs && tMs < m.endMs) activeMigrations++;
    if (m.endMs > tMs) continue;
    bytes += m.bytes;
    if (m.outcome !== 'completed') continue;
    moved++;
    blackoutMs += m.blackoutMs;
  }
  let terminated = 0;
  let restarted = 0;
  for (const f of trace.fates) {
    if (f.stoppedAtMs !== null && f.stoppedAtMs <= tMs) terminated++;
    if (f.runningAgainAtMs !== null && f.runningAgainAtMs <= tMs) restarted++;
  }
  return { moved, terminated, restarted, blackoutMs, bytes, activeMigrations };
}

/** The run's end: the playhead's range in the fleet view. */
export const fleetEndMs = (trace: FleetTrace): number => Math.max(1, trace.summary.endMs);

/**
 * When the last thing worth watching happens (the last migration ends, the last VM stops or runs
 * again), ms; a host's maintenance can keep the run going long after. At least 1 ms, at most the end.
 */
export function busyEndMs(trace: FleetTrace): number {
  let end = 0;
  for (const m of trace.migrations) end = Math.max(end, m.endMs);
  for (const f of trace.fates) end = Math.max(end, f.stoppedAtMs ?? 0, f.runningAgainAtMs ?? 0, f.leftHostAtMs ?? 0);
  const whole = fleetEndMs(trace);
  return end > 0 ? Math.min(whole, end * 1.04) : whole;
}
