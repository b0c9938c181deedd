// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { simulateFleet } from '../../../../src/engine/fleet/fleetRun';
import type { FleetScenarioInput } from '../../../../src/engine/fleet/schema';
import { HOST_STATE_CODES, type FleetTrace } from '../../../../src/engine/fleet/trace';
import { fleetViolations, peakOverlap } from '../../../support/fleetInvariants';

/** A small fleet everyone can reason about: 2 racks of 4 hosts, 32 VMs, no GPU or confidential VMs. */
const small = (extra: FleetScenarioInput = {}): FleetScenarioInput => ({
  ...extra,
  fleet: { racks: 2, hostsPerRack: 4, ...extra.fleet },
  vms: { count: 32, gpuPct: 0, confidentialPct: 0, terminatePct: 0, ...extra.vms },
});

function run(input: FleetScenarioInput): FleetTrace {
  const trace = simulateFleet(input);
  expect(fleetViolations(trace)).toEqual([]);
  return trace;
}

describe('fleet scheduler: caps', () => {
  it('per source host: a rack evacuation never runs more than the cap out of one host, and reaches it', () => {
    for (const cap of [1, 2, 3]) {
      const t = run(small({ scheduler: { perSourceHostCap: cap, perDestinationHostCap: 0 } }));
      expect(peakOverlap(t.migrations, (r) => r.source)).toBe(cap);
      expect(t.summary.peakConcurrent.perSourceHost).toBe(cap);
      expect(t.summary.caps.perSourceHost).toBe(cap);
    }
  });

  it('per destination host and fleet-wide caps hold at every instant', () => {
    const t = run(
      small({ vms: { count: 64 }, scheduler: { perSourceHostCap: 0, perDestinationHostCap: 1, fleetCap: 3 } }),
    );
    expect(peakOverlap(t.migrations, (r) => r.destination)).toBe(1);
    expect(peakOverlap(t.migrations, () => 0)).toBe(3);
    expect(t.summary.peakConcurrent.fleet).toBe(3);
  });

  it('per customer: no customer has more than its cap moving, and the cap slows the evacuation', () => {
    const loose = run(small({ vms: { customers: 2 }, scheduler: { perSourceHostCap: 0, perDestinationHostCap: 0 } }));
    const tight = run(
      small({ vms: { customers: 2 }, scheduler: { perSourceHostCap: 0, perDestinationHostCap: 0, perCustomerCap: 1 } }),
    );
    expect(peakOverlap(tight.migrations, (r) => r.customer)).toBe(1);
    expect(tight.summary.peakConcurrent.perCustomer).toBe(1);
    expect(tight.summary.evacuationMs).toBeGreaterThan(loose.summary.evacuationMs);
    expect(tight.summary.migrated).toBe(loose.summary.migrated);
  });

  it('more concurrency on one NIC makes each migration slower (the links are shared)', () => {
    const one = run(small({ scheduler: { perSourceHostCap: 1 } }));
    const four = run(small({ scheduler: { perSourceHostCap: 4, perDestinationHostCap: 0 } }));
    const mean = (t: FleetTrace) =>
      t.migrations.reduce((a, r) => a + (r.endMs - r.startMs) / (r.bytes || 1), 0) / t.migrations.length;
    // Time per byte is the inverse of the rate each migration got.
    expect(mean(four)).toBeGreaterThan(2 * mean(one));
  });

  it('the rate limit spaces migration starts out to at most N in any minute', () => {
    const t = run(small({ scheduler: { rateLimitPerMin: 4, perSourceHostCap: 0 } }));
    const starts = t.migrations.map((r) => r.startMs).sort((a, b) => a - b);
    expect(starts.length).toBeGreaterThan(8);
    for (let i = 4; i < starts.length; i++) expect(starts[i] - starts[i - 4]).toBeGreaterThanOrEqual(60_000 - 1e-6);
  });
});

describe('fleet scheduler: capacity and placement', () => {
  it('never fills a destination past maxFillPct, and leaves VMs stuck rather than overfill', () => {
    // 8 hosts of 64 GiB, VMs of 16 GiB: each host starts with 2 (32 GiB); a rack of 4 must move 8 VMs into
    // 4 hosts that may hold 75 % = 48 GiB, i.e. one more VM each: 4 move, 4 are stuck.
    const t = run(
      small({
        fleet: { hostMemoryMiB: 65_536, hostVcpus: 64 },
        vms: {
          count: 16,
          sizes: [{ memoryMiB: 16_384, vcpus: 2, weight: 1 }],
          overrides: Array.from({ length: 16 }, (_, vm) => ({ vm, host: Math.floor(vm / 2) })),
        },
        scheduler: { maxFillPct: 75, perSourceHostCap: 0, perDestinationHostCap: 0 },
      }),
    );
    const perHost = new Map<number, number>();
    for (const vm of t.layout.vms) perHost.set(vm.host, (perHost.get(vm.host) ?? 0) + 1);
    expect([...perHost.values()].every((n) => n === 2)).toBe(true);
    expect(t.summary.migrated).toBe(4);
    expect(t.summary.unplaced).toBe(4);
    expect(t.summary.evacuationComplete).toBe(false);
    expect(t.fates.filter((f) => f.outcome === 'stuck').every((f) => f.detail?.includes('room'))).toBe(true);
  });

  it('spread sends VMs to the emptiest hosts, pack to the fullest that fit', () => {
    const spread = run(small({ scheduler: { placement: 'spread' }, events: [{ kind: 'host-maintenance', host: 0 }] }));
    const pack = run(small({ scheduler: { placement: 'pack' }, events: [{ kind: 'host-maintenance', host: 0 }] }));
    const distinct = (t: FleetTrace) => new Set(t.migrations.map((r) => r.destination)).size;
    expect(distinct(spread)).toBeGreaterThan(distinct(pack));
  });

  it('an operator move goes to the host asked for; a move to a host without room waits', () => {
    const t = run(small({ events: [{ kind: 'operator-move', vm: 3, toHost: 6 }] }));
    expect(t.migrations).toHaveLength(1);
    expect(t.migrations[0].destination).toBe(6);
    expect(t.layout.vms[3].host).not.toBe(6);
    expect(t.finalHosts[3]).toBe(6);
    const full = run(small({ scheduler: { maxFillPct: 1 }, events: [{ kind: 'operator-move', vm: 3, toHost: 6 }] }));
    expect(full.migrations).toHaveLength(0);
    expect(full.fates[0]).toMatchObject({ outcome: 'stuck', leftHostAtMs: null });
    expect(full.finalHosts[3]).toBe(full.layout.vms[3].host);
  });

  it('a noisy neighbour goes to the emptiest host even when the fleet packs', () => {
    const t = run(small({ scheduler: { placement: 'pack' }, events: [{ kind: 'noisy-neighbour', vm: 5 }] }));
    expect(t.migrations).toHaveLength(1);
    const load = (h: number) => t.layout.vms.filter((v) => v.host === h).reduce((a, v) => a + v.memoryMiB, 0);
    const source = t.layout.vms[5].host;
    const others = t.layout.hosts.map((h) => h.index).filter((h) => h !== source);
    expect(others.every((h) => load(t.migrations[0].destination) <= load(h))).toBe(true);
  });

  it('consolidation empties the least-loaded hosts and switches them off for good', () => {
    const t = run(small({ scheduler: { placement: 'pack' }, events: [{ kind: 'consolidate', hostsOff: 3 }] }));
    const off = new Set<number>();
    const log = t.hostLog;
    for (let i = 0; i < log.tMs.length; i++) if (log.state[i] === HOST_STATE_CODES.off) off.add(log.host[i]);
    expect(off.size).toBe(3);
    const load = (h: number) => t.layout.vms.filter((v) => v.host === h).reduce((a, v) => a + v.memoryMiB, 0);
    const maxOff = Math.max(...[...off].map(load));
    const onHosts = t.layout.hosts.map((h) => h.index).filter((h) => !off.has(h));
    expect(onHosts.every((h) => load(h) >= maxOff)).toBe(true);
    expect(t.migrations.every((r) => !off.has(r.destination))).toBe(true);
  });
});

describe('fleet scheduler: fairness across customers', () => {
  it('round-robin: while two customers both wait, their started migrations differ by at most one', () => {
    // Only the fleet-wide cap binds (no per-host caps, ample room), so every waiting VM can start.
    const t = run(
      small({
        vms: { count: 48, customers: 3 },
        scheduler: { fleetCap: 2, perSourceHostCap: 0, perDestinationHostCap: 0, fairness: 'round-robin' },
      }),
    );
    const starts = [...t.migrations].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
    const waitingUntil = new Map<number, number>();
    for (const r of starts) waitingUntil.set(r.customer, Math.max(waitingUntil.get(r.customer) ?? 0, r.startMs));
    const started = new Map<number, number>();
    for (const r of starts) {
      started.set(r.customer, (started.get(r.customer) ?? 0) + 1);
      const stillWaiting = [...waitingUntil].filter(([, last]) => last > r.startMs).map(([c]) => c);
      for (const a of stillWaiting)
        for (const b of stillWaiting) expect((started.get(a) ?? 0) - (started.get(b) ?? 0)).toBeLessThanOrEqual(1);
    }
  });

  it('fifo serves in ready order, so one customer can get far ahead of another', () => {
    const input = small({
      vms: { count: 48, customers: 3 },
      scheduler: { fleetCap: 2, perSourceHostCap: 0, perDestinationHostCap: 0, fairness: 'fifo' },
    });
    const t = run(input);
    const starts = [...t.migrations].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
    let maxGap = 0;
    const started = [0, 0, 0];
    for (const r of starts) {
      started[r.customer]++;
      maxGap = Math.max(maxGap, Math.max(...started) - Math.min(...started));
    }
    expect(maxGap).toBeGreaterThan(1);
  });
});

describe('fleet scheduler: pacing', () => {
  it('the rack fault-domain rule keeps planned work to one rack at a time', () => {
    const t = run(
      small({
        fleet: { racks: 3 },
        scheduler: { faultDomain: 'rack' },
        events: [{ kind: 'firmware-rollout', waves: 1 }],
      }),
    );
    const drainedAt = new Map<number, number>();
    const log = t.hostLog;
    for (let i = 0; i < log.tMs.length; i++)
      if (log.state[i] === HOST_STATE_CODES.draining && !drainedAt.has(log.host[i]))
        drainedAt.set(log.host[i], log.tMs[i]);
    expect(drainedAt.size).toBe(12);
    const rackStart = [0, 1, 2].map((r) => Math.min(...[0, 1, 2, 3].map((k) => drainedAt.get(r * 4 + k)!)));
    expect(rackStart[1]).toBeGreaterThan(rackStart[0] + t.scenario.scheduler.maintenanceS * 1000);
    expect(rackStart[2]).toBeGreaterThan(rackStart[1] + t.scenario.scheduler.maintenanceS * 1000);
  });

  it('rollout waves: a wave starts once the previous one is back, after the soak time', () => {
    const t = run(small({ events: [{ kind: 'firmware-rollout', waves: 2, waveGapS: 120 }] }));
    const log = t.hostLog;
    const firstDrain = new Map<number, number>();
    const back = new Map<number, number>();
    const previous = new Map<number, number>();
    for (let i = 0; i < log.tMs.length; i++) {
      const h = log.host[i];
      if (log.state[i] === HOST_STATE_CODES.draining && !firstDrain.has(h)) firstDrain.set(h, log.tMs[i]);
      if (log.state[i] === HOST_STATE_CODES.up && previous.get(h) === HOST_STATE_CODES.maintenance)
        back.set(h, log.tMs[i]);
      previous.set(h, log.state[i]);
    }
    const wave1Back = Math.max(...[0, 1, 2, 3].map((h) => back.get(h)!));
    const wave2Start = Math.min(...[4, 5, 6, 7].map((h) => firstDrain.get(h)!));
    expect(wave2Start).toBeCloseTo(wave1Back + 120_000, 6);
    expect(t.events.filter((e) => e.kind === 'wave')).toHaveLength(2);
  });
});

describe('fleet: availability policies and triggers', () => {
  it('TERMINATE VMs stop at the end of their notice and restart or wait as their policy says', () => {
    const t = run(
      small({
        vms: {
          overrides: [
            { vm: 0, host: 0, onHostMaintenance: 'TERMINATE', automaticRestart: true },
            { vm: 1, host: 0, onHostMaintenance: 'TERMINATE', automaticRestart: false },
            { vm: 2, host: 0, passthroughGpu: true, automaticRestart: true },
          ],
        },
        events: [{ kind: 'host-maintenance', host: 0 }],
      }),
    );
    const fate = (vm: number) => t.fates.find((f) => f.vm === vm)!;
    expect(fate(0)).toMatchObject({ action: 'terminate', outcome: 'restarted', noticeMs: 0, stoppedAtMs: 0 });
    expect(fate(0).runningAgainAtMs).toBe(45_000);
    expect(fate(0).restartHost).not.toBe(0);
    expect(fate(1)).toMatchObject({ action: 'terminate', outcome: 'waiting-for-operator', runningAgainAtMs: null });
    // A GPU VM cannot move live: it is TERMINATE and gets the hour's notice Compute Engine gives.
    expect(fate(2)).toMatchObject({ action: 'terminate', outcome: 'restarted', noticeMs: 3_600_000 });
    expect(fate(2).maintenanceEvent).toBe('TERMINATE_ON_HOST_MAINTENANCE');
    const migrating = t.fates.filter((f) => f.action === 'migrate');
    expect(migrating.every((f) => f.outcome === 'migrated' && f.noticeMs === 60_000)).toBe(true);
    expect(migrating.every((f) => f.maintenanceEvent === 'MIGRATE_ON_HOST_MAINTENANCE')).toBe(true);
    expect(t.summary.terminated).toBe(3);
    expect(t.summary.restarted).toBe(2);
    expect(t.summary.waitingForOperator).toBe(1);
  });

  it('a guest that never polls the maintenance-event key gets no notice', () => {
    const t = run(small({ vms: { pollsMetadataPct: 0 }, events: [{ kind: 'host-maintenance', host: 1 }] }));
    expect(t.fates.every((f) => f.noticeMs === 0)).toBe(true);
    expect(Math.min(...t.migrations.map((r) => r.startMs))).toBe(0);
  });

  it('confidential VMs migrate only where the platform supports it', () => {
    const input = (supported: boolean) =>
      small({
        fleet: { confidentialLiveMigration: supported },
        vms: { overrides: [{ vm: 5, host: 2, confidential: true }] },
        events: [{ kind: 'host-maintenance', host: 2 }],
      });
    expect(run(input(false)).fates.find((f) => f.vm === 5)!.action).toBe('terminate');
    expect(run(input(true)).fates.find((f) => f.vm === 5)!.outcome).toBe('migrated');
  });

  it('a flaky host that fails mid-evacuation loses the VMs still on it, which restart elsewhere per policy', () => {
    const t = run(
      small({
        vms: { count: 48 },
        notice: { migrateS: 0 },
        scheduler: { perSourceHostCap: 1 },
        events: [{ kind: 'flaky-host', host: 1, failAfterS: 2 }],
      }),
    );
    const onHost = t.layout.vms.filter((v) => v.host === 1).length;
    expect(onHost).toBeGreaterThan(2);
    expect(t.summary.lost).toBeGreaterThan(0);
    expect(t.summary.migrated + t.summary.lost).toBe(onHost);
    const lostRecords = t.migrations.filter((r) => r.outcome === 'lost');
    expect(lostRecords.every((r) => r.endMs === 2000 && r.stopReason === 'host-failed')).toBe(true);
    for (const f of t.fates.filter((x) => x.stoppedAtMs !== null)) {
      expect(f.stoppedAtMs).toBe(2000);
      expect(f.outcome).toBe(t.layout.vms[f.vm].automaticRestart ? 'restarted' : 'waiting-for-operator');
    }
    expect(t.events.some((e) => e.kind === 'host-failed' && e.host === 1)).toBe(true);
    // Urgent work is not paced and goes first.
    expect(t.migrations.every((r) => r.urgent)).toBe(true);
  });

  it('a simulated maintenance event: MIGRATE gets 60 s notice and moves; TERMINATE restarts in place', () => {
    const migrate = run(
      small({
        vms: { overrides: [{ vm: 4, onHostMaintenance: 'MIGRATE' }] },
        events: [{ kind: 'simulate-maintenance', vm: 4, atS: 10 }],
      }),
    );
    const m = migrate.fates[0];
    expect(m).toMatchObject({ vm: 4, action: 'migrate', outcome: 'migrated', noticeAtMs: 10_000, noticeMs: 60_000 });
    expect(m.maintenanceEvent).toBe('MIGRATE_ON_HOST_MAINTENANCE');
    expect(m.noticeClearedAtMs).toBe(migrate.migrations[0].endMs);
    expect(migrate.migrations[0].startMs).toBe(70_000);
    const terminate = run(
      small({
        vms: { overrides: [{ vm: 4, onHostMaintenance: 'TERMINATE', automaticRestart: true }] },
        events: [{ kind: 'simulate-maintenance', vm: 4, atS: 10 }],
      }),
    );
    const f = terminate.fates[0];
    expect(f).toMatchObject({
      action: 'terminate',
      outcome: 'restarted',
      stoppedAtMs: 10_000,
      runningAgainAtMs: 55_000,
    });
    expect(f.restartHost).toBe(terminate.layout.vms[4].host);
    expect(terminate.migrations).toHaveLength(0);
    expect(f.maintenanceEvent).toBe('TERMINATE_ON_HOST_MAINTENANCE');
  });

  it('a VM that cannot move live is refused by an operator move and a rebalance', () => {
    const t = run(
      small({
        vms: { overrides: [{ vm: 2, passthroughGpu: true }] },
        events: [
          { kind: 'operator-move', vm: 2 },
          { kind: 'noisy-neighbour', vm: 2, atS: 5 },
        ],
      }),
    );
    expect(t.fates.map((f) => f.outcome)).toEqual(['refused', 'refused']);
    expect(t.summary.refused).toBe(2);
    expect(t.migrations).toHaveLength(0);
  });
});

describe('fleet: platform presets', () => {
  const rack = { events: [{ kind: 'rack-maintenance' as const, rack: 0 }] };
  it('KubeVirt: 5 per cluster and 2 outbound per node, no inbound limit', () => {
    const t = run(small({ ...rack, scheduler: { platform: 'kubevirt' } }));
    expect(t.summary.caps).toMatchObject({ platform: 'kubevirt', fleet: 5, perSourceHost: 2, perDestinationHost: 0 });
    expect(t.summary.peakConcurrent.fleet).toBe(5);
    expect(t.scenario.migration.completionTimeoutSPerGiB).toBe(150);
  });

  it('Nova: 1 outbound per compute host, 500 ms downtime', () => {
    const t = run(small({ ...rack, scheduler: { platform: 'nova' } }));
    expect(t.summary.caps).toMatchObject({ platform: 'nova', perSourceHost: 1, downtimeLimitMs: 500 });
    expect(t.summary.peakConcurrent.perSourceHost).toBe(1);
  });

  it('vSphere: 4 per host below 10 GbE, 8 from 10 GbE', () => {
    expect(
      run(small({ ...rack, fleet: { nicMbps: 1000 }, scheduler: { platform: 'vsphere' } })).summary.caps.perSourceHost,
    ).toBe(4);
    expect(
      run(small({ ...rack, fleet: { nicMbps: 10_000 }, scheduler: { platform: 'vsphere' } })).summary.caps
        .perDestinationHost,
    ).toBe(8);
  });

  it('a cap set explicitly wins over the platform default', () => {
    expect(run(small({ ...rack, scheduler: { platform: 'kubevirt', fleetCap: 3 } })).summary.caps.fleet).toBe(3);
  });
});
