// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { XbzrleCache } from '../../../src/engine/migration/xbzrle';
import { fitRecord } from '../../../src/engine/replay/fit';
import { runScenario } from '../../../src/engine/run';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';
import { bytesPerSec, ideal } from '../../support/scenarios';
import { loadTrace } from '../../support/traces';

/** Post-copy faults, the throttle's effect on the guest, and XBZRLE: closed forms and real records. */
const PAGE_WIRE = 4104;

describe('post-copy faults', () => {
  const postcopy = (over: { vcpus?: number; queueKiB?: number; readsPerWrite?: number; writeRateMiBps?: number }) =>
    runScenario({
      strategy: 'postcopy',
      vm: { memoryMiB: 64, usedMiB: 64, deviceStateKiB: 0, vcpus: over.vcpus ?? 1 },
      workload: {
        pattern: 'uniform',
        writeRateMiBps: over.writeRateMiBps ?? 500,
        wssMiB: 64,
        readsPerWrite: over.readsPerWrite ?? 0,
      },
      network: { linkMbps: 1000, rttMs: 0.2 },
      postcopy: { queueKiB: over.queueKiB ?? 256, prepaging: 'forward' },
      host: { allocateMs: 0, validateMs: 0, passStartMs: 0, switchoverMs: 0 },
    }).summary;

  it('a vCPU waits for its page and no longer: never more stall than time passed, per vCPU', () => {
    // The case: an 8 MiB queue once reported 169 ms of stall in a 75 ms post-copy phase.
    for (const vcpus of [1, 4]) {
      const s = postcopy({ vcpus, queueKiB: 8192 });
      expect(s.postcopyFaults).toBeGreaterThan(0);
      expect(s.faultStallMs).toBeLessThanOrEqual(vcpus * s.dependencyWindowMs + 1e-6);
    }
  });

  it('counts only the bytes actually queued: never more than is left to push', () => {
    // A queue larger than the VM: the first fault waits for everything left, so one vCPU faults once.
    const s = postcopy({ queueKiB: 65_536 });
    expect(s.postcopyFaults).toBeLessThanOrEqual(2);
    expect(s.faultStallMs).toBeLessThanOrEqual(s.dependencyWindowMs + 1e-6);
    expect(s.faultStallMs).toBeGreaterThan(0.9 * s.dependencyWindowMs);
  });

  it('with a short queue a busy vCPU faults again as soon as its page arrives: about window / latency faults', () => {
    const s = postcopy({ queueKiB: 256 });
    const latencyMs = 0.2 + ((256 * 1024 + PAGE_WIRE) / bytesPerSec(1000)) * 1000;
    const expected = s.dependencyWindowMs / latencyMs;
    expect(Math.abs(s.postcopyFaults - expected) / expected).toBeLessThan(0.1);
    expect(s.faultStallMs / s.postcopyFaults).toBeLessThanOrEqual(latencyMs + 1e-9);
  });

  it('reads of missing pages fault too, and fetch each page once like writes', () => {
    // A guest that mostly reads: few writes, many reads.
    const writesOnly = postcopy({ writeRateMiBps: 2, readsPerWrite: 0, vcpus: 4 });
    const withReads = postcopy({ writeRateMiBps: 2, readsPerWrite: 50, vcpus: 4 });
    expect(withReads.postcopyFaults).toBeGreaterThan(3 * writesOnly.postcopyFaults);
    expect(withReads.postcopyBytes).toBe(16_384 * PAGE_WIRE);
  });

  it('the real post-copy record: 24 page requests in 172 ms with one vCPU; the fit lands close', () => {
    const f = fitRecord(loadTrace('cpu_ws128_m512_bw64_dt300_postcopy.jsonl'));
    if (!f.ok) throw new Error(f.problems.join());
    expect(f.measured.postcopyRequests).toBe(24);
    expect(Math.abs(f.errors.postcopyRequests!)).toBeLessThan(0.25);
  });
});

describe('auto-converge effectiveness: under a throttle p the guest runs at k (1 - p) of its speed', () => {
  // G11's setup (a sequential writer, textbook passes), the writer at 1.1 times the link rate. Stepping
  // goes on while 1.1 B k (1 - p) > B / 2, i.e. until p >= 1 - 0.4545 / k: 60 % for the ideal k = 1,
  // 50 % for the default k = 0.85.
  const ladder = (throttledSpeedPct: number) =>
    runScenario(
      ideal({
        vm: { memoryMiB: 1024 },
        workload: { pattern: 'sequential', writeRateMiBps: (1.1 * 125e6) / 1048576 },
        precopy: { stopRule: 'xen', maxIterations: 80, autoConverge: true, throttledSpeedPct },
      }),
    );
  const steps = (t: ReturnType<typeof ladder>) =>
    t.events.flatMap((e) => (e.kind === 'throttle' ? [e.throttlePct] : []));
  const real = ladder(85);

  it('stops the ladder where the closed form says, for the ideal and the default effectiveness', () => {
    expect(steps(ladder(100))).toEqual([20, 30, 40, 50, 60]);
    expect(steps(real)).toEqual([20, 30, 40, 50]);
    expect(real.scenario.precopy.throttledSpeedPct).toBe(85);
    expect(real.summary.converged).toBe(true);
  });

  it('each round writes at the rate k (1 - p) leaves', () => {
    const writesPerSec = (1.1 * 125e6) / 4096;
    expect(real.rounds.some((r) => r.throttlePct > 0)).toBe(true);
    for (const r of real.rounds) {
      const p = r.throttlePct / 100;
      expect(r.writeRatePagesPerSec).toBeCloseTo(writesPerSec * (p > 0 ? 0.85 * (1 - p) : 1), 6);
    }
  });

  it('the real auto-converge record is fitted best near the default: the ladder and its timing match', () => {
    const record = loadTrace('cpu_ws128_m512_bw64_dt300_autoconv.jsonl');
    const f = fitRecord(record);
    if (!f.ok) throw new Error(f.problems.join());
    const realSteps = record.samples.filter((x, i, all) => x.throttlePct > (all[i - 1]?.throttlePct ?? 0));
    const simSteps = f.trace.events.filter((e) => e.kind === 'throttle');
    expect(simSteps.map((e) => (e.kind === 'throttle' ? e.throttlePct : NaN))).toEqual(
      realSteps.map((x) => x.throttlePct),
    );
    simSteps.forEach((e, i) => expect(Math.abs(e.tMs - realSteps[i].tMs)).toBeLessThan(1000));
    expect(Math.abs(f.errors.totalTimeMs!)).toBeLessThan(0.1);
  });
});

describe('XBZRLE', () => {
  it('a cache of pages as last sent: a hit sends the delta, a miss inserts, hot slots stay, overflow goes whole', () => {
    const cache = new XbzrleCache(1, 4096, 8); // 256 slots
    expect(cache.slots).toBe(256);
    expect(new XbzrleCache(100, 4096, 8).slots).toBe(16_384);
    expect(cache.encode(5, 2, false)).toBe(-1); // miss: inserted
    for (let i = 0; i < 3; i++) cache.noteWrite(5);
    cache.noteWrite(6); // not cached: no effect
    expect(cache.encode(5, 3, false)).toBe(8 + 3 + 3 * (8 + 3));
    expect(cache.encode(5, 3, false)).toBe(0); // unchanged since: nothing to send
    // Page 261 shares slot 5; page 5 was used at generation 3, so it is hot until 5.
    expect(cache.encode(261, 4, false)).toBe(-1);
    cache.noteWrite(5);
    expect(cache.encode(5, 4, false)).toBe(8 + 3 + 11);
    expect(cache.encode(261, 6, false)).toBe(-1); // 4 + 2 <= 6: now replaced
    for (let i = 0; i < 400; i++) cache.noteWrite(261);
    expect(cache.encode(261, 7, false)).toBe(-1); // 400 x 11 bytes > 4096: overflow
    expect(cache.stats).toMatchObject({ overflows: 1, cacheMisses: 3, pages: 2 });
    expect(cache.encode(7, 8, true)).toBe(-1); // the final copy inserts nothing
    expect(cache.encode(7, 8, true)).toBe(-1);
  });

  const xbzrle = (
    over: Partial<NonNullable<ScenarioInput['precopy']>>,
    strategy: ScenarioInput['strategy'] = 'precopy',
  ) =>
    runScenario({
      strategy,
      profile: 'qemu',
      vm: { memoryMiB: 256, usedMiB: 256, vcpus: 1 },
      workload: { pattern: 'uniform', writeRateMiBps: 60, wssMiB: 32, writeBytes: 8 },
      network: { linkMbps: 10_000, capMbps: 537 },
      precopy: { xbzrle: true, timeoutS: 30, onNoConvergence: 'abort', ...over },
      hybrid: { switchAfterRounds: 3 },
      host: { allocateMs: 0, validateMs: 0 },
    });

  it('never in the first pass, and encoded pages are small', () => {
    const t = xbzrle({});
    const s = t.summary;
    expect(s.xbzrle!.pages).toBeGreaterThan(0);
    // The first pass goes as it would without XBZRLE: every page whole.
    const without = runScenario({ ...t.scenario, precopy: { ...t.scenario.precopy, xbzrle: false } });
    expect(t.rounds[0].bytesSent).toBe(without.rounds[0].bytesSent);
    expect(t.rounds[0].bytesSent % PAGE_WIRE).toBe(0);
    expect(s.xbzrle!.bytes / s.xbzrle!.pages).toBeLessThan(200);
    expect(s.bytesTransferred).toBeLessThan(without.summary.bytesTransferred);
  });

  it('starts after a first pass that ran to the last page with nothing left (no cap, no mid-pass sync)', () => {
    const on = runScenario({ precopy: { xbzrle: true }, workload: { writeBytes: 8 } });
    const off = runScenario({ precopy: { xbzrle: false }, workload: { writeBytes: 8 } });
    // The first pass ends with the bitmap empty at the end of memory; the next search wraps, as QEMU's does.
    expect(on.rounds[0].bytesSent).toBe(off.rounds[0].bytesSent);
    expect(on.summary.xbzrle!.cacheMisses).toBeGreaterThan(0);
    expect(on.summary.xbzrle!.pages).toBeGreaterThan(0);
    expect(on.summary.bytesTransferred).toBeLessThan(off.summary.bytesTransferred);
  });

  it('a cache smaller than the dirty set misses; its CPU cost slows the sender', () => {
    const small = xbzrle({ xbzrleCacheMiB: 4 }).summary.xbzrle!;
    const big = xbzrle({ xbzrleCacheMiB: 64 }).summary.xbzrle!;
    expect(small.cacheMisses / (small.pages + small.cacheMisses)).toBeGreaterThan(
      big.cacheMisses / (big.pages + big.cacheMisses),
    );
    const slow = xbzrle({ xbzrleEncodeUs: 500 }).summary;
    expect(slow.totalTimeMs).toBeGreaterThan(xbzrle({}).summary.totalTimeMs);
  });

  it('never in post-copy: the pages post-copy moves go whole', () => {
    const s = xbzrle({}, 'hybrid').summary;
    const before = xbzrle({ timeoutS: 0 }, 'hybrid').summary;
    expect(s.postcopyBytes).toBeGreaterThan(0);
    expect(s.postcopyBytes % PAGE_WIRE).toBe(0);
    expect(s.xbzrle).toEqual(before.xbzrle);
  });

  it('lets the real CPU-bound writer converge, which without it never does', () => {
    const record = loadTrace('cpu_ws128_m512_bw64_dt300_noconv.jsonl');
    const without = fitRecord(record);
    const withIt = fitRecord(record, { 'precopy.xbzrle': true });
    if (!without.ok || !withIt.ok) throw new Error('fit failed');
    expect(without.predicted.outcome).toBe('aborted');
    expect(withIt.predicted).toMatchObject({ outcome: 'completed', converged: true });
  });
});
