import { runEndMs } from '../engine';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FitOverrides, FitResult, QmpRecord } from '../engine';
import type { EngineService } from './engineService';
import type { OpenedFile } from './openFile';
import type { RunId } from './runs';
import * as t from './transitions';
import type { WorkspaceStore } from './workspace';

/** What the replay view shows besides the run itself: where it came from, and the fit to a QEMU record. */

export interface OpenedRun {
  runId: RunId;
  /** The file's name as the user picked it. */
  name: string;
  kind: 'trace' | 'qmp';
  /** A QEMU transcript's record (what a fit needs); null for a saved trace. */
  record: QmpRecord | null;
  /** Said about the file once opened (an older format read as the current one). */
  note: string | null;
}

export type FitState =
  | { status: 'idle' }
  | { status: 'fitting'; overrides: FitOverrides; fraction: number }
  | { status: 'done'; overrides: FitOverrides; result: FitResult }
  | { status: 'failed'; overrides: FitOverrides; message: string };

export interface OpenFileState {
  opened: OpenedRun | null;
  fit: FitState;
}

export type OpenFileStore = StoreApi<OpenFileState>;

/** One per workspace, made on first use (each workspace instance has its own). */
const stores = new WeakMap<WorkspaceStore, OpenFileStore>();
const fitJobs = new WeakMap<WorkspaceStore, { cancel(): void }>();

export function openFileStoreOf(workspace: WorkspaceStore): OpenFileStore {
  let store = stores.get(workspace);
  if (!store) {
    store = createStore<OpenFileState>()(() => ({ opened: null, fit: { status: 'idle' } }));
    stores.set(workspace, store);
  }
  return store;
}

/**
 * An opened file becomes a finished run of the workspace (owner 'file'; the one opened before it goes),
 * and the replay view shows it with the playhead at its end.
 */
export function openRun(workspace: WorkspaceStore, file: Extract<OpenedFile, { kind: 'trace' | 'qmp' }>): RunId {
  cancelFit(workspace);
  const ws = workspace.getState();
  const runs = Object.fromEntries(Object.entries(ws.runs).filter(([, r]) => r.owner !== 'file'));
  workspace.setState({ runs });
  const label = file.kind === 'qmp' ? `QEMU record: ${file.name}` : `Saved run: ${file.name}`;
  const id = workspace.getState().addRun(file.trace.scenario, 'file', label);
  workspace.getState().runDone(id, file.trace, 0);
  openFileStoreOf(workspace).setState({
    opened: {
      runId: id,
      name: file.name,
      kind: file.kind,
      record: file.kind === 'qmp' ? file.record : null,
      note: file.note,
    },
    fit: { status: 'idle' },
  });
  workspace.getState().apply(t.openView('replay'));
  const { playhead } = workspace.getState();
  workspace.setState({ playhead: { ...playhead, playing: false, tMs: runEndMs(file.trace.summary) } });
  return id;
}

/** A trace too old to show as saved: its scenario goes to the lab and runs again, with a notice saying why. */
export function openOldTrace(workspace: WorkspaceStore, file: Extract<OpenedFile, { kind: 'old-trace' }>): void {
  const ws = workspace.getState();
  ws.loadScenario(file.scenario);
  ws.apply(t.openView('lab'));
  ws.notify({ tone: 'info', title: `Opened the scenario of ${file.name}`, lines: [file.note] });
}

export function cancelFit(workspace: WorkspaceStore): void {
  fitJobs.get(workspace)?.cancel();
  fitJobs.delete(workspace);
}

/**
 * Fits the simulator to the opened record on the engine pool (the user's overrides win over what the
 * record tells); a newer fit cancels the one before it.
 */
export function startFit(workspace: WorkspaceStore, pool: EngineService, overrides: FitOverrides): void {
  const store = openFileStoreOf(workspace);
  const record = store.getState().opened?.record;
  if (!record) return;
  cancelFit(workspace);
  store.setState({ fit: { status: 'fitting', overrides, fraction: 0 } });
  const job = pool.submit(
    'fit',
    { record, overrides },
    {
      priority: 'interactive',
      onProgress: (p) => {
        const fit = store.getState().fit;
        if (fit.status === 'fitting' && fit.overrides === overrides)
          store.setState({ fit: { ...fit, fraction: p.fraction } });
      },
    },
  );
  fitJobs.set(workspace, job);
  void job.result.then((outcome) => {
    if (fitJobs.get(workspace) !== job) return;
    fitJobs.delete(workspace);
    if (outcome.status === 'done') store.setState({ fit: { status: 'done', overrides, result: outcome.value } });
    else if (outcome.status === 'failed')
      store.setState({ fit: { status: 'failed', overrides, message: outcome.message } });
    else store.setState({ fit: { status: 'idle' } });
  });
}
