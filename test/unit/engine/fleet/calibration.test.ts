// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runFlowAlone } from '../../../../src/engine/fleet/model/fastMigration';
import { flowParams } from '../../../../src/engine/fleet/model/flowParams';
import { CALIBRATION } from '../../../../src/engine/fleet/model/tolerance';
import { runScenario } from '../../../../src/engine/run';
import { applyPreset } from '../../../../src/engine/scenario/presets';
import type { ScenarioInput, WorkloadPreset } from '../../../../src/engine/scenario/schema';
import { scenarioOrThrow } from '../../../../src/engine/scenario/validate';

/**
 * The fleet's flow-level model against the page engine, over a spread of VM sizes, workload presets,
 * links and pre-copy settings, with the tolerance docs/fleet.md states (CALIBRATION). Every case meets it:
 * the flow model has the first pass's start cost, decides where the page engine's slices end, and sends
 * a capped window's budget at the link's speed before it sleeps, as the page engine does.
 */
const {
  timeAndBytes: TIME_AND_BYTES,
  downtimeShare: DOWNTIME_SHARE,
  downtimeMs: DOWNTIME_MS,
  rounds: ROUNDS,
} = CALIBRATION;

type Case = [memoryMiB: number, preset: Exclude<WorkloadPreset, 'custom'>, linkMbps: number, extra?: ScenarioInput];

const CASES: Case[] = [
  [1024, 'idle', 25_000],
  [4096, 'idle', 1000],
  [16_384, 'idle', 10_000],
  [1024, 'web', 1000],
  [4096, 'web', 10_000],
  [16_384, 'web', 25_000],
  [8192, 'web', 1000],
  [1024, 'oltp', 10_000],
  [4096, 'oltp', 1000],
  [16_384, 'oltp', 10_000],
  [512, 'cache', 1000],
  [4096, 'cache', 10_000],
  [16_384, 'cache', 25_000],
  [1024, 'game', 10_000],
  [4096, 'game', 1000],
  [16_384, 'game', 25_000],
  [512, 'ml-training', 1000],
  [4096, 'ml-training', 10_000],
  [16_384, 'ml-training', 10_000],
  [512, 'memory-stress', 1000],
  [4096, 'memory-stress', 25_000],
  [16_384, 'memory-stress', 10_000],
  // a bandwidth cap, other downtime limits, round caps and timeouts that abort
  [8192, 'game', 40_000, { network: { capMbps: 800 }, precopy: { downtimeLimitMs: 500 } }],
  [4096, 'web', 1000, { network: { capMbps: 800 } }],
  [512, 'web', 40_000, { network: { capMbps: 800 }, precopy: { downtimeLimitMs: 30, maxIterations: 0 } }],
  [1024, 'cache', 2500, { network: { capMbps: 800 }, precopy: { timeoutS: 60, onNoConvergence: 'abort' } }],
  [512, 'cache', 1000, { network: { capMbps: 800 }, precopy: { downtimeLimitMs: 100, maxIterations: 5 } }],
  [2048, 'cache', 1000, { precopy: { downtimeLimitMs: 30, maxIterations: 5 } }],
  [8192, 'web', 1000, { precopy: { downtimeLimitMs: 1000, maxIterations: 0 } }],
  [1024, 'memory-stress', 2500, { precopy: { timeoutS: 20 } }],
  // memory layout and wire options
  [4096, 'oltp', 10_000, { vm: { pageKiB: 2048 } }],
  [4096, 'cache', 10_000, { precopy: { trackFromBoot: true } }],
  [4096, 'ml-training', 10_000, { precopy: { zeroPageDetection: false } }],
  [4096, 'memory-stress', 10_000, { vm: { deviceStateKiB: 65_536 }, network: { rttMs: 20 } }],
  [2048, 'cache', 10_000, { seed: 99, vm: { usedMiB: 1843 }, precopy: { downtimeLimitMs: 100 } }],
  [8192, 'oltp', 10_000, { seed: 7, vm: { usedMiB: 2048 } }],
  // the first pass's start cost, alone and partly hidden by a cap's sleep; caps the sender outruns by less
  [1024, 'web', 25_000, { host: { passStartMs: 400 } }],
  [2048, 'oltp', 10_000, { network: { capMbps: 2000 }, host: { passStartMs: 60 } }],
  [4096, 'cache', 10_000, { network: { capMbps: 6000 } }],
  [2048, 'web', 10_000, { network: { capMbps: 4000 }, host: { passStartMs: 0 } }],
];

function scenarioFor([memoryMiB, preset, linkMbps, extra = {}]: Case) {
  const input: ScenarioInput = {
    ...extra,
    vm: { memoryMiB, usedMiB: memoryMiB / 2, ...extra.vm },
    network: { ...extra.network, linkMbps },
  };
  return applyPreset(scenarioOrThrow(input), preset);
}

describe('the flow-level model is calibrated against the page engine', () => {
  it.each(CASES.map((c) => [`${c[0]} MiB ${c[1]} at ${c[2]} Mbit/s ${JSON.stringify(c[3] ?? {})}`, c] as const))(
    '%s',
    (_name, c) => {
      const scenario = scenarioFor(c);
      const page = runScenario(scenario).summary;
      const flow = runFlowAlone(flowParams(scenario));
      expect(flow.outcome).toBe(page.outcome);
      expect(flow.stopReason).toBe(page.stopReason);
      expect(Math.abs(flow.iterations - page.iterations)).toBeLessThanOrEqual(ROUNDS);
      expect(Math.abs(flow.totalTimeMs / page.totalTimeMs - 1)).toBeLessThanOrEqual(TIME_AND_BYTES);
      expect(Math.abs(flow.bytesTransferred / page.bytesTransferred - 1)).toBeLessThanOrEqual(TIME_AND_BYTES);
      expect(Math.abs(flow.downtimeMs - page.downtimeMs)).toBeLessThanOrEqual(
        Math.max(DOWNTIME_MS, DOWNTIME_SHARE * page.downtimeMs),
      );
    },
  );

  it('matches the textbook closed form of section 4.1 (G4) when the whole working set is rewritten uniformly', () => {
    // A 4 GiB VM of non-zero pages over a 1 Gbit/s link, dirtying 25 MB/s of distinct pages over all of
    // memory (a uniform writer far from saturation): rounds of M, M rho, M rho^2 ... with rho = 0.2.
    const scenario = scenarioOrThrow({
      vm: { memoryMiB: 4096, usedMiB: 4096, deviceStateKiB: 0 },
      workload: { pattern: 'uniform', wssMiB: 4096, writeRateMiBps: 25e6 / 1048576 },
      host: { allocateMs: 0, validateMs: 0, switchoverMs: 0 },
      network: { rttMs: 0 },
    });
    const flow = runFlowAlone(flowParams(scenario));
    const B = 125e6;
    const M = 4096 * 1048576 * (4104 / 4096);
    // sum of a geometric series of about 4 terms: 42.9 s and 5.36 GB, within the saturation of uniform writes
    expect(flow.converged).toBe(true);
    expect(flow.totalTimeMs / 1000).toBeGreaterThan((((M / B) * (1 - 0.2 ** 4)) / 0.8) * 0.97);
    expect(flow.totalTimeMs / 1000).toBeLessThan((((M / B) * (1 - 0.2 ** 4)) / 0.8) * 1.01);
    expect(flow.downtimeMs).toBeLessThanOrEqual(300);
  });
});
