import type { ScenarioInput } from '../src/engine/scenario/schema';

/** The scenarios `npm run bench` measures, with the targets from the engine issue. */
export const BENCH_SCENARIOS: Record<string, { scenario: ScenarioInput; target: string }> = {
  default: { scenario: {}, target: 'under 50 ms' },
  '64GiB': {
    scenario: {
      vm: { memoryMiB: 65_536, usedMiB: 32_768 },
      workload: { pattern: 'hotcold', writeRateMiBps: 120, wssMiB: 4096 },
      network: { linkMbps: 10_000 },
    },
    target: 'under 1 s',
  },
  '1TiB': {
    scenario: {
      vm: { memoryMiB: 1_048_576, usedMiB: 524_288 },
      workload: { pattern: 'hotcold', writeRateMiBps: 200, wssMiB: 16_384 },
      network: { linkMbps: 10_000 },
    },
    target: 'completes within 1.5 GiB of memory',
  },
};
