// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQmpTranscript, type QmpRecord } from '../../../src/engine/replay/qmp';
import { scenarioFromQmp, type ImportHints } from '../../../src/engine/replay/toScenario';
import { runScenario } from '../../../src/engine/run';

/**
 * The engine against real QEMU 7.2 migrations recorded on these machines (../shared/traces). Each run is
 * imported the way a user would: the transcript gives memory, cap, downtime limit, capabilities and when
 * post-copy started or the run was cancelled; the workload comes from the traces' README (working set,
 * uniform writes) and its rate from the transcript's query-dirty-rate reply.
 *
 * Tolerance: real repeats of these runs vary by 10-30 %, so totals must agree within 30 %; times and
 * syncs that are tiny in absolute terms also pass within a small absolute margin (stated per check).
 */
const TRACES = resolve(__dirname, '../../../../shared/traces');

const load = (file: string): QmpRecord => parseQmpTranscript(readFileSync(resolve(TRACES, file), 'utf8'));

function within(actual: number, expected: number, relative: number, absolute = 0): void {
  const limit = Math.max(relative * Math.abs(expected), absolute);
  expect(Math.abs(actual - expected), `${actual} vs ${expected} (allowed ±${limit})`).toBeLessThanOrEqual(limit);
}

const CASES: { file: string; hints: ImportHints; note: string }[] = [
  { file: 'idle_m256_bw64_dt300.jsonl', hints: { wssMiB: 0.1, usedMiB: 0.5 }, note: 'idle, almost all zero pages' },
  { file: 'rand_ws128_r5k_m512_bw64_dt300.jsonl', hints: { wssMiB: 128 }, note: '5,000 random writes/s' },
  { file: 'rand_ws128_r20k_m512_bw128_dt300.jsonl', hints: { wssMiB: 128 }, note: '20,000 random writes/s' },
  { file: 'cpu_ws128_m512_bw64_dt300_autoconv.jsonl', hints: { wssMiB: 128 }, note: 'CPU-bound, auto-converge' },
  { file: 'cpu_ws128_m512_bw64_dt300_postcopy.jsonl', hints: { wssMiB: 128 }, note: 'CPU-bound, post-copy at 5 s' },
];

describe('real QEMU migrations are reproduced', () => {
  it.each(CASES)('$file ($note)', ({ file, hints }) => {
    const real = load(file);
    const final = real.final!;
    expect(final.status).toBe('completed');
    const s = runScenario(scenarioFromQmp(real, hints)).summary;
    expect(s.outcome).toBe('completed');
    within(s.bytesTransferred, final.transferredBytes, 0.3);
    within(s.totalTimeMs, final.totalTimeMs, 0.3, 5);
    // Downtimes here are 1-21 ms, where a few ms of switchover noise is most of the figure.
    within(s.downtimeMs, final.downtimeMs, 0.3, 8);
    within(s.dirtySyncCount, final.dirtySyncCount, 0.3, 1);
    within(s.zeroPages, final.zeroPages, 0.01);
    within(s.postcopyBytes, final.postcopyBytes, 0.3, 1e6);
  });

  it('cpu_ws128_m512_bw64_dt300_noconv.jsonl: a writer faster than the link never converges until cancelled', () => {
    const real = load('cpu_ws128_m512_bw64_dt300_noconv.jsonl');
    expect(real.final).toBeNull();
    const lastActive = real.samples.filter((x) => x.status === 'active').pop()!;
    const trace = runScenario(scenarioFromQmp(real, { wssMiB: 128 }));
    const s = trace.summary;
    expect(s.outcome).toBe('aborted');
    expect(s.converged).toBe(false);
    expect(s.downtimeMs).toBe(0);
    within(s.totalTimeMs / 1000, real.cancelledAtS!, 0.01);
    within(s.bytesTransferred, lastActive.transferredBytes, 0.3);
    within(s.dirtySyncCount, lastActive.dirtySyncCount, 0.3);
  });

  it('auto-converge throttles in QEMU steps: 20 %, then +10 % every second qualifying sync', () => {
    const real = load('cpu_ws128_m512_bw64_dt300_autoconv.jsonl');
    const realSteps = [...new Set(real.samples.map((x) => x.throttlePct).filter((p) => p > 0))];
    const trace = runScenario(scenarioFromQmp(real, { wssMiB: 128 }));
    const simSteps = trace.events.flatMap((e) => (e.kind === 'throttle' ? [e.throttlePct] : []));
    expect(realSteps.slice(0, 3)).toEqual([20, 30, 40]);
    expect(simSteps.slice(0, 3)).toEqual([20, 30, 40]);
    within(trace.summary.maxThrottlePct, Math.max(...realSteps), 0, 10);
  });

  it('the bandwidth cap holds in 100 ms windows while the final copy runs at link speed', () => {
    const real = load('rand_ws128_r5k_m512_bw64_dt300.jsonl');
    const trace = runScenario(scenarioFromQmp(real, { wssMiB: 128 }));
    const s = trace.summary;
    const capMBps = real.maxBandwidthBytesPerSec! / 1e6;
    const liveMs = s.pausedAtMs! - s.setupTimeMs;
    expect(s.precopyBytes / liveMs / 1000).toBeLessThan(capMBps * 1.01);
    expect(s.precopyBytes / liveMs / 1000).toBeGreaterThan(capMBps * 0.97);
    // The blackout copy is far faster than the cap: that is why the real downtime lands far below the limit.
    expect(s.downtimeBytes / s.downtimeMs / 1000).toBeGreaterThan(capMBps * 5);
    expect(s.downtimeMs).toBeLessThan(real.downtimeLimitMs! / 5);
  });

  it('expected-downtime reads the limit until the first full dirty-rate period, as in QEMU', () => {
    const real = load('rand_ws128_r5k_m512_bw64_dt300.jsonl');
    const firstReal = real.samples.find((x) => x.expectedDowntimeMs !== null && x.expectedDowntimeMs !== 300);
    const trace = runScenario(scenarioFromQmp(real, { wssMiB: 128 }));
    const { tMs, expectedDowntimeMs, phase } = trace.samples.columns;
    const firstSim = tMs.findIndex((_, i) => phase[i] === 1 && expectedDowntimeMs[i] !== 300);
    expect(expectedDowntimeMs[1]).toBe(300);
    expect(firstReal!.tS * 1000).toBeGreaterThan(1000);
    expect(tMs[firstSim]).toBeGreaterThan(1000);
  });
});
