// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyPreset } from '../../../src/engine/scenario/presets';
import { WORKLOAD_PRESETS, type WorkloadPreset } from '../../../src/engine/scenario/schema';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { runScenario } from '../../../src/engine/run';

const presets = WORKLOAD_PRESETS.filter((p): p is Exclude<WorkloadPreset, 'custom'> => p !== 'custom');

describe('a preset sets every field it owns', () => {
  const start = scenarioOrThrow({});

  it('the result never depends on the preset picked before it', () => {
    for (const before of presets)
      for (const after of presets) {
        const direct = applyPreset(start, after);
        const viaOther = applyPreset(applyPreset(start, before), after);
        expect(viaOther, `${before} then ${after}`).toEqual(direct);
      }
  });

  it('Web server after In-memory cache runs like Web server picked first (it kept 3 GiB of used memory)', () => {
    const direct = runScenario(applyPreset(start, 'web'));
    const afterCache = runScenario(applyPreset(applyPreset(start, 'cache'), 'web'));
    expect(afterCache.scenario.vm.usedMiB).toBe(direct.scenario.vm.usedMiB);
    expect(afterCache.summary.totalTimeMs).toBe(direct.summary.totalTimeMs);
  });
});
