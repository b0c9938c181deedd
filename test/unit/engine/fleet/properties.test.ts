// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateFleet } from '../../../../src/engine/fleet/fleetRun';
import { EVENT_KINDS, VM_PRESETS, type FleetScenarioInput } from '../../../../src/engine/fleet/schema';
import { parseFleetScenario } from '../../../../src/engine/fleet/validate';
import { fleetViolations } from '../../../support/fleetInvariants';

/** Small random fleets with random policies and a few trigger events of every kind. */
const fleetInput: fc.Arbitrary<FleetScenarioInput> = fc
  .record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    racks: fc.integer({ min: 1, max: 4 }),
    hostsPerRack: fc.integer({ min: 1, max: 5 }),
    count: fc.integer({ min: 0, max: 50 }),
    customers: fc.integer({ min: 1, max: 4 }),
    memories: fc.array(fc.constantFrom(1024, 2048, 4096, 8192, 32_768), { minLength: 1, maxLength: 3 }),
    presets: fc.array(fc.constantFrom(...VM_PRESETS), { minLength: 1, maxLength: 3 }),
    nicMbps: fc.constantFrom(1000, 10_000, 25_000),
    rackUplinkMbps: fc.constantFrom(10_000, 100_000),
    terminatePct: fc.integer({ min: 0, max: 40 }),
    manualRestartPct: fc.integer({ min: 0, max: 50 }),
    gpuPct: fc.integer({ min: 0, max: 20 }),
    confidentialPct: fc.integer({ min: 0, max: 20 }),
    pollsMetadataPct: fc.constantFrom(0, 50, 100),
    migrateS: fc.constantFrom(0, 5, 60),
    fleetCap: fc.integer({ min: 0, max: 5 }),
    perSourceHostCap: fc.integer({ min: 0, max: 3 }),
    perDestinationHostCap: fc.integer({ min: 0, max: 3 }),
    perCustomerCap: fc.integer({ min: 0, max: 3 }),
    fairness: fc.constantFrom('round-robin', 'fifo'),
    faultDomain: fc.constantFrom('none', 'rack'),
    rateLimitPerMin: fc.constantFrom(0, 0, 3, 20),
    placement: fc.constantFrom('spread', 'pack'),
    maxFillPct: fc.integer({ min: 40, max: 100 }),
    bandwidthPerMigrationMbps: fc.constantFrom(0, 0, 2000),
    maxIterations: fc.constantFrom(0, 3, 30),
    timeoutPerGiB: fc.constantFrom(0, 0, 5),
    onNoConvergence: fc.constantFrom('stop-and-copy', 'abort'),
    events: fc.array(
      fc.record({
        kind: fc.constantFrom(...EVENT_KINDS),
        atS: fc.integer({ min: 0, max: 300 }),
        pick: fc.integer({ min: 0, max: 1_000_000 }),
        waves: fc.integer({ min: 1, max: 3 }),
        failAfterS: fc.constantFrom(0, 2, 30, 90),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((r) => {
    const hosts = r.racks * r.hostsPerRack;
    const vm = (pick: number) => pick % Math.max(1, r.count);
    const events = r.events
      .filter((e) => r.count > 0 || !['operator-move', 'noisy-neighbour', 'simulate-maintenance'].includes(e.kind))
      .map((e) => {
        switch (e.kind) {
          case 'host-maintenance':
            return { kind: e.kind, atS: e.atS, host: e.pick % hosts };
          case 'rack-maintenance':
            return { kind: e.kind, atS: e.atS, rack: e.pick % r.racks };
          case 'firmware-rollout':
            return { kind: e.kind, atS: e.atS, waves: Math.min(hosts, e.waves), waveGapS: 30 };
          case 'flaky-host':
            return { kind: e.kind, atS: e.atS, host: e.pick % hosts, failAfterS: e.failAfterS };
          case 'operator-move':
            return { kind: e.kind, atS: e.atS, vm: vm(e.pick), toHost: e.pick % 3 === 0 ? -1 : e.pick % hosts };
          case 'noisy-neighbour':
          case 'simulate-maintenance':
            return { kind: e.kind, atS: e.atS, vm: vm(e.pick) };
          case 'consolidate':
            return { kind: e.kind, atS: e.atS, hostsOff: Math.max(1, Math.min(hosts - 1, 1 + (e.pick % 3))) };
        }
      })
      .filter((e) => e.kind !== 'consolidate' || hosts > 1);
    return {
      seed: r.seed,
      fleet: {
        racks: r.racks,
        hostsPerRack: r.hostsPerRack,
        hostMemoryMiB: 131_072,
        hostVcpus: 64,
        nicMbps: r.nicMbps,
        rackUplinkMbps: r.rackUplinkMbps,
      },
      vms: {
        count: Math.min(r.count, hosts * 4),
        customers: r.customers,
        usedPct: 50,
        sizes: r.memories.map((memoryMiB) => ({ memoryMiB, vcpus: Math.max(1, memoryMiB / 2048), weight: 1 })),
        presets: r.presets.map((preset) => ({ preset, weight: 1 })),
        terminatePct: r.terminatePct,
        manualRestartPct: r.manualRestartPct,
        gpuPct: r.gpuPct,
        confidentialPct: r.confidentialPct,
        pollsMetadataPct: r.pollsMetadataPct,
      },
      notice: { migrateS: r.migrateS, gpuTerminateS: 120 },
      scheduler: {
        fleetCap: r.fleetCap,
        perSourceHostCap: r.perSourceHostCap,
        perDestinationHostCap: r.perDestinationHostCap,
        perCustomerCap: r.perCustomerCap,
        fairness: r.fairness,
        faultDomain: r.faultDomain,
        rateLimitPerMin: r.rateLimitPerMin,
        placement: r.placement,
        maxFillPct: r.maxFillPct,
        maintenanceS: 60,
      },
      migration: {
        bandwidthPerMigrationMbps: r.bandwidthPerMigrationMbps,
        maxIterations: r.maxIterations,
        completionTimeoutSPerGiB: r.timeoutPerGiB,
        onNoConvergence: r.onNoConvergence,
      },
      events,
    } as FleetScenarioInput;
  });

describe('fleet properties over random fleets and policies', () => {
  it('caps, capacity, policies, notices, pacing and the rate limit hold in every run', () => {
    fc.assert(
      fc.property(fleetInput, (input) => {
        fc.pre(parseFleetScenario(input).ok);
        const t = simulateFleet(input);
        expect(fleetViolations(t)).toEqual([]);
        // Every VM ends somewhere or is accounted for as down.
        const down = new Set(
          t.fates
            .filter((f) => ['waiting-for-operator', 'unplaced'].includes(f.outcome) && f.runningAgainAtMs === null)
            .map((f) => f.vm),
        );
        t.finalHosts.forEach((h, vm) => expect(h >= 0 || down.has(vm), `VM ${vm} vanished`).toBe(true));
        // What each host holds at the end is exactly the VMs that run on it.
        const held = new Float64Array(t.layout.hosts.length);
        t.finalHosts.forEach((h, vm) => {
          if (h >= 0) held[h] += t.layout.vms[vm].memoryMiB;
        });
        const last = new Map<number, number>();
        for (let i = 0; i < t.hostLog.tMs.length; i++) last.set(t.hostLog.host[i], t.hostLog.memoryMiB[i]);
        for (const [h, mem] of last) expect(mem, `host ${h}`).toBeCloseTo(held[h], 6);
        // Summary figures add up to the records.
        const completed = t.migrations.filter((r) => r.outcome === 'completed');
        expect(t.summary.migrated).toBe(completed.length);
        expect(t.summary.failed).toBe(t.migrations.length - completed.length);
        expect(t.summary.totalBlackoutMs).toBeCloseTo(
          completed.reduce((a, r) => a + r.blackoutMs, 0),
          6,
        );
        for (const r of t.migrations) {
          expect(r.endMs).toBeGreaterThanOrEqual(r.startMs);
          if (r.outcome === 'completed') expect(r.blackoutMs).toBeGreaterThan(0);
          expect(r.rateSteps.length).toBeLessThanOrEqual(64);
          expect(r.destination).not.toBe(r.source);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same fleet scenario gives the same trace', () => {
    fc.assert(
      fc.property(fleetInput, (input) => {
        fc.pre(parseFleetScenario(input).ok);
        const a = simulateFleet(input);
        const b = simulateFleet(input);
        expect(b.summary).toEqual(a.summary);
        expect(b.migrations).toEqual(a.migrations);
        expect(b.fates).toEqual(a.fates);
      }),
      { numRuns: 15 },
    );
  });
});
