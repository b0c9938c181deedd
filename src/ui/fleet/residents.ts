import type { FleetTrace } from '../../engine';

/** Every move of every VM in time order: at `tMs` VM `vm` went to `host` (-1: stopped). */
export interface VmMoves {
  tMs: number[];
  vm: number[];
  host: number[];
}

const cache = new WeakMap<FleetTrace, VmMoves>();

/** The trace's VM moves: completed migrations, stops and restarts. */
export function vmMoves(trace: FleetTrace): VmMoves {
  const hit = cache.get(trace);
  if (hit) return hit;
  const rows: [number, number, number][] = [];
  for (const m of trace.migrations) if (m.outcome === 'completed') rows.push([m.endMs, m.vm, m.destination]);
  for (const f of trace.fates) {
    if (f.stoppedAtMs !== null) rows.push([f.stoppedAtMs, f.vm, -1]);
    if (f.runningAgainAtMs !== null && f.restartHost !== null) rows.push([f.runningAgainAtMs, f.vm, f.restartHost]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  const moves = { tMs: rows.map((r) => r[0]), vm: rows.map((r) => r[1]), host: rows.map((r) => r[2]) };
  cache.set(trace, moves);
  return moves;
}

/** Where each VM runs at `tMs` (-1: stopped). */
export function hostsAt(trace: FleetTrace, tMs: number): Int32Array {
  const where = Int32Array.from(trace.layout.vms, (v) => v.host);
  const m = vmMoves(trace);
  for (let i = 0; i < m.tMs.length && m.tMs[i] <= tMs; i++) where[m.vm[i]] = m.host[i];
  return where;
}

/** The VMs running on `host` at `tMs`. */
export function residentsAt(trace: FleetTrace, host: number, tMs: number): number[] {
  const where = hostsAt(trace, tMs);
  const out: number[] = [];
  for (let v = 0; v < where.length; v++) if (where[v] === host) out.push(v);
  return out;
}
