// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fitRecord, type FitResult } from '../../../src/engine/replay/fit';
import { runScenario } from '../../../src/engine/run';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';
import { parseScenario, scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { mibpsToBytesPerMs } from '../../../src/engine/units';
import { bytesPerSec } from '../../support/scenarios';
import { loadTrace } from '../../support/traces';

/**
 * The QEMU profile, the cost of scanning zero pages, the hosts' copy-rate ceilings and the fixed cost of
 * a switchover: each against a closed form, and the calibrations against the real records they came from.
 */
const PAGE_WIRE = 4104;
const DEFAULTS = scenarioOrThrow({});

function fitted(file: string): FitResult {
  const r = fitRecord(loadTrace(file));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r;
}

describe('the QEMU profile: no round cap, and the total time from the migrate command', () => {
  const base: ScenarioInput = {
    vm: { memoryMiB: 512, usedMiB: 256 },
    workload: { pattern: 'uniform', writeRateMiBps: 20, wssMiB: 64 },
    precopy: { maxIterations: 0 },
  };

  it('leaves allocation and validation out of the total and setup times, but keeps them in the lifecycle', () => {
    const lab = runScenario(base).summary;
    const qemu = runScenario({ ...base, profile: 'qemu' });
    const { allocateMs, validateMs } = DEFAULTS.host;
    expect(qemu.summary.migrateStartMs).toBe(allocateMs + validateMs);
    expect(qemu.summary.totalTimeMs).toBeCloseTo(lab.totalTimeMs - allocateMs - validateMs, 9);
    expect(qemu.summary.setupTimeMs).toBeCloseTo(lab.setupTimeMs - allocateMs - validateMs, 9);
    expect(qemu.summary.downtimeMs).toBeCloseTo(lab.downtimeMs, 9);
    expect(qemu.summary.bytesTransferred).toBe(lab.bytesTransferred);
    const steps = Object.fromEntries(qemu.lifecycle.map((s) => [s.step, s]));
    expect(steps.allocate).toMatchObject({ status: 'done', startMs: 0, endMs: allocateMs });
    expect(steps.validate).toMatchObject({ status: 'done', startMs: allocateMs, endMs: allocateMs + validateMs });
    expect(qemu.lifecycle.at(-1)!.endMs).toBeGreaterThan(qemu.summary.totalTimeMs);
  });

  it('has no round cap: a run that never converges goes on to its timeout instead of stopping at 30 rounds', () => {
    const stuck: ScenarioInput = {
      vm: { memoryMiB: 64, usedMiB: 64 },
      // 48 MiB rewritten all the time cannot fit in 1 Gbit/s x 300 ms = 37.5 MB.
      workload: { pattern: 'uniform', writeRateMiBps: 500, wssMiB: 48 },
      precopy: { timeoutS: 20, onNoConvergence: 'abort' },
    };
    const lab = runScenario(stuck).summary;
    expect(lab.stopReason).toBe('max-iterations');
    expect(lab.iterations).toBe(30);
    const qemu = runScenario({ ...stuck, profile: 'qemu' }).summary;
    expect(qemu.stopReason).toBe('timeout');
    expect(qemu.iterations).toBeGreaterThan(30);
  });

  it('refuses a round cap or another stop rule under the qemu profile, naming the field', () => {
    const r = parseScenario({ profile: 'qemu', precopy: { maxIterations: 30, stopRule: 'xen' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.problems.map((p) => p.field);
    expect(fields).toContain('precopy.maxIterations');
    expect(fields).toContain('precopy.stopRule');
    expect(parseScenario({ profile: 'qemu' })).toMatchObject({ ok: true, scenario: { precopy: { maxIterations: 0 } } });
  });
});

describe('zero pages: a scan each, and a fixed cost to start the first pass', () => {
  it('a stop-and-copy of used and zero pages takes the start cost, the scans and the wire time', () => {
    const usedMiB = 16;
    const s = runScenario({
      strategy: 'stopcopy',
      vm: { memoryMiB: 256, usedMiB, deviceStateKiB: 0 },
      workload: { writeRateMiBps: 0, wssMiB: 0 },
      network: { linkMbps: 1000, rttMs: 0 },
      host: { switchoverMs: 0, allocateMs: 0, validateMs: 0, zeroScanUs: 0.25, passStartMs: 13.5 },
    }).summary;
    const used = (usedMiB * 1048576) / 4096;
    const zero = (256 * 1048576) / 4096 - used;
    const wireMs = ((used * PAGE_WIRE + zero * 9) / bytesPerSec(1000)) * 1000;
    expect(s.downtimeMs).toBeCloseTo(13.5 + zero * 0.00025 + wireMs, 6);
  });

  it('fits the tail of the first pass of the two random-writer records (94,259 zero pages in about 24 ms)', () => {
    for (const file of ['rand_ws128_r5k_m512_bw64_dt300.jsonl', 'rand_ws128_r20k_m512_bw128_dt300.jsonl']) {
      const record = loadTrace(file);
      // The pass ends a little into a 100 ms rate window: the rest of its pages, then every zero page.
      const realTail = (record.syncTimesMs[2]! - record.activeAtMs!) % 100;
      const trace = fitted(file).trace;
      const start = trace.phases.find((p) => p.kind === 'precopy')!.startMs;
      const simTail = (trace.rounds[1].startMs - start) % 100;
      // Within a few ms: the rate windows drift a little over ten or twenty of them. At the old 0.45 µs a
      // page the tail would be 19 ms longer.
      expect(Math.abs(simTail - realTail), `${file}: ${simTail} vs ${realTail} ms`).toBeLessThan(5);
      expect(realTail).toBeGreaterThan(20);
    }
  });

  it('fits the idle record, where the start cost shows: one pass of 65,547 zero pages in 30 ms', () => {
    const record = loadTrace('idle_m256_bw64_dt300.jsonl');
    const realPassMs = record.pausedAtMs! - record.activeAtMs!;
    const trace = fitted('idle_m256_bw64_dt300.jsonl').trace;
    const pre = trace.phases.find((p) => p.kind === 'precopy')!;
    expect(Math.abs(pre.endMs - pre.startMs - realPassMs) / realPassMs).toBeLessThan(0.1);
    // The scan alone (0.25 µs x 65,547 = 16 ms) is half of it: the rest is the fixed start.
    expect(65_547 * DEFAULTS.host.zeroScanUs * 1e-3).toBeLessThan(realPassMs * 0.6);
  });
});

describe('the hosts copy at their own rate, whatever the link', () => {
  const copy = (host: ScenarioInput['host'], linkMbps = 100_000) =>
    runScenario({
      strategy: 'stopcopy',
      vm: { memoryMiB: 256, usedMiB: 256, deviceStateKiB: 0 },
      workload: { writeRateMiBps: 0, wssMiB: 0 },
      network: { linkMbps, rttMs: 0 },
      host: { switchoverMs: 2, allocateMs: 0, validateMs: 0, passStartMs: 0, ...host },
    }).summary;
  const bytes = 65_536 * PAGE_WIRE;

  it('the slowest of link, sender and receiver sets the pace; the switchover adds its fixed cost', () => {
    expect(copy({ sendMiBps: 1000 }).downtimeMs).toBeCloseTo(bytes / mibpsToBytesPerMs(1000) + 2, 6);
    expect(copy({ sendMiBps: 1000, receiveMiBps: 800 }).downtimeMs).toBeCloseTo(bytes / mibpsToBytesPerMs(800) + 2, 6);
    expect(copy({ sendMiBps: 1000 }, 1000).downtimeMs).toBeCloseTo((bytes / bytesPerSec(1000)) * 1000 + 2, 6);
    expect(copy({}).downtimeMs).toBeCloseTo((bytes / bytesPerSec(100_000)) * 1000 + 2, 6);
  });

  it('a cap above what the source can copy is never reached: pre-copy runs at the copy rate', () => {
    const s = runScenario({
      vm: { memoryMiB: 256, usedMiB: 256 },
      workload: { writeRateMiBps: 0, wssMiB: 0 },
      network: { linkMbps: 100_000, capMbps: 20_000, rttMs: 0 },
      host: { sendMiBps: 1000, allocateMs: 0, validateMs: 0, passStartMs: 0 },
    }).summary;
    const liveMs = s.pausedAtMs! - s.setupTimeMs;
    const rateMiBps = s.precopyBytes / 1048576 / (liveMs / 1000);
    expect(rateMiBps).toBeLessThan(1000 * 1.001);
    expect(rateMiBps).toBeGreaterThan(1000 * 0.97);
  });

  it('post-copy places each page at the destination: the push runs at 1 / (1 / receive + place time)', () => {
    const s = runScenario({
      strategy: 'postcopy',
      vm: { memoryMiB: 256, usedMiB: 256, deviceStateKiB: 0, vcpus: 1 },
      workload: { writeRateMiBps: 0, wssMiB: 0 },
      network: { linkMbps: 100_000, rttMs: 0 },
      postcopy: { placeUs: 4 },
      host: { receiveMiBps: 2000, switchoverMs: 0, allocateMs: 0, validateMs: 0, passStartMs: 0 },
    }).summary;
    const perPageMs = PAGE_WIRE / mibpsToBytesPerMs(2000) + 0.004;
    expect(s.dependencyWindowMs).toBeCloseTo(65_536 * perPageMs, 3);
  });

  it('calibrated on the records: final copies at the pooled 1.75 GB/s, the post-copy push at 0.64 GB/s', () => {
    for (const file of [
      'rand_ws128_r5k_m512_bw64_dt300.jsonl',
      'rand_ws128_r20k_m512_bw128_dt300.jsonl',
      'cpu_ws128_m512_bw64_dt300_autoconv.jsonl',
    ]) {
      const f = fitted(file);
      expect(Math.abs(f.errors.downtimeMs!), file).toBeLessThan(0.25);
    }
    const pc = fitted('cpu_ws128_m512_bw64_dt300_postcopy.jsonl');
    const real = loadTrace('cpu_ws128_m512_bw64_dt300_postcopy.jsonl');
    const realMs = real.endAtMs! - real.postcopyAtMs! - real.final!.downtimeMs!;
    expect(Math.abs(pc.trace.summary.dependencyWindowMs - realMs) / realMs).toBeLessThan(0.1);
  });
});
