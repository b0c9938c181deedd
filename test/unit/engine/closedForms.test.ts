// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { PAGE_WIRE, bytesPerSec, ideal } from '../../support/scenarios';

/**
 * The engine against closed forms: the numbers here come from the formulas, never from a run.
 * Tolerances are stated per check; the write stream is random, so dirty-set sizes carry a binomial spread.
 */
describe('pre-copy rounds follow the saturating closed form', () => {
  // Textbook passes (each round sends what was dirty when it began) with uniform writes:
  // V_0 = N, t_i = V_i * wire / B, V_{i+1} = N (1 - e^(-w t_i / N)); stop at the first V_n <= B x L.
  const N = 262_144; // 1 GiB of 4 KiB pages
  const w = 20_000; // page writes per second
  const B = bytesPerSec(1000) / 1000; // bytes per ms
  const L = 300;
  const expectedRounds: { volume: number; ms: number }[] = [];
  let volume = N;
  while (volume * 4096 > B * L) {
    const ms = (volume * PAGE_WIRE) / B;
    expectedRounds.push({ volume, ms });
    volume = N * (1 - Math.exp((-w * ms) / 1000 / N));
  }
  const finalVolume = volume;

  const trace = runScenario(
    ideal({
      vm: { memoryMiB: 1024 },
      workload: { pattern: 'uniform', writeRateMiBps: (w * 4096) / 1048576 },
      precopy: { stopRule: 'no-progress', noProgressMiB: 0, downtimeLimitMs: L, trackFromBoot: true },
    }),
  );
  const s = trace.summary;

  it('has the predicted number of live rounds and converges', () => {
    expect(expectedRounds.length).toBe(7);
    expect(s.iterations).toBe(expectedRounds.length);
    expect(s.converged).toBe(true);
    expect(s.stopReason).toBe('converged');
  });

  it('sends each round the predicted volume in the predicted time', () => {
    s.rounds.forEach((r, i) => {
      const e = expectedRounds[i];
      // Round i sends exactly what the previous round left; that volume carries the binomial spread.
      const spread = 5 * Math.sqrt(e.volume) + 0.004 * e.volume;
      expect(Math.abs(r.pagesSent - e.volume)).toBeLessThan(i === 0 ? 1 : spread);
      expect(r.endMs - r.startMs).toBeCloseTo((r.pagesSent * PAGE_WIRE) / B, 0);
    });
  });

  it('leaves the predicted dirty set for the blackout, sent at link speed', () => {
    const last = s.rounds[s.rounds.length - 1];
    expect(Math.abs(last.dirtyPagesAtEnd - finalVolume)).toBeLessThan(5 * Math.sqrt(finalVolume) + 20);
    expect(s.downtimeMs).toBeCloseTo((last.dirtyPagesAtEnd * PAGE_WIRE) / B, 3);
  });

  it('adds up: bytes are the sum over rounds and the blackout, time the sum of phases', () => {
    const roundBytes = s.rounds.reduce((sum, r) => sum + r.bytesSent, 0);
    expect(s.precopyBytes).toBe(roundBytes);
    expect(s.bytesTransferred).toBe(s.precopyBytes + s.downtimeBytes);
    expect(s.totalTimeMs).toBeCloseTo(s.rounds[s.rounds.length - 1].endMs + s.downtimeMs, 6);
  });
});

describe('golden checks from the reference sheet (section 6)', () => {
  // G4: M = 4 GiB, B = 125 MB/s, D = 25 MB/s of distinct pages (a sequential sweep never rewrites a page
  // within a round, so it is the fluid model's D), L = 300 ms.
  const D = 25e6;
  const g4 = (precopy: object, seed = 1) =>
    runScenario(
      ideal({
        seed,
        workload: { pattern: 'sequential', writeRateMiBps: D / 1048576 },
        precopy: { downtimeLimitMs: 300, ...precopy },
      }),
    ).summary;

  it('G4: textbook passes give V = 4295, 859, 172 MB live, 34.4 MB in a 275 ms blackout', () => {
    const s = g4({ stopRule: 'no-progress', noProgressMiB: 0 });
    const volumesMB = s.rounds.map((r) => (r.pagesSent * 4096) / 1e6);
    expect(s.iterations).toBe(3);
    [4294.97, 858.99, 171.8].forEach((v, i) => expect(volumesMB[i]).toBeCloseTo(v, -1));
    expect((s.rounds[2].dirtyPagesAtEnd * 4096) / 1e6).toBeCloseTo(34.36, 0);
    // Wire headers add 8 bytes per 4 KiB page (0.2 %) to the sheet's payload-only figures.
    expect(s.downtimeMs).toBeGreaterThan(275 * 0.99);
    expect(s.downtimeMs).toBeLessThan(275 * 1.01);
    expect(s.totalTimeMs / 1000).toBeCloseTo(42.88 * 1.002, 0);
    expect(s.bytesTransferred / 1e9).toBeCloseTo(5.36 * 1.002, 1);
  });

  it('G5: QEMU syncs give the same totals, a downtime near (below) the limit and 6-8 syncs', () => {
    const s = g4({ stopRule: 'qemu' });
    expect(s.converged).toBe(true);
    expect(Math.abs(s.totalTimeMs / 1000 - 42.875) / 42.875).toBeLessThan(0.05);
    expect(Math.abs(s.bytesTransferred / 1e9 - 5.36) / 5.36).toBeLessThan(0.05);
    expect(s.downtimeMs).toBeGreaterThan(0.8 * 300);
    expect(s.downtimeMs).toBeLessThan(300);
    expect(s.dirtySyncCount).toBeGreaterThanOrEqual(6);
    expect(s.dirtySyncCount).toBeLessThanOrEqual(8);
  });

  it('G3: the stop threshold on an uncapped 1 Gbit/s link is 37.5 MB', () => {
    const s = g4({ stopRule: 'qemu' });
    const last = s.rounds[s.rounds.length - 1];
    expect(last.thresholdBytes / 1e6).toBeCloseTo(37.5, 1);
    expect(last.estimateMbps).toBeCloseTo(1000, 0);
  });

  it('G1 and G2: a 128 MiB/s cap sends 13,421,772 bytes per 100 ms window; threshold 40,265,318 bytes', () => {
    const trace = runScenario(
      ideal({
        vm: { memoryMiB: 2048 },
        workload: { pattern: 'sequential', writeRateMiBps: 10 },
        network: { linkMbps: 10_000, capMbps: (134_217_728 * 8) / 1e6 },
        precopy: { downtimeLimitMs: 300 },
      }),
    );
    const s = trace.summary;
    // QEMU lets the page that crosses the budget go, so a window can exceed it by one record.
    const thresholds = s.rounds.slice(1).map((r) => r.thresholdBytes);
    for (const t of thresholds) {
      expect(t).toBeGreaterThanOrEqual(40_265_318 - 1);
      expect(t).toBeLessThanOrEqual(40_265_318 + 3 * PAGE_WIRE);
    }
    // Over the first round the stream averages the cap, although the link is ten times faster.
    expect(s.rounds[0].bandwidthMbps).toBeGreaterThan(1073.74 * 0.995);
    expect(s.rounds[0].bandwidthMbps).toBeLessThan(1073.74 * 1.005);
    // Bytes per 100 ms never exceed the window budget plus one page record.
    const { tMs, transferredBytes } = trace.samples.columns;
    const step = trace.samples.stepMs;
    const perWindow = 100 / step;
    for (let i = perWindow; i < tMs.length && tMs[i] < s.pausedAtMs!; i += perWindow)
      expect(transferredBytes[i] - transferredBytes[i - perWindow]).toBeLessThanOrEqual(13_421_772 + 2 * PAGE_WIRE);
    // The final copy ignores the cap: the blackout runs at link speed.
    expect(s.downtimeMs).toBeCloseTo((s.downtimeBytes / bytesPerSec(10_000)) * 1000, 3);
  });

  it('G6: with D > B, QEMU never converges on its own and runs until someone stops it', () => {
    const fast = runScenario(
      ideal({
        workload: { pattern: 'sequential', writeRateMiBps: 150e6 / 1048576 },
        precopy: { stopRule: 'qemu', maxIterations: 0, timeoutS: 200, onNoConvergence: 'abort' },
      }),
    ).summary;
    expect(fast.outcome).toBe('aborted');
    expect(fast.converged).toBe(false);
    expect(fast.stopReason).toBe('timeout');
    expect(fast.downtimeMs).toBe(0);
    expect(fast.totalTimeMs).toBeGreaterThanOrEqual(200_000);
  });

  it('G7: Xen v2 with D > B sends 5 x M live, then a forced blackout of M / B = 34.4 s', () => {
    const s = runScenario(
      ideal({
        workload: { pattern: 'sequential', writeRateMiBps: 150e6 / 1048576 },
        precopy: { stopRule: 'xen', maxIterations: 5 },
      }),
    ).summary;
    expect(s.iterations).toBe(5);
    expect(s.converged).toBe(false);
    expect(s.stopReason).toBe('max-iterations');
    expect(s.precopyBytes / 1e9).toBeCloseTo(21.47 * 1.002, 1);
    expect(s.downtimeMs / 1000).toBeCloseTo(34.4, 0);
    expect(s.downtimeMs).toBeCloseTo(((4 * 1073741824 * PAGE_WIRE) / 4096 / bytesPerSec(1000)) * 1000, 0);
  });

  it('G7: legacy Xen stops after round 4, once 4 M > 3 M has been sent', () => {
    const s = runScenario(
      ideal({
        workload: { pattern: 'sequential', writeRateMiBps: 150e6 / 1048576 },
        precopy: { stopRule: 'xen-legacy', maxIterations: 30, xenMaxSentFactor: 3 },
      }),
    ).summary;
    expect(s.iterations).toBe(4);
    expect(s.stopReason).toBe('sent-factor');
    expect(s.downtimeMs / 1000).toBeCloseTo(34.4, 0);
  });

  it('G8: Xen v2 with rho = 0.2 hits the 5-round cap and sends V5 = 1.374 MB in 11 ms', () => {
    const s = g4({ stopRule: 'xen', maxIterations: 5 });
    expect(s.iterations).toBe(5);
    expect(s.stopReason).toBe('max-iterations');
    expect((s.rounds[4].dirtyPagesAtEnd * 4096) / 1e6).toBeCloseTo(1.374, 1);
    expect(s.downtimeMs).toBeCloseTo(11.0, 0);
    expect(s.bytesTransferred / 1e9).toBeCloseTo(5.368 * 1.002, 1);
    expect(s.totalTimeMs / 1000).toBeCloseTo(42.95 * 1.002, 0);
  });

  describe('G9: a 64 MiB hot set rewritten continuously sets a floor of W / B', () => {
    const hot = (linkMbps: number, downtimeLimitMs: number, stopRule: 'qemu' | 'no-progress' = 'qemu') =>
      runScenario(
        ideal({
          vm: { memoryMiB: 1024 },
          workload: { pattern: 'uniform', wssMiB: 64, writeRateMiBps: 4000 },
          network: { linkMbps },
          precopy: { stopRule, noProgressMiB: 0, downtimeLimitMs, timeoutS: 60, onNoConvergence: 'abort' },
        }),
      ).summary;

    it('never converges at 1 Gbit/s with the 300 ms limit (W / B = 537 ms)', () => {
      const s = hot(1000, 300);
      expect(s.outcome).toBe('aborted');
      expect(s.converged).toBe(false);
    });

    it('converges once the limit exceeds 537 ms', () => {
      const s = hot(1000, 600);
      expect(s.converged).toBe(true);
      expect(s.downtimeMs).toBeGreaterThan(537);
      expect(s.downtimeMs).toBeLessThan(600);
    });

    const floorMs = ((64 * 1048576 * PAGE_WIRE) / 4096 / bytesPerSec(10_000)) * 1000;

    it('converges at 10 Gbit/s: textbook passes stop right after the full pass, a blackout of W / B = 54 ms', () => {
      const s = hot(10_000, 300, 'no-progress');
      expect(s.converged).toBe(true);
      expect(s.iterations).toBe(1);
      expect(s.downtimeMs).toBeCloseTo(floorMs, 0);
    });

    it('converges at 10 Gbit/s under QEMU too, with the blackout between W / B and the limit', () => {
      // QEMU syncs as soon as the estimate dips under the 375 MB threshold, mid-pass, so what is left at the
      // stop sits just under the threshold (reference sheet 4.4), not at the textbook floor.
      const s = hot(10_000, 300, 'qemu');
      expect(s.converged).toBe(true);
      expect(s.downtimeMs).toBeGreaterThan(floorMs);
      expect(s.downtimeMs).toBeLessThan(300);
    });
  });

  it('G10: the first pass of a 4 GiB VM is 4,303,355,904 bytes, or 9,437,184 when every page is zero', () => {
    const full = runScenario(ideal({ strategy: 'stopcopy' })).summary;
    expect(full.bytesTransferred).toBe(4_303_355_904);
    expect(full.normalPages).toBe(1_048_576);
    const empty = runScenario(ideal({ strategy: 'stopcopy', vm: { usedMiB: 0 }, workload: { wssMiB: 0 } })).summary;
    expect(empty.bytesTransferred).toBe(9_437_184);
    expect(empty.zeroPages).toBe(1_048_576);
    expect(empty.normalPages).toBe(0);
  });

  it('G11: auto-converge steps 20, 30, 40 ... % and stops at 80 % when D = 2 B', () => {
    const trace = runScenario(
      ideal({
        vm: { memoryMiB: 1024 },
        workload: { pattern: 'sequential', writeRateMiBps: (2 * 125e6) / 1048576 },
        precopy: { stopRule: 'xen', maxIterations: 60, autoConverge: true },
      }),
    );
    const steps = trace.events.filter((e) => e.kind === 'throttle');
    const pcts = steps.map((e) => (e.kind === 'throttle' ? e.throttlePct : NaN));
    expect(pcts).toEqual([20, 30, 40, 50, 60, 70, 80]);
    // Each step needs two qualifying periods of at least a second.
    for (let i = 1; i < steps.length; i++) expect(steps[i].tMs - steps[i - 1].tMs).toBeGreaterThanOrEqual(2000);
    expect(trace.summary.maxThrottlePct).toBe(80);
    expect(trace.summary.converged).toBe(true);
  });

  it('G14: post-copy of 4 GiB sends every page once (4.30 GB) over 34.4 s, with a downtime independent of M', () => {
    const big = runScenario(ideal({ strategy: 'postcopy', network: { rttMs: 0.2 } })).summary;
    expect(big.bytesTransferred).toBe(4_303_355_904);
    expect(big.normalPages).toBe(1_048_576);
    expect(big.totalTimeMs / 1000).toBeCloseTo(34.36 * 1.002, 0);
    const small = runScenario(ideal({ strategy: 'postcopy', vm: { memoryMiB: 512 }, network: { rttMs: 0.2 } })).summary;
    expect(small.downtimeMs).toBeCloseTo(big.downtimeMs, 6);
    expect(big.downtimeMs).toBeLessThan(1);
  });
});

describe('other closed forms', () => {
  it('post-copy sends each used page exactly once, whatever the guest writes meanwhile', () => {
    const s = runScenario(
      ideal({
        strategy: 'postcopy',
        vm: { memoryMiB: 1024, usedMiB: 600 },
        workload: { pattern: 'hotcold', wssMiB: 400, writeRateMiBps: 200 },
        precopy: { zeroPageDetection: true },
      }),
    ).summary;
    const used = (600 * 1048576) / 4096;
    const zero = (1024 * 1048576) / 4096 - used;
    expect(s.normalPages).toBe(used);
    expect(s.zeroPages).toBe(zero);
    expect(s.bytesTransferred).toBe(used * PAGE_WIRE + zero * 9);
    expect(s.postcopyFaults).toBeGreaterThan(0);
  });

  it('zero pages cost 9 bytes and a scan each; without detection they cost a full page', () => {
    const run = (zeroPageDetection: boolean) =>
      runScenario(
        ideal({
          strategy: 'stopcopy',
          vm: { memoryMiB: 1024, usedMiB: 24 },
          workload: { wssMiB: 0 },
          precopy: { zeroPageDetection },
        }),
      ).summary;
    const used = (24 * 1048576) / 4096;
    const zero = (1024 * 1048576) / 4096 - used;
    const on = run(true);
    expect(on.bytesTransferred).toBe(used * PAGE_WIRE + zero * 9);
    // The time is the wire time plus the scan of each zero page checked (host.zeroScanUs).
    const scanMs = scenarioOrThrow({}).host.zeroScanUs / 1000;
    expect(on.totalTimeMs).toBeCloseTo((on.bytesTransferred / bytesPerSec(1000)) * 1000 + zero * scanMs, 3);
    expect(run(false).bytesTransferred).toBe((used + zero) * PAGE_WIRE);
  });

  it('dirty tracking since boot lets round 1 skip never-written pages entirely', () => {
    const run = (trackFromBoot: boolean) =>
      runScenario(ideal({ vm: { memoryMiB: 1024, usedMiB: 256 }, workload: { wssMiB: 0 }, precopy: { trackFromBoot } }))
        .summary;
    expect(run(true).zeroPages).toBe(0);
    expect(run(true).normalPages).toBe(65_536);
    expect(run(false).zeroPages).toBe(262_144 - 65_536);
  });

  it('a forced blackout lasts the remaining bytes over the bandwidth', () => {
    const s = runScenario(
      ideal({
        workload: { pattern: 'uniform', writeRateMiBps: 400, wssMiB: 2048 },
        precopy: { stopRule: 'qemu', maxIterations: 3, onNoConvergence: 'stop-and-copy' },
      }),
    ).summary;
    expect(s.stopReason).toBe('max-iterations');
    expect(s.converged).toBe(false);
    const remaining = s.rounds[s.rounds.length - 1].dirtyPagesAtEnd;
    expect(s.downtimeMs).toBeCloseTo((remaining * PAGE_WIRE * 1000) / bytesPerSec(1000), 3);
    expect(s.downtimeMs).toBeGreaterThan(1000);
  });

  it('stop-and-copy is one blackout as long as the whole migration', () => {
    const s = runScenario(ideal({ strategy: 'stopcopy', vm: { memoryMiB: 1024 } })).summary;
    expect(s.downtimeMs).toBeCloseTo(s.totalTimeMs, 9);
    expect(s.downtimeMs).toBeCloseTo(((262_144 * PAGE_WIRE) / bytesPerSec(1000)) * 1000, 3);
  });
});
