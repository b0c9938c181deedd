// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { simulateFleet } from '../../../../src/engine/fleet/fleetRun';
import { migrationScenario } from '../../../../src/engine/fleet/migrationScenario';
import { compressRateSteps } from '../../../../src/engine/fleet/vmScenario';
import { runScenario } from '../../../../src/engine/run';
import { parseScenario } from '../../../../src/engine/scenario/validate';

describe('opening a fleet migration in the lab', () => {
  // A rack evacuation with 4 migrations per host over a narrow uplink: rates change as neighbours come and go.
  const input = {
    fleet: { racks: 2, hostsPerRack: 4, nicMbps: 10_000, rackUplinkMbps: 20_000 },
    vms: { count: 60, gpuPct: 0, confidentialPct: 0, terminatePct: 0 },
    scheduler: { perSourceHostCap: 4, perDestinationHostCap: 0 },
  };
  const trace = simulateFleet(input);
  const completed = trace.migrations.filter((r) => r.outcome === 'completed');

  it('gives a valid single-VM scenario for every migration, with its VM and the rates it was granted', () => {
    expect(completed.length).toBeGreaterThan(10);
    expect(completed.filter((r) => r.rateSteps.length > 1).length).toBeGreaterThan(5);
    for (const r of trace.migrations) {
      const s = migrationScenario(trace.scenario, r);
      expect(parseScenario(s).ok).toBe(true);
      const vm = trace.layout.vms[r.vm];
      expect(s.vm.memoryMiB).toBe(vm.memoryMiB);
      expect(s.workload.preset).toBe(vm.preset);
      expect(s.network.linkMbps).toBe(trace.scenario.fleet.nicMbps);
      expect(s.interventions.length).toBe(r.rateSteps.length);
      expect(s.interventions[0]).toEqual({ atMs: 0, path: 'network.linkMbps', value: r.rateSteps[0][1] });
      expect(s.interventions.every((iv) => iv.path === 'network.linkMbps')).toBe(true);
    }
  });

  it('the page engine, run on it, reproduces the fleet figures within the calibration tolerance', () => {
    const varied = [...completed].sort((a, b) => b.rateSteps.length - a.rateSteps.length || a.id - b.id);
    for (const r of varied.filter((x) => x.endMs - x.startMs < 30_000).slice(0, 8)) {
      const page = runScenario(migrationScenario(trace.scenario, r)).summary;
      expect(page.outcome).toBe('completed');
      expect(Math.abs(page.totalTimeMs / (r.endMs - r.startMs) - 1), `migration ${r.id} time`).toBeLessThanOrEqual(
        0.05,
      );
      expect(Math.abs(page.bytesTransferred / r.bytes - 1), `migration ${r.id} bytes`).toBeLessThanOrEqual(0.05);
      expect(Math.abs(page.downtimeMs - r.blackoutMs), `migration ${r.id} blackout`).toBeLessThanOrEqual(
        Math.max(25, 0.2 * page.downtimeMs),
      );
    }
  });

  it('merges rate changes into at most 64 steps that carry the same bytes', () => {
    const steps: [number, number][] = Array.from({ length: 500 }, (_, i) => [i * 10, 1000 + (i % 7) * 100]);
    const endMs = 5000;
    const merged = compressRateSteps(steps, endMs, 64);
    expect(merged.length).toBeLessThanOrEqual(64);
    const bytes = (s: [number, number][]) =>
      s.reduce((a, [at, mbps], i) => a + mbps * ((i + 1 < s.length ? s[i + 1][0] : endMs) - at), 0);
    expect(bytes(merged)).toBeCloseTo(bytes(steps), 3);
    expect(merged[0][0]).toBe(0);
  });
});
