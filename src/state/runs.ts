import type { Scenario, Trace } from '../engine';
import type { JobProgress } from '../worker/types';

export type RunId = number;
export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * Who made a run, and so who decides when it may go: the lab's runs go once nothing shows them; a
 * comparison's go when it drops them; a run opened from a file ('file') goes when another file is opened.
 */
export type RunOwner = 'lab' | 'compare' | 'file';

/** One simulation as a value: what was asked, how far it got, and what came out. */
export interface Run {
  id: RunId;
  owner: RunOwner;
  label: string;
  scenario: Scenario;
  status: RunStatus;
  progress: JobProgress;
  /** Set once the run is done. */
  trace: Trace | null;
  /** Why it failed. */
  error: string | null;
  /** Wall time the engine took. */
  wallMs: number | null;
}

/** Why what the lab draws is not the result of the scenario on screen (null: it is). */
export type Staleness = 'running' | 'cancelled' | 'failed';

/** The part of the workspace these helpers read. */
export interface RunsState {
  runs: Readonly<Record<RunId, Run>>;
  labRunId: RunId | null;
  shownRunId: RunId | null;
  baselineRunId: RunId | null;
  gesture: { baselineRunId: RunId | null } | null;
}

export function newRun(id: RunId, scenario: Scenario, owner: RunOwner, label: string): Run {
  return {
    id,
    owner,
    label,
    scenario,
    status: 'queued',
    progress: { fraction: 0, simulatedMs: 0 },
    trace: null,
    error: null,
    wallMs: null,
  };
}

/** A copy of the runs with one changed (unknown ids leave them as they are). */
export function patchRun(runs: RunsState['runs'], id: RunId, patch: Partial<Run>): RunsState['runs'] {
  const run = runs[id];
  return run ? { ...runs, [id]: { ...run, ...patch } } : runs;
}

/**
 * The lab's runs nothing needs any more: settled, and neither the lab's current run, the one it shows,
 * the baseline, nor the baseline a gesture in progress would pin. Runs still going are kept (their result
 * may yet be shown). Runs of other owners are theirs to remove.
 */
export function pruneLabRuns(s: RunsState): RunsState['runs'] {
  const keep = new Set([s.labRunId, s.shownRunId, s.baselineRunId, s.gesture?.baselineRunId ?? null]);
  let changed = false;
  const out: Record<RunId, Run> = {};
  for (const run of Object.values(s.runs)) {
    const settled = run.status !== 'queued' && run.status !== 'running';
    if (run.owner === 'lab' && settled && !keep.has(run.id)) changed = true;
    else out[run.id] = run;
  }
  return changed ? out : s.runs;
}

/** The run the lab draws (its newest finished one), if any. */
export const shownRun = (s: RunsState): Run | null => (s.shownRunId === null ? null : (s.runs[s.shownRunId] ?? null));

/** The run opened from a file (a saved trace or a replayed QEMU record), if any. */
export function fileRun(s: RunsState): Run | null {
  let newest: Run | null = null;
  for (const run of Object.values(s.runs)) if (run.owner === 'file' && (!newest || run.id > newest.id)) newest = run;
  return newest;
}

/** The run the shared playhead plays: the opened file's in the replay view, else the lab's shown run. */
export const playedRun = (s: RunsState & { view: string }): Run | null =>
  s.view === 'replay' ? fileRun(s) : shownRun(s);

/** The baseline (the ghost drawn under the shown run), if any and if it is not the shown run itself. */
export const baselineRun = (s: RunsState): Run | null =>
  s.baselineRunId === null || s.baselineRunId === s.shownRunId ? null : (s.runs[s.baselineRunId] ?? null);

/** The run of the scenario on screen: queued, running, or settled. */
export const labRun = (s: RunsState): Run | null => (s.labRunId === null ? null : (s.runs[s.labRunId] ?? null));

/** Why the lab's drawing is not the scenario on screen's result, or null when it is (or nothing is drawn). */
export function labStaleness(s: RunsState): Staleness | null {
  if (s.shownRunId === null || s.labRunId === s.shownRunId) return null;
  const status = labRun(s)?.status;
  if (status === 'failed') return 'failed';
  if (status === 'cancelled') return 'cancelled';
  return 'running';
}

/** Where the lab's run stands, for the header: its result is on screen, on its way, or it did not come. */
export type LabState = 'ready' | 'running' | 'cancelled' | 'failed';

export function labState(s: RunsState): LabState {
  const run = labRun(s);
  if (!run || s.labRunId === s.shownRunId) return 'ready';
  if (run.status === 'failed') return 'failed';
  if (run.status === 'cancelled') return 'cancelled';
  return 'running';
}
