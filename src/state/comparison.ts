import type { Scenario, Trace } from '../engine';
import { newRun, type Run, type RunId } from './runs';
import type { WorkspaceState, WorkspaceStore } from './workspace';

/** A comparison holds this many runs at most: four timelines still fit one screen. */
export const MAX_COMPARED = 4;

/** One run in the comparison, under the name the user sees (and may change). */
export interface ComparedRun {
  runId: RunId;
  label: string;
}

export interface ComparisonState {
  entries: readonly ComparedRun[];
  /** The run being edited in the lab: "Done" puts the lab's scenario in its place. */
  editing: RunId | null;
}

export const EMPTY_COMPARISON: ComparisonState = { entries: [], editing: null };

/** What a comparison is made of, before it has runs: a name and a scenario each. */
export interface ComparisonItem {
  label: string;
  scenario: Scenario;
}

/** The comparison's runs in order, each with its name. */
export function comparedRuns(s: Pick<WorkspaceState, 'comparison' | 'runs'>): { label: string; run: Run }[] {
  return s.comparison.entries.flatMap((e) => (s.runs[e.runId] ? [{ label: e.label, run: s.runs[e.runId] }] : []));
}

export const comparisonItems = (s: Pick<WorkspaceState, 'comparison' | 'runs'>): ComparisonItem[] =>
  comparedRuns(s).map(({ label, run }) => ({ label, scenario: run.scenario }));

/**
 * A run of the comparison. A finished trace of the same scenario is taken as it is (the engine is
 * deterministic, so running it again would give the same numbers); otherwise the run is queued for the
 * comparison's runner.
 */
function compareRun(store: WorkspaceStore, item: ComparisonItem, trace: Trace | null): RunId {
  const id = store.getState().addRun(item.scenario, 'compare', item.label);
  if (trace) store.getState().runDone(id, trace, 0);
  return id;
}

const withoutRuns = (runs: WorkspaceState['runs'], ids: readonly RunId[]) => {
  const out = { ...runs };
  for (const id of ids) delete out[id];
  return out;
};

/**
 * Adds a run; false (and a notice) when the comparison is full. `trace` is a finished result of the same
 * scenario, when there is one.
 */
export function addToComparison(store: WorkspaceStore, item: ComparisonItem, trace: Trace | null = null): boolean {
  const { comparison, notify } = store.getState();
  if (comparison.entries.length >= MAX_COMPARED) {
    notify({
      tone: 'info',
      title: 'The comparison is full',
      lines: [`A comparison holds up to ${MAX_COMPARED} runs: remove one in the Compare view to add another.`],
    });
    return false;
  }
  const runId = compareRun(store, item, trace);
  const s = store.getState();
  store.setState({ comparison: { ...s.comparison, entries: [...s.comparison.entries, { runId, label: item.label }] } });
  return true;
}

/** Replaces the whole comparison (a classic comparison, a shared link); items past the fourth are dropped. */
export function setComparison(store: WorkspaceStore, items: readonly ComparisonItem[]): void {
  const old = store.getState().comparison.entries.map((e) => e.runId);
  const entries = items
    .slice(0, MAX_COMPARED)
    .map((item) => ({ runId: compareRun(store, item, null), label: item.label }));
  const s = store.getState();
  store.setState({ runs: withoutRuns(s.runs, old), comparison: { entries, editing: null } });
}

export function renameCompared(store: WorkspaceStore, runId: RunId, label: string): void {
  const s = store.getState();
  const entries = s.comparison.entries.map((e) => (e.runId === runId ? { ...e, label } : e));
  store.setState({ comparison: { ...s.comparison, entries } });
}

/** A copy right after the original, with the same result (same scenario, same numbers). */
export function duplicateCompared(store: WorkspaceStore, runId: RunId): boolean {
  const s = store.getState();
  const index = s.comparison.entries.findIndex((e) => e.runId === runId);
  const run = s.runs[runId];
  if (index < 0 || !run) return false;
  const label = `${s.comparison.entries[index].label} (copy)`;
  if (!addToComparison(store, { label, scenario: run.scenario }, run.status === 'done' ? run.trace : null))
    return false;
  const after = store.getState().comparison;
  const added = after.entries[after.entries.length - 1];
  const entries = [...after.entries.slice(0, index + 1), added, ...after.entries.slice(index + 1, -1)];
  store.setState({ comparison: { ...after, entries } });
  return true;
}

export function removeCompared(store: WorkspaceStore, runId: RunId): void {
  const s = store.getState();
  store.setState({
    runs: withoutRuns(s.runs, [runId]),
    comparison: {
      entries: s.comparison.entries.filter((e) => e.runId !== runId),
      editing: s.comparison.editing === runId ? null : s.comparison.editing,
    },
  });
}

/** Runs a run that failed or was cancelled again, in place. */
export function rerunCompared(store: WorkspaceStore, runId: RunId): void {
  const s = store.getState();
  const run = s.runs[runId];
  if (!run || run.status === 'done' || run.status === 'running') return;
  store.setState({ runs: { ...s.runs, [runId]: newRun(runId, run.scenario, 'compare', run.label) } });
}

/** Opens a compared run's scenario in the lab, to change it there and come back with "Done". */
export function editInLab(store: WorkspaceStore, runId: RunId): void {
  const s = store.getState();
  const run = s.runs[runId];
  if (!run) return;
  s.loadScenario(run.scenario);
  store.setState({ comparison: { ...store.getState().comparison, editing: runId }, view: 'lab' });
}

/**
 * Back from the lab to the comparison: with `keep`, the run edited is replaced by the lab's scenario (and
 * the lab's result of it, when it is already on screen); without, it stays as it was.
 */
export function finishEditing(store: WorkspaceStore, keep: boolean): void {
  const s = store.getState();
  const editing = s.comparison.editing;
  const entry = s.comparison.entries.find((e) => e.runId === editing);
  if (!entry) return store.setState({ comparison: { ...s.comparison, editing: null }, view: 'compare' });
  if (!keep || s.runs[entry.runId]?.scenario === s.scenario)
    return store.setState({ comparison: { ...s.comparison, editing: null }, view: 'compare' });
  const lab = s.labRunId !== null ? s.runs[s.labRunId] : undefined;
  const trace = lab?.status === 'done' && lab.scenario === s.scenario ? lab.trace : null;
  const runId = compareRun(store, { label: entry.label, scenario: s.scenario }, trace);
  const after = store.getState();
  store.setState({
    runs: withoutRuns(after.runs, [entry.runId]),
    comparison: {
      entries: after.comparison.entries.map((e) => (e.runId === entry.runId ? { ...e, runId } : e)),
      editing: null,
    },
    view: 'compare',
  });
}
