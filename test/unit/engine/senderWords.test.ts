// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MigrationRun } from '../../../src/engine/run';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';

/**
 * The sender takes whole words of 32 never-written (or all written) pages at once, except when each page
 * must be looked at (the per-page audit, a confidential VM's hooks). With the audit on it goes page by
 * page, so the two runs must agree on every figure, round and frame.
 */
const SCENARIOS: Record<string, ScenarioInput> = {
  default: { vm: { memoryMiB: 512 } },
  'tight budget, uniform writes': {
    vm: { memoryMiB: 256 },
    workload: { pattern: 'uniform', writeRateMiBps: 600, wssMiB: 128 },
    network: { capMbps: 700 },
  },
  'xbzrle (whole words only for zero pages)': { vm: { memoryMiB: 256 }, precopy: { xbzrle: true } },
  'tracking since boot, odd page count': { vm: { memoryMiB: 66, pageKiB: 2048 }, precopy: { trackFromBoot: true } },
  'free-page hints': { vm: { memoryMiB: 512, freeMiB: 100 }, precopy: { freePageHinting: true } },
  'post-copy': { strategy: 'postcopy', vm: { memoryMiB: 256 } },
  'a zoomed heatmap whose last cell is cut short': {
    vm: { memoryMiB: 256 },
    output: { heatmapFromPage: 1000, heatmapPages: 5017, heatmapCells: 256 },
  },
  'stop-and-copy': { strategy: 'stopcopy', vm: { memoryMiB: 256 } },
};

const figures = (scenario: ScenarioInput, audit: boolean) => {
  const t = new MigrationRun(scenario, { audit }).runToEnd();
  return { summary: t.summary, rounds: t.rounds, events: t.events, frames: Array.from(t.heatmap.data) };
};

describe('the sender’s whole-word path', () => {
  for (const [name, scenario] of Object.entries(SCENARIOS))
    it(`sends what the page-by-page path sends: ${name}`, () => {
      const fast = figures(scenario, false);
      const byPage = figures(scenario, true);
      expect(fast.summary.normalPages + fast.summary.zeroPages).toBeGreaterThan(0);
      expect(fast).toEqual(byPage);
    });
});
