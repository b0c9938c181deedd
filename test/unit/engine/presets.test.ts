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

  it('the default scenario is the Web server preset the picker shows, at every memory size', () => {
    expect(start.workload.preset).toBe('web');
    for (const memoryMiB of [64, 100, 1024, 4096, 65_536]) {
      const left = scenarioOrThrow({ vm: { memoryMiB } });
      expect(applyPreset(left, 'web'), `${memoryMiB} MiB`).toEqual(left);
    }
  });

  it('Web server after In-memory cache runs like Web server picked first (18.0 s, not 26.5 s: it kept 3 GiB of used memory)', () => {
    const direct = runScenario(applyPreset(start, 'web'));
    const afterCache = runScenario(applyPreset(applyPreset(start, 'cache'), 'web'));
    expect(afterCache.scenario.vm.usedMiB).toBe(direct.scenario.vm.usedMiB);
    expect(afterCache.summary.totalTimeMs).toBe(direct.summary.totalTimeMs);
    expect(direct.summary.totalTimeMs / 1000).toBeCloseTo(18.0, 1);
  });
});
