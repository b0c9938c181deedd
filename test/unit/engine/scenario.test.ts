// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyPreset, WORKLOAD_PRESET_DEFINITIONS } from '../../../src/engine/scenario/presets';
import { WORKLOAD_PRESETS, type WorkloadPreset } from '../../../src/engine/scenario/schema';
import { setField } from '../../../src/engine/scenario/setField';
import { parseScenario, scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { runScenario } from '../../../src/engine/run';

describe('scenario validation', () => {
  it('fills every default from an empty object', () => {
    const r = parseScenario({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.vm.memoryMiB).toBe(4096);
    expect(r.scenario.network.linkMbps).toBe(1000);
    expect(r.scenario.precopy.downtimeLimitMs).toBe(300);
    expect(r.scenario.strategy).toBe('precopy');
  });

  it('names each bad field, its value and the allowed range', () => {
    const r = parseScenario({ vm: { memoryMiB: 0 }, network: { linkMbps: -5 }, strategy: 'teleport' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p]));
    expect(byField['vm.memoryMiB'].message).toBe(
      'vm.memoryMiB: 0 is not allowed; allowed: a whole number 64 to 1048576 MiB',
    );
    expect(byField['network.linkMbps'].message).toContain('-5');
    expect(byField['network.linkMbps'].allowed).toBe('1 to 400000 Mbit/s');
    expect(byField.strategy.allowed).toBe('one of precopy, postcopy, hybrid, stopcopy');
  });

  it('reports fields that do not exist, and rules between fields, together', () => {
    const r = parseScenario({ vm: { memoryMiB: 1024, usedMiB: 2048, memoryMB: 3 }, workload: { wssMiB: 5000 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.problems.map((p) => p.field).sort();
    expect(fields).toEqual(['vm.memoryMB', 'vm.usedMiB', 'workload.wssMiB']);
    expect(r.problems.find((p) => p.field === 'vm.usedMiB')!.message).toContain('0 to 1024 MiB');
  });

  it('rejects interventions whose value does not fit the parameter', () => {
    const r = parseScenario({ interventions: [{ atMs: 10, path: 'network.capMbps', value: 'fast' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].field).toBe('interventions.0.value');
  });

  it('setField converts text by the field type and refuses what does not fit', () => {
    const target: Record<string, unknown> = {};
    expect(setField(target, 'network.linkMbps', '10000')).toBeNull();
    expect(setField(target, 'precopy.autoConverge', 'true')).toBeNull();
    expect(setField(target, 'vm.pageKiB', '2048')).toBeNull();
    expect(setField(target, 'network.capScheduleMbps', '[100,200]')).toBeNull();
    expect(target).toEqual({
      network: { linkMbps: 10000, capScheduleMbps: [100, 200] },
      precopy: { autoConverge: true },
      vm: { pageKiB: 2048 },
    });
    expect(setField(target, 'network.linkMbps', 'fast')).toMatch(/^network.linkMbps: "fast" is not a number/);
    expect(setField(target, 'network.nope', '1')).toBe('network.nope: not a field of the scenario format');
  });
});

describe('workload presets', () => {
  const presets = WORKLOAD_PRESETS.filter((p): p is Exclude<WorkloadPreset, 'custom'> => p !== 'custom');

  it.each(presets)('%s gives a valid scenario on small and huge VMs', (preset) => {
    for (const memoryMiB of [64, 4096, 1_048_576]) {
      const scenario = applyPreset(scenarioOrThrow({ vm: { memoryMiB, usedMiB: memoryMiB / 4 } }), preset);
      expect(parseScenario(scenario).ok).toBe(true);
      expect(scenario.workload.preset).toBe(preset);
      expect(scenario.workload.wssMiB).toBeLessThanOrEqual(memoryMiB);
      expect(scenario.vm.usedMiB).toBeGreaterThanOrEqual(scenario.workload.wssMiB);
    }
    expect(WORKLOAD_PRESET_DEFINITIONS[preset].summary.length).toBeGreaterThan(20);
  });

  it('orders the presets by how hard they make pre-copy work on the default VM', () => {
    const bytes = (preset: Exclude<WorkloadPreset, 'custom'>) =>
      runScenario(applyPreset(scenarioOrThrow({ precopy: { maxIterations: 30 } }), preset)).summary;
    const idle = bytes('idle');
    const stress = bytes('memory-stress');
    expect(idle.converged).toBe(true);
    expect(idle.iterations).toBeLessThanOrEqual(3);
    expect(stress.converged).toBe(false);
    expect(stress.bytesTransferred).toBeGreaterThan(3 * idle.bytesTransferred);
  });
});
