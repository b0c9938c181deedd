import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { scenarioFields } from '../../../src/engine/scenario/fields';
import { allowedAt, scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { FIELDS, fieldDef, fieldRange, isLiveField } from '../../../src/state/fields';
import { getPath } from '../../../src/state/paths';
import { createWorkspaceStore } from '../../../src/state/workspace';
import { WorkspaceContext } from '../../../src/state/WorkspaceContext';
import { ControlsPanel } from '../../../src/ui/controls/ControlsPanel';
import { Header } from '../../../src/ui/Header';
import { LifecyclePanel } from '../../../src/ui/lifecycle/LifecyclePanel';
import { SpectrumPanel } from '../../../src/ui/spectrum/SpectrumPanel';
import { VariantsControls } from '../../../src/ui/variants/VariantsControls';
import { fakePool } from '../../support/fakeEngine';
import { showTrace } from '../../support/renderLab';

const SCHEMA_PATHS = new Set(scenarioFields().map((f) => f.path));

/** Every panel that sets scenario fields, in one workspace whose run has a device that cannot move live. */
function renderEveryFieldPanel() {
  const scenario = scenarioOrThrow({ vm: { memoryMiB: 512, usedMiB: 256 }, devices: { passthroughGpu: true } });
  const store = createWorkspaceStore(scenario);
  showTrace(store, runScenario(scenario));
  const run = store.getState().runs[store.getState().shownRunId!];
  return render(
    <WorkspaceContext.Provider value={{ store, runner: null, pool: fakePool({ spectrum: async () => [] }) }}>
      <Header />
      <ControlsPanel />
      <SpectrumPanel />
      <LifecyclePanel run={run} stale={null} />
      <VariantsControls />
    </WorkspaceContext.Provider>,
  );
}

describe('the field registry', () => {
  it('names only real fields of the scenario format, each once', () => {
    const paths = FIELDS.map((f) => f.path);
    expect(paths.filter((p) => !SCHEMA_PATHS.has(p))).toEqual([]);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('every schema field the UI shows has a registry entry, and every entry is shown', () => {
    const { container } = renderEveryFieldPanel();
    const shown = [...container.querySelectorAll<HTMLElement>('[data-field]')].map((e) => e.dataset.field!);
    expect(shown.filter((p) => !fieldDef(p))).toEqual([]);
    expect(FIELDS.map((f) => f.path).filter((p) => !shown.includes(p))).toEqual([]);
    // No control that sets the scenario sits outside a registered field.
    const controls = [...container.querySelectorAll('input, select, [role="radiogroup"], .choices button')];
    const stray = controls.filter((c) => !c.closest('[data-field]')).map((c) => c.outerHTML.slice(0, 80));
    expect(stray).toEqual([]);
    expect(screen.getByRole('slider', { name: 'Link bandwidth' }).closest('[data-field]')).toHaveAttribute(
      'data-field',
      'network.linkMbps',
    );
  });

  it('takes ranges and units from the schema, and keeps every slider step inside the range', () => {
    expect(fieldRange('network.linkMbps')).toEqual({ min: 1, max: 400_000, integer: false });
    expect(fieldRange('vm.memoryMiB')).toEqual({ min: 64, max: 1_048_576, integer: true });
    expect(fieldRange('strategy')).toBeNull();
    const huge = scenarioOrThrow({ vm: { memoryMiB: 1_048_576 } });
    for (const def of FIELDS)
      if (def.control === 'slider') {
        const range = fieldRange(def.path)!;
        for (const s of [DEFAULT_SCENARIO, huge]) {
          const steps = def.steps(s);
          expect(
            steps.every((v) => v >= range.min && v <= range.max),
            def.path,
          ).toBe(true);
          expect(
            steps.every((v, i) => i === 0 || v > steps[i - 1]),
            def.path,
          ).toBe(true);
          if (range.integer) expect(steps.every(Number.isInteger), def.path).toBe(true);
        }
      }
  });

  it("a choice offers exactly the schema's values", () => {
    for (const def of FIELDS)
      if (def.control === 'choice') {
        const allowed = allowedAt(def.path.split('.'))
          .replace(/^one of /, '')
          .split(', ');
        expect(def.options.map((o) => o.value).sort(), def.path).toEqual([...allowed].sort());
      }
  });

  it('knows which fields may change mid-run', () => {
    expect(isLiveField('network.capMbps')).toBe(true);
    expect(isLiveField('vm.memoryMiB')).toBe(false);
  });

  it('a switch with its own mapping reads and writes what it stands for', () => {
    const room = fieldDef('destination.freeMemoryMiB');
    if (room?.control !== 'toggle' || !room.read || !room.write) throw new Error('expected a mapped switch');
    expect(room.read(DEFAULT_SCENARIO)).toBe(true);
    const off = room.write(false, DEFAULT_SCENARIO);
    expect(off.map((c) => c.path)).toEqual(['destination.freeMemoryMiB', 'destination.freeVcpus']);
    const store = createWorkspaceStore();
    store.getState().changeFields(off);
    expect(room.read(store.getState().scenario)).toBe(false);
    expect(getPath(store.getState().scenario, 'destination.freeMemoryMiB')).toBe(2048);
  });

  it('types field changes by path', () => {
    const store = createWorkspaceStore();
    // @ts-expect-error a link speed is a number
    expect(() => store.getState().changeField('network.linkMbps', 'fast')).toThrow(/network\.linkMbps/);
    // @ts-expect-error not a field of the scenario
    expect(() => store.getState().changeField('network.speed', 1)).toThrow();
    store.getState().changeField('precopy.stopRule', 'xen');
    expect(store.getState().scenario.precopy.stopRule).toBe('xen');
  });
});
