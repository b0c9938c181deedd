// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { DEMO_STEPS } from '../../../src/state/presentDemos';
import { decodeLink } from '../../../src/state/urlCodec';

/** Each demonstration's scenario as keys 1 to 4 load it: read from its link, checked, then simulated. */
const demoTraces = DEMO_STEPS.map((step) => {
  const link = decodeLink(step.scenario!)!;
  expect(link.problems).toEqual([]);
  return runScenario(link.scenario);
});
const GBIT_MIB_PER_S = 1000e6 / 8 / 2 ** 20;

describe('the one-key demonstrations show what they say', () => {
  it('1: pre-copy converges in a few rounds, with a blackout under the downtime limit', () => {
    const s = demoTraces[0].summary;
    expect(s.outcome).toBe('completed');
    expect(s.converged).toBe(true);
    expect(s.stopReason).toBe('converged');
    expect(s.iterations).toBeGreaterThanOrEqual(2);
    expect(s.iterations).toBeLessThanOrEqual(6);
    expect(s.downtimeMs).toBeLessThan(demoTraces[0].scenario.precopy.downtimeLimitMs);
    // Each round sends less than the one before it.
    const sent = demoTraces[0].rounds.map((r) => r.bytesSent);
    for (let i = 1; i < sent.length; i++) expect(sent[i]).toBeLessThan(sent[i - 1]);
  });

  it('2: pre-copy never converges: the writer outruns the link and the round cap forces a long blackout', () => {
    const t = demoTraces[1];
    const s = t.summary;
    expect(t.scenario.workload.writeRateMiBps).toBeGreaterThan((t.scenario.network.linkMbps / 1000) * GBIT_MIB_PER_S);
    expect(s.converged).toBe(false);
    expect(s.stopReason).toBe('max-iterations');
    expect(s.iterations).toBe(t.scenario.precopy.maxIterations);
    expect(s.downtimeMs).toBeGreaterThan(750);
    // After the first pass the dirty set does not shrink round on round: the last round leaves about as much
    // dirty as the second did.
    const r = t.rounds;
    expect(r[r.length - 1].dirtyPagesAtEnd).toBeGreaterThan(0.8 * r[1].dirtyPagesAtEnd);
  });

  it('3: post-copy switches over within milliseconds and then takes faults for pages not yet pushed', () => {
    const s = demoTraces[2].summary;
    expect(s.strategy).toBe('postcopy');
    expect(s.outcome).toBe('completed');
    expect(s.downtimeMs).toBeLessThan(50);
    expect(s.postcopyFaults).toBeGreaterThan(100);
    expect(s.faultStallMs).toBeGreaterThan(0);
    expect(s.dependencyWindowMs).toBeGreaterThan(1000);
    expect(s.vmLocation).toBe('destination');
  });

  it('4: the link fails during the copy: the migration is abandoned and the VM stays on the source', () => {
    const t = demoTraces[3];
    const s = t.summary;
    const fault = t.events.find((e) => e.kind === 'fault')!;
    const precopy = t.phases.find((p) => p.kind === 'precopy')!;
    // The fault strikes while memory is being copied, not before it starts and not in the blackout.
    expect(fault.tMs).toBeGreaterThan(precopy.startMs);
    expect(fault.tMs).toBeLessThan(precopy.endMs);
    expect(t.phases.some((p) => p.kind === 'blackout')).toBe(false);
    expect(s.outcome).toBe('aborted');
    expect(s.stopReason).toBe('fault');
    expect(s.downtimeMs).toBe(0);
    expect(s.vmLocation).toBe('source');
    expect(s.failure).toMatch(/network drop/);
  });
});
