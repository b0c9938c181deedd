import type { FleetLayout } from '../build';
import type { FleetScenario } from '../schema';
import type {
  FleetLogEvent,
  FleetSummary,
  FleetTrace,
  HostChangeLog,
  HostSamples,
  MigrationRecord,
  PeakConcurrent,
  VmFate,
} from '../trace';
import type { FleetState } from './fleetState';

/** Counters a run keeps as it goes, for the summary. */
export interface RunTotals {
  terminated: number;
  restarted: number;
  lost: number;
  peak: PeakConcurrent;
  /** Fleet-wide migrations under way and the bandwidth they use, at each change. */
  fleetSeries: { tMs: number[]; active: number[]; mbps: number[] };
}

export interface TraceInputs {
  engineVersion: string;
  scenario: FleetScenario;
  layout: FleetLayout;
  state: FleetState;
  fates: VmFate[];
  records: MigrationRecord[];
  log: FleetLogEvent[];
  totals: RunTotals;
  endMs: number;
}

/** Samples x hosts kept at most, so a fleet of 20,000 hosts still fits in a few tens of MiB. */
const MAX_SAMPLE_CELLS = 4_000_000;

const maxOf = (xs: number[]) => xs.reduce((a, b) => (b > a ? b : a), -Infinity);
const minOf = (xs: number[]) => xs.reduce((a, b) => (b < a ? b : a), Infinity);

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0;

/** The change log resampled at evenly spaced times (the state in force at each sample time). */
export function sampleHosts(
  log: HostChangeLog,
  layout: FleetLayout,
  totals: RunTotals,
  endMs: number,
  max: number,
): HostSamples {
  const H = layout.hosts.length;
  const n = Math.max(2, Math.min(max, Math.floor(MAX_SAMPLE_CELLS / Math.max(1, H))));
  const timesMs = Float64Array.from({ length: n }, (_, k) => (k === n - 1 ? endMs : (k * endMs) / (n - 1)));
  const memoryPct = new Float32Array(n * H);
  const state = new Uint8Array(n * H);
  const outgoing = new Uint16Array(n * H);
  const incoming = new Uint16Array(n * H);
  const activeMigrations = new Uint32Array(n);
  const migrationMbps = new Float64Array(n);
  const mem = new Float64Array(H);
  const st = new Uint8Array(H);
  const out = new Uint16Array(H);
  const inc = new Uint16Array(H);
  const series = totals.fleetSeries;
  let i = 0;
  let j = 0;
  let active = 0;
  let mbps = 0;
  for (let k = 0; k < n; k++) {
    const t = timesMs[k];
    for (; i < log.tMs.length && log.tMs[i] <= t; i++) {
      const h = log.host[i];
      mem[h] = log.memoryMiB[i];
      st[h] = log.state[i];
      out[h] = log.outgoing[i];
      inc[h] = log.incoming[i];
    }
    for (; j < series.tMs.length && series.tMs[j] <= t; j++) {
      active = series.active[j];
      mbps = series.mbps[j];
    }
    for (let h = 0; h < H; h++) {
      memoryPct[k * H + h] = (100 * mem[h]) / layout.hosts[h].memoryMiB;
      state[k * H + h] = st[h];
      outgoing[k * H + h] = out[h];
      incoming[k * H + h] = inc[h];
    }
    activeMigrations[k] = active;
    migrationMbps[k] = mbps;
  }
  return { timesMs, hosts: H, memoryPct, state, outgoing, incoming, activeMigrations, migrationMbps };
}

export function buildSummary(x: TraceInputs): FleetSummary {
  const s = x.scenario;
  const completed = x.records.filter((r) => r.outcome === 'completed');
  const blackouts = completed.map((r) => r.blackoutMs).sort((a, b) => a - b);
  const firstTriggerMs = s.events.length ? minOf(s.events.map((e) => e.atS * 1000)) : 0;
  const left = x.fates.map((f) => f.leftHostAtMs).filter((t): t is number => t !== null);
  const mustLeave = x.fates.filter((f) => f.outcome !== 'refused');
  const sc = s.scheduler;
  return {
    vms: x.layout.vms.length,
    hosts: x.layout.hosts.length,
    racks: x.layout.racks,
    customers: x.layout.customers.length,
    affected: new Set(x.fates.map((f) => f.vm)).size,
    migrated: completed.length,
    terminated: x.totals.terminated,
    restarted: x.totals.restarted,
    waitingForOperator: x.fates.filter((f) => f.outcome === 'waiting-for-operator').length,
    failed: x.records.length - completed.length,
    lost: x.totals.lost,
    refused: x.fates.filter((f) => f.outcome === 'refused').length,
    unplaced: x.fates.filter((f) => f.outcome === 'unplaced' || f.outcome === 'stuck').length,
    evacuationMs: left.length ? maxOf(left) - firstTriggerMs : 0,
    evacuationComplete: mustLeave.every((f) => f.leftHostAtMs !== null || f.outcome === 'migration-failed'),
    migrationSpanMs: x.records.length
      ? maxOf(x.records.map((r) => r.endMs)) - minOf(x.records.map((r) => r.startMs))
      : 0,
    totalBlackoutMs: blackouts.reduce((a, b) => a + b, 0),
    medianBlackoutMs: quantile(blackouts, 0.5),
    p99BlackoutMs: quantile(blackouts, 0.99),
    maxBlackoutMs: blackouts.length ? blackouts[blackouts.length - 1] : 0,
    totalOutageMs: x.fates.reduce(
      (sum, f) => sum + (f.stoppedAtMs === null ? 0 : (f.runningAgainAtMs ?? x.endMs) - f.stoppedAtMs),
      0,
    ),
    bytesTransferred: x.records.reduce((a, r) => a + r.bytes, 0),
    meanMigrationMs: completed.length ? completed.reduce((a, r) => a + (r.endMs - r.startMs), 0) / completed.length : 0,
    peakConcurrent: { ...x.totals.peak },
    caps: {
      platform: sc.platform,
      fleet: sc.fleetCap,
      perSourceHost: sc.perSourceHostCap,
      perDestinationHost: sc.perDestinationHostCap,
      perCustomer: sc.perCustomerCap,
      rateLimitPerMin: sc.rateLimitPerMin,
      faultDomain: sc.faultDomain,
      fairness: sc.fairness,
      placement: sc.placement,
      maxFillPct: sc.maxFillPct,
      bandwidthPerMigrationMbps: s.migration.bandwidthPerMigrationMbps,
      downtimeLimitMs: s.migration.downtimeLimitMs,
    },
    endMs: x.endMs,
  };
}

export function buildFleetTrace(x: TraceInputs): FleetTrace {
  const hostLog = x.state.changeLog();
  return {
    engineVersion: x.engineVersion,
    scenario: x.scenario,
    layout: x.layout,
    fates: x.fates,
    migrations: x.records,
    events: x.log,
    hostLog,
    samples: sampleHosts(hostLog, x.layout, x.totals, x.endMs, x.scenario.output.maxSamples),
    activity: {
      tMs: Float64Array.from(x.totals.fleetSeries.tMs),
      activeMigrations: Uint32Array.from(x.totals.fleetSeries.active),
      migrationMbps: Float64Array.from(x.totals.fleetSeries.mbps),
    },
    finalHosts: Int32Array.from(x.state.vmHost),
    summary: buildSummary(x),
  };
}
