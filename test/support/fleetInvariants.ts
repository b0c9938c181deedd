import { HOST_STATE_CODES, type FleetTrace, type MigrationRecord } from '../../src/engine/fleet/trace';

/**
 * Checks a fleet trace against the scheduler's promises, from the trace alone (records, fates and the
 * host change log), not from the scheduler's own counters. Returns one sentence per broken promise.
 */
export function fleetViolations(trace: FleetTrace): string[] {
  return [
    ...capViolations(trace),
    ...capacityViolations(trace),
    ...policyViolations(trace),
    ...noticeViolations(trace),
    ...faultDomainViolations(trace),
    ...rateLimitViolations(trace),
    ...linkViolations(trace),
  ];
}

/** The most migrations under way at once, overall and per key, from [startMs, endMs) intervals. */
export function peakOverlap(records: MigrationRecord[], key: (r: MigrationRecord) => number | string): number {
  const points: [number, number, number | string][] = [];
  for (const r of records) {
    points.push([r.startMs, 1, key(r)]);
    points.push([r.endMs, -1, key(r)]);
  }
  // Ends before starts at the same instant: a freed slot is taken in the same moment.
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const open = new Map<number | string, number>();
  let peak = 0;
  for (const [, d, k] of points) {
    const n = (open.get(k) ?? 0) + d;
    open.set(k, n);
    peak = Math.max(peak, n);
  }
  return peak;
}

function capViolations(t: FleetTrace): string[] {
  const sc = t.scenario.scheduler;
  const out: string[] = [];
  const check = (name: string, cap: number, key: (r: MigrationRecord) => number | string) => {
    const peak = peakOverlap(t.migrations, key);
    if (cap > 0 && peak > cap) out.push(`${name}: ${peak} migrations at once, cap ${cap}`);
  };
  check('fleet', sc.fleetCap, () => 0);
  check('per source host', sc.perSourceHostCap, (r) => r.source);
  check('per destination host', sc.perDestinationHostCap, (r) => r.destination);
  check('per customer', sc.perCustomerCap, (r) => r.customer);
  const p = t.summary.peakConcurrent;
  if (p.fleet !== peakOverlap(t.migrations, () => 0)) out.push('summary peak (fleet) disagrees with the records');
  if (p.perSourceHost !== peakOverlap(t.migrations, (r) => r.source)) out.push('summary peak per source disagrees');
  if (p.perCustomer !== peakOverlap(t.migrations, (r) => r.customer)) out.push('summary peak per customer disagrees');
  return out;
}

/** Whenever a host takes on a VM (a migration or a restart headed there), it stays within the fill limit. */
function capacityViolations(t: FleetTrace): string[] {
  const fill = t.scenario.scheduler.maxFillPct / 100;
  const log = t.hostLog;
  const lastMem = new Map<number, number>();
  const lastCpu = new Map<number, number>();
  const out: string[] = [];
  for (let i = 0; i < log.tMs.length; i++) {
    const h = log.host[i];
    const host = t.layout.hosts[h];
    const mem = log.memoryMiB[i];
    const cpu = log.vcpus[i];
    const rose = lastMem.has(h) && (mem > lastMem.get(h)! + 1e-9 || cpu > lastCpu.get(h)! + 1e-9);
    if (rose && (mem > fill * host.memoryMiB + 1e-6 || cpu > fill * host.vcpus + 1e-6))
      out.push(
        `${host.name} at ${log.tMs[i]} ms holds ${mem} MiB / ${cpu} vCPUs, over ${fill * 100} % of its capacity`,
      );
    if (mem > host.memoryMiB + 1e-6 || cpu > host.vcpus + 1e-6) out.push(`${host.name} over its capacity`);
    lastMem.set(h, mem);
    lastCpu.set(h, cpu);
  }
  return out;
}

/** Every affected VM ended as its availability policy says. */
function policyViolations(t: FleetTrace): string[] {
  const out: string[] = [];
  for (const f of t.fates) {
    const vm = t.layout.vms[f.vm];
    const policyMigrates = vm.onHostMaintenance === 'MIGRATE' && vm.liveMigratable;
    const planned = !['operator-move', 'noisy-neighbour'].includes(f.reason);
    if (f.outcome === 'refused' || f.outcome === 'stuck') continue;
    if (f.stopCause === 'policy' && f.action !== 'terminate')
      out.push(`${vm.name}: stopped by a policy it does not have`);
    if (planned && (f.action === 'migrate') !== policyMigrates)
      out.push(
        `${vm.name}: action ${f.action} against policy ${vm.onHostMaintenance} (live-migratable ${vm.liveMigratable})`,
      );
    if (f.outcome === 'migrated' && (f.migration === null || t.migrations[f.migration].outcome !== 'completed'))
      out.push(`${vm.name}: migrated without a completed migration`);
    if (f.outcome === 'restarted' && !vm.automaticRestart) out.push(`${vm.name}: restarted without automaticRestart`);
    if (f.outcome === 'waiting-for-operator' && vm.automaticRestart)
      out.push(`${vm.name}: waits for an operator although it restarts automatically`);
    if (f.outcome === 'restarted' && (f.stoppedAtMs === null || f.runningAgainAtMs === null))
      out.push(`${vm.name}: restarted without stop and start times`);
    if (f.outcome === 'restarted' && f.runningAgainAtMs! - f.stoppedAtMs! < t.scenario.scheduler.restartS * 1000 - 1e-6)
      out.push(`${vm.name}: restarted faster than restartS`);
  }
  return out;
}

/** Nothing moves or stops before its notice is over. */
function noticeViolations(t: FleetTrace): string[] {
  const out: string[] = [];
  for (const f of t.fates) {
    if (f.readyAtMs < f.noticeAtMs + f.noticeMs - 1e-6) out.push(`VM ${f.vm} ready before its notice ended`);
    if (f.stopCause === 'policy' && f.stoppedAtMs! < f.noticeAtMs + f.noticeMs - 1e-6)
      out.push(`VM ${f.vm} terminated before its notice ended`);
  }
  for (const r of t.migrations) if (r.startMs < r.readyAtMs - 1e-6) out.push(`migration ${r.id} started before ready`);
  return out;
}

/** With the rack rule, planned work keeps to one rack at a time (urgent evacuations of flaky hosts aside). */
function faultDomainViolations(t: FleetTrace): string[] {
  if (t.scenario.scheduler.faultDomain !== 'rack') return [];
  const flaky = new Set<number>();
  for (const e of t.scenario.events) if (e.kind === 'flaky-host') flaky.add(e.host);
  const log = t.hostLog;
  const busy = new Map<number, number>();
  const racks = new Map<number, number>();
  const out: string[] = [];
  const working = (s: number) => s === HOST_STATE_CODES.draining || s === HOST_STATE_CODES.maintenance;
  for (let i = 0; i < log.tMs.length; i++) {
    const h = log.host[i];
    if (flaky.has(h)) continue;
    const rack = t.layout.hosts[h].rack;
    const was = busy.get(h) ?? 0;
    const now = working(log.state[i]) ? 1 : 0;
    if (was !== now) racks.set(rack, (racks.get(rack) ?? 0) + now - was);
    busy.set(h, now);
    const active = [...racks.values()].filter((n) => n > 0).length;
    if (active > 1) out.push(`${active} racks have planned work at ${log.tMs[i]} ms`);
  }
  return out;
}

function rateLimitViolations(t: FleetTrace): string[] {
  const limit = t.scenario.scheduler.rateLimitPerMin;
  if (limit <= 0) return [];
  const starts = t.migrations.map((r) => r.startMs).sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[j] + 60_000 <= starts[i]) j++;
    if (i - j + 1 > limit) out.push(`${i - j + 1} migrations started within a minute of ${starts[i]} ms`);
  }
  return out;
}

/**
 * No link ever carries more than its capacity: the rates each migration was granted (its rate steps, from
 * when it started sending until its data was out) summed per link over time, from the records alone.
 */
function linkViolations(t: FleetTrace): string[] {
  const H = t.layout.hosts.length;
  const R = t.layout.racks;
  const m = t.scenario.migration;
  const handoverMs = m.switchoverMs + m.rttMs;
  const capacity = (l: number) => (l < 2 * H ? t.scenario.fleet.nicMbps : t.scenario.fleet.rackUplinkMbps);
  const changes: [number, number, number][] = [];
  for (const r of t.migrations) {
    if (r.rateSteps.length >= 64 || r.precopyStartMs === null) continue; // merged steps are averages
    const a = t.layout.hosts[r.source].rack;
    const b = t.layout.hosts[r.destination].rack;
    const links = [r.source, H + r.destination, ...(a !== b ? [2 * H + a, 2 * H + R + b] : [])];
    const dataEnd = r.outcome === 'completed' ? r.endMs - handoverMs : r.endMs;
    r.rateSteps.forEach(([at, mbps], i) => {
      const from = Math.max(r.precopyStartMs!, r.startMs + at);
      const to = Math.min(dataEnd, i + 1 < r.rateSteps.length ? r.startMs + r.rateSteps[i + 1][0] : dataEnd);
      if (to <= from) return;
      for (const l of links) changes.push([from, l, mbps], [to, l, -mbps]);
    });
  }
  changes.sort((x, y) => x[0] - y[0] || x[2] - y[2]);
  const used = new Map<number, number>();
  const out: string[] = [];
  for (const [time, l, d] of changes) {
    const u = (used.get(l) ?? 0) + d;
    used.set(l, u);
    if (u > capacity(l) * (1 + 1e-6) + 1e-6)
      out.push(`link ${l} carries ${u.toFixed(1)} Mbit/s at ${time} ms, over ${capacity(l)}`);
  }
  return out.slice(0, 5);
}
