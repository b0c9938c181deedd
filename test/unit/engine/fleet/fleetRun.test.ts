// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FleetRun, fleetTraceTransferables, FLEET_PRESETS, simulateFleet } from '../../../../src/engine/fleet';

describe('FleetRun, for a worker', () => {
  it('stepped in small batches, reports rising progress and ends with the trace simulateFleet gives', () => {
    const input = { ...FLEET_PRESETS['firmware-rollout'].scenario, vms: { count: 96, gpuPct: 0 } };
    const run = new FleetRun(input);
    const seen: number[] = [];
    expect(() => run.trace()).toThrow(/not finished/);
    while (!run.step(50)) seen.push(run.progress());
    expect(run.progress()).toBe(1);
    expect(seen.length).toBeGreaterThan(5);
    expect(Math.max(...seen)).toBeLessThan(1);
    expect(seen[seen.length - 1]).toBeGreaterThan(seen[0]);
    // Never back, though each wave of the rollout brings more work in.
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    const whole = new FleetRun(FLEET_PRESETS['firmware-rollout'].scenario);
    let last = 0;
    while (!whole.step(50)) {
      expect(whole.progress()).toBeGreaterThanOrEqual(last);
      last = whole.progress();
    }
    const trace = run.trace();
    expect(trace).toEqual(simulateFleet(input));
    expect(trace.summary.endMs).toBe(run.nowMs);
  });

  it('samples host load at fixed times for drawing, and names every buffer to transfer', () => {
    const trace = simulateFleet({ ...FLEET_PRESETS['rack-maintenance'].scenario, output: { maxSamples: 50 } });
    const s = trace.samples;
    expect(s.timesMs).toHaveLength(50);
    expect(s.timesMs[49]).toBe(trace.summary.endMs);
    expect(s.memoryPct).toHaveLength(50 * trace.layout.hosts.length);
    // Rack 0 drains: its hosts end the run up again (back from maintenance) and empty.
    for (let h = 0; h < 8; h++) expect(s.memoryPct[49 * s.hosts + h]).toBe(0);
    expect(Math.max(...s.activeMigrations)).toBeLessThanOrEqual(trace.summary.peakConcurrent.fleet);
    // The exact series catches the peak the samples may fall between.
    expect(Math.max(...trace.activity.activeMigrations)).toBe(trace.summary.peakConcurrent.fleet);
    expect(trace.activity.activeMigrations[trace.activity.activeMigrations.length - 1]).toBe(0);
    const buffers = fleetTraceTransferables(trace);
    expect(buffers).toContain(s.memoryPct.buffer);
    expect(buffers).toContain(trace.hostLog.tMs.buffer);
    expect(buffers).toContain(trace.finalHosts.buffer);
    expect(buffers).toContain(trace.activity.tMs.buffer);
  });
});
