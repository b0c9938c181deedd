import type { ScenarioInput } from '../src/engine/scenario/schema';

/** What a bench scenario must reach (issue 15): median wall time over its repeats, and peak memory. */
export interface BenchTarget {
  medianMs: number;
  peakRssMiB?: number;
  repeats: number;
}

/** The scenarios `npm run bench` measures, with the targets from issue 15. */
export const BENCH_SCENARIOS: Record<string, { scenario: ScenarioInput; target: BenchTarget }> = {
  default: { scenario: {}, target: { medianMs: 10, repeats: 15 } },
  '64GiB': {
    scenario: {
      vm: { memoryMiB: 65_536, usedMiB: 32_768 },
      workload: { pattern: 'hotcold', writeRateMiBps: 120, wssMiB: 4096 },
      network: { linkMbps: 10_000 },
    },
    target: { medianMs: 100, repeats: 5 },
  },
  '1TiB': {
    scenario: {
      vm: { memoryMiB: 1_048_576, usedMiB: 524_288 },
      workload: { pattern: 'hotcold', writeRateMiBps: 200, wssMiB: 16_384 },
      network: { linkMbps: 10_000 },
    },
    target: { medianMs: 1000, peakRssMiB: 512, repeats: 3 },
  },
};
