import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Scenario, Trace } from '../../src/engine';
import { DEFAULT_SCENARIO } from '../../src/state/defaultScenario';
import type { EngineService } from '../../src/state/engineService';
import { newRun } from '../../src/state/runs';
import { WorkspaceContext } from '../../src/state/WorkspaceContext';
import { createWorkspaceStore, type WorkspaceStore } from '../../src/state/workspace';
import { useLabView, type LabView } from '../../src/ui/lab/useLabView';
import { fakePool } from './fakeEngine';

/** The lab's current run finishes with `trace`: it is shown, and the playhead goes to `tMs` (or the end). */
export function showTrace(store: WorkspaceStore, trace: Trace, tMs = trace.summary.totalTimeMs): void {
  const id = store.getState().startLabRun();
  store.getState().runStarted(id);
  store.getState().runDone(id, trace, 1);
  store.setState({ playhead: { ...store.getState().playhead, tMs } });
}

/** `trace` becomes the baseline (the ghost) under the shown run. */
export function setBaseline(store: WorkspaceStore, trace: Trace | null): void {
  if (!trace) return store.setState({ baselineRunId: null });
  const id = store.getState().addRun(trace.scenario, 'lab', 'Lab');
  const run = { ...newRun(id, trace.scenario, 'lab', 'Lab'), status: 'done' as const, trace };
  store.setState({ runs: { ...store.getState().runs, [id]: run }, baselineRunId: id });
}

function WithLabView({ render: draw }: { render: (view: LabView) => ReactElement }) {
  return draw(useLabView());
}

/**
 * Renders a panel inside a workspace whose lab shows `trace` (and optionally a scenario and playhead).
 * Panels that take the runs they draw get them from a function of the lab's view, re-rendered as it
 * changes: `renderInLab((v) => <TimelinePanel {...v} />, { trace })`.
 */
export function renderInLab(
  ui: ReactElement | ((view: LabView) => ReactElement),
  opts: { trace?: Trace; scenario?: Scenario; tMs?: number; pool?: EngineService } = {},
): { store: WorkspaceStore } & ReturnType<typeof render> {
  const store = createWorkspaceStore(opts.scenario ?? opts.trace?.scenario ?? DEFAULT_SCENARIO);
  if (opts.trace) showTrace(store, opts.trace, opts.tMs);
  const result = render(
    <WorkspaceContext.Provider
      value={{ store, runner: null, pool: opts.pool ?? fakePool({ spectrum: async () => [] }) }}
    >
      {typeof ui === 'function' ? <WithLabView render={ui} /> : ui}
    </WorkspaceContext.Provider>,
  );
  return { store, ...result };
}

/** Moves the shared playhead. */
export const seekTo = (store: WorkspaceStore, tMs: number) =>
  store.setState({ playhead: { ...store.getState().playhead, tMs } });
