// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { diagnose } from '../../../../src/ui/metrics/diagnosis';
import { formatBytes } from '../../../../src/ui/format';
import { explainMetric, explainRound } from '../../../../src/ui/metrics/explain';

describe('the one-line diagnosis', () => {
  it('calls a converging run healthy', () => {
    expect(diagnose(runScenario({ vm: { memoryMiB: 512 } })).kind).toBe('healthy');
  });

  it('says what fitted under the threshold in the figures the stop test weighed', () => {
    const t = runScenario({});
    const stop = t.events.findLast((e) => e.kind === 'stop-decision');
    if (stop?.kind !== 'stop-decision' || stop.thresholdBytes === undefined) throw new Error('no threshold stop');
    expect(stop.pendingBytes).toBeLessThan(stop.thresholdBytes);
    expect(diagnose(t).text).toContain(
      `the last ${formatBytes(stop.pendingBytes)} fitted under the ${formatBytes(stop.thresholdBytes)} threshold`,
    );
  });

  it('names workload pressure when the dirty set will not shrink', () => {
    const t = runScenario({
      vm: { memoryMiB: 1024 },
      workload: { pattern: 'uniform', writeRateMiBps: 400, wssMiB: 512 },
      precopy: { maxIterations: 6 },
    });
    expect(t.summary.converged).toBe(false);
    expect(diagnose(t).kind).toBe('workload');
    expect(diagnose(t).text).toMatch(/^Workload pressure: the dirty set is not shrinking/);
  });

  it('names network pressure when a modest dirty set still makes a long blackout', () => {
    const t = runScenario({
      vm: { memoryMiB: 1024 },
      workload: { pattern: 'uniform', writeRateMiBps: 2, wssMiB: 64 },
      network: { linkMbps: 10 },
      precopy: { downtimeLimitMs: 2000, maxIterations: 2 },
    });
    expect(t.summary.downtimeMs).toBeGreaterThan(750);
    expect(diagnose(t).kind).toBe('network');
  });

  it('describes post-copy and stop-and-copy for what they are', () => {
    expect(diagnose(runScenario({ strategy: 'postcopy', vm: { memoryMiB: 256 } })).kind).toBe('postcopy');
    expect(diagnose(runScenario({ strategy: 'stopcopy', vm: { memoryMiB: 256 } })).kind).toBe('stopcopy');
  });
});

describe('explanations add up to the number they explain', () => {
  const t = runScenario({ vm: { memoryMiB: 1024, usedMiB: 512 }, workload: { wssMiB: 128 } });

  it('downtime: final copy + device state + switchover = the downtime', () => {
    const e = explainMetric('downtime', t);
    expect(e.steps.map((s) => s.label)).toEqual([
      'Final copy of the dirty pages',
      'Device and CPU state',
      'Switchover and acknowledgement',
      'Downtime (blackout)',
    ]);
    const ms = (v: string) => (v.endsWith(' ms') ? parseFloat(v) : parseFloat(v) * 1000);
    const parts = e.steps.slice(0, 3).reduce((sum, s) => sum + ms(s.value), 0);
    expect(parts).toBeCloseTo(t.summary.downtimeMs, -1);
  });

  it('threshold: bandwidth x downtime limit', () => {
    const e = explainMetric('threshold', t);
    expect(e.steps[0].formula).toMatch(/measured bandwidth 1 Gbit\/s × downtime limit 300 ms/);
    expect(e.steps[0].value).toMatch(/35\.\d MiB/);
  });

  it('a round: pages sent, duration, writes, the saturation formula and the dirty set left', () => {
    const e = explainRound(1, t);
    expect(e.title).toBe('Round 1');
    expect(e.steps.find((s) => s.label === 'Marked at the sync that ended the round')!.value).toContain(
      t.rounds[0].dirtyPagesAtEnd.toLocaleString('en-US'),
    );
  });
});
