import { applyPreset, scenarioOrThrow, type Scenario } from '../engine';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A link that names a workload preset gets that preset's figures for every workload field it does not
 * give itself (a hand-edited `workload.preset=oltp` is the OLTP workload, not the default's figures under
 * OLTP's name). Where the link gives a figure of its own that differs from the preset's, the workload is
 * custom, as it would be after the same edit in the lab: the picker never names figures that are not shown.
 */
export function withLinkPreset(scenario: Scenario, input: Record<string, unknown>): Scenario {
  const preset = scenario.workload.preset;
  if (preset === 'custom') return scenario;
  const given = (input.workload ?? {}) as Record<string, unknown>;
  const usedGiven = (input.vm as Record<string, unknown> | undefined)?.usedMiB !== undefined;
  const base = applyPreset(scenario, preset);
  const workload: Record<string, unknown> = { ...base.workload };
  for (const key of Object.keys(given))
    if (key !== 'preset') workload[key] = (scenario.workload as unknown as Record<string, unknown>)[key];
  const usedMiB = usedGiven ? scenario.vm.usedMiB : base.vm.usedMiB;
  const differs = !same(workload, base.workload) || usedMiB !== base.vm.usedMiB;
  const merged = {
    ...base,
    vm: { ...base.vm, usedMiB, freeMiB: Math.min(base.vm.freeMiB, usedMiB) },
    workload: { ...workload, preset: differs ? 'custom' : preset },
  } as Scenario;
  try {
    return scenarioOrThrow(merged);
  } catch {
    // The link's own figures do not fit the preset's (a working set over the used memory): keep them as given.
    return { ...scenario, workload: { ...scenario.workload, preset: 'custom' } };
  }
}
