// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fitRecord, type FitResult } from '../../../src/engine/replay/fit';
import type { QmpRecord } from '../../../src/engine/replay/qmp';
import { loadTrace } from '../../support/traces';

/**
 * The engine against real QEMU 7.2 migrations recorded on these machines (../shared/traces). Each run is
 * fitted from its record alone: memory, used memory (zero pages), cap, downtime limit, capabilities and
 * when post-copy started or the run was cancelled; the guest's write rate and working set from the
 * record's own syncs; the machines' copy rates from the calibration (src/engine/replay/calibration.ts).
 *
 * Tolerance: real repeats of these runs vary by 10-30 %, so totals must agree within 30 %; times and
 * syncs that are tiny in absolute terms also pass within a small absolute margin (stated per check).
 */
const load = (file: string): QmpRecord => loadTrace(file);

function fit(record: QmpRecord): FitResult {
  const r = fitRecord(record);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r;
}

function within(actual: number, expected: number, relative: number, absolute = 0): void {
  const limit = Math.max(relative * Math.abs(expected), absolute);
  expect(Math.abs(actual - expected), `${actual} vs ${expected} (allowed ±${limit})`).toBeLessThanOrEqual(limit);
}

const CASES: { file: string; note: string }[] = [
  { file: 'idle_m256_bw64_dt300.jsonl', note: 'idle, almost all zero pages' },
  { file: 'rand_ws128_r5k_m512_bw64_dt300.jsonl', note: '5,000 random writes/s' },
  { file: 'rand_ws128_r20k_m512_bw128_dt300.jsonl', note: '20,000 random writes/s' },
  { file: 'cpu_ws128_m512_bw64_dt300_autoconv.jsonl', note: 'CPU-bound, auto-converge' },
  { file: 'cpu_ws128_m512_bw64_dt300_postcopy.jsonl', note: 'CPU-bound, post-copy at 5 s' },
];

describe('real QEMU migrations are reproduced', () => {
  it.each(CASES)('$file ($note)', ({ file }) => {
    const real = load(file);
    const final = real.final!;
    expect(final.status).toBe('completed');
    const s = fit(real).trace.summary;
    expect(s.outcome).toBe('completed');
    within(s.bytesTransferred, final.ram.transferred, 0.3);
    within(s.totalTimeMs, final.totalTimeMs!, 0.3, 5);
    // Downtimes here are 1-21 ms, where a few ms of switchover noise is most of the figure.
    within(s.downtimeMs, final.downtimeMs!, 0.3, 8);
    within(s.dirtySyncCount, final.ram.dirtySyncCount, 0.3, 1);
    within(s.zeroPages, final.ram.duplicate, 0.01);
    within(s.postcopyBytes, final.ram.postcopyBytes, 0.3, 1e6);
  });

  it('cpu_ws128_m512_bw64_dt300_noconv.jsonl: a writer faster than the link never converges until cancelled', () => {
    const real = load('cpu_ws128_m512_bw64_dt300_noconv.jsonl');
    expect(real.final).toBeNull();
    expect(real.endStatus).toBe('cancelled');
    const lastActive = real.samples.filter((x) => x.status === 'active').pop()!;
    const s = fit(real).trace.summary;
    expect(s.outcome).toBe('aborted');
    expect(s.converged).toBe(false);
    expect(s.downtimeMs).toBe(0);
    within(s.totalTimeMs, real.cancelRequestedAtMs!, 0.01);
    within(s.bytesTransferred, lastActive.ram.transferred, 0.3);
    within(s.dirtySyncCount, lastActive.ram.dirtySyncCount, 0.3);
  });

  it('auto-converge throttles in QEMU steps: 20 %, then +10 % every second qualifying sync', () => {
    const real = load('cpu_ws128_m512_bw64_dt300_autoconv.jsonl');
    const realSteps = [...new Set(real.samples.map((x) => x.throttlePct).filter((p) => p > 0))];
    const trace = fit(real).trace;
    const simSteps = trace.events.flatMap((e) => (e.kind === 'throttle' ? [e.throttlePct] : []));
    expect(realSteps.slice(0, 3)).toEqual([20, 30, 40]);
    expect(simSteps.slice(0, 3)).toEqual([20, 30, 40]);
    within(trace.summary.maxThrottlePct, Math.max(...realSteps), 0, 10);
  });

  it('the bandwidth cap holds in 100 ms windows while the final copy runs at the hosts’ copy rate', () => {
    const real = load('rand_ws128_r5k_m512_bw64_dt300.jsonl');
    const s = fit(real).trace.summary;
    const capMBps = real.parameters.maxBandwidthBytesPerSec! / 1e6;
    const liveMs = s.pausedAtMs! - s.setupTimeMs;
    expect(s.precopyBytes / liveMs / 1000).toBeLessThan(capMBps * 1.01);
    expect(s.precopyBytes / liveMs / 1000).toBeGreaterThan(capMBps * 0.97);
    // The blackout copy is far faster than the cap: that is why the real downtime lands far below the limit.
    expect(s.downtimeBytes / s.downtimeMs / 1000).toBeGreaterThan(capMBps * 5);
    expect(s.downtimeMs).toBeLessThan(real.parameters.downtimeLimitMs! / 5);
  });

  it('expected-downtime reads the limit until the first full dirty-rate period, as in QEMU', () => {
    const real = load('rand_ws128_r5k_m512_bw64_dt300.jsonl');
    const firstReal = real.samples.find((x) => x.expectedDowntimeMs !== null && x.expectedDowntimeMs !== 300);
    const trace = fit(real).trace;
    const { tMs, expectedDowntimeMs, phase } = trace.samples.columns;
    const firstSim = tMs.findIndex((_, i) => phase[i] === 1 && expectedDowntimeMs[i] !== 300);
    expect(expectedDowntimeMs[1]).toBe(300);
    expect(firstReal!.tMs).toBeGreaterThan(1000);
    expect(tMs[firstSim]).toBeGreaterThan(1000);
  });
});
