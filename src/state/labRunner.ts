import type { Trace } from '../engine';
import type { JobHandle } from '../worker/pool';
import type { JobOutcome } from '../worker/types';
import type { EngineService } from './engineService';
import type { RunId } from './runs';
import type { WorkspaceStore } from './workspace';

export interface LabRunner {
  /** Stops the lab's run in progress (the Cancel button); the last finished result stays on screen. */
  cancel(): void;
  /** Runs the scenario on screen again (the Retry button after a failure). */
  retry(): void;
  /** Lets a run paused at its wall-time bound compute as long again (the Continue button). */
  resume(): void;
  /** Disconnects from the store and cancels what is going. */
  stop(): void;
}

/**
 * Wall time a lab run may compute before it pauses and asks (the worker keeps it; Continue grants as much
 * again). Far above any scenario the app ships (the 1 TiB bench VM takes a few seconds, about 20 on a
 * loaded 2-core machine), so it only stops runs that would otherwise keep a core busy for many minutes.
 */
export const LAB_WALL_LIMIT_MS = 60_000;

/** A run goes "long" once it has reported progress: then a newer scenario cuts it short instead of waiting. */
const isLong = (store: WorkspaceStore, id: RunId) => (store.getState().runs[id]?.progress.fraction ?? 0) > 0;

/**
 * Keeps the lab's result in step with its scenario: each scenario change makes a run and asks the pool
 * for it. One lab run at a time: changes made while one is going (a slider being dragged) fold into one
 * next run, so the pool never starts work that would be thrown away, and each result that arrives is
 * shown (marked stale while a newer run is wanted). A long run is cancelled when the scenario changes.
 * A run lost to a crashed engine is started once more, with a notice; a second crash is reported with
 * Retry.
 */
export function connectLabRunner(
  store: WorkspaceStore,
  pool: EngineService,
  { wallLimitMs = LAB_WALL_LIMIT_MS }: { wallLimitMs?: number } = {},
): LabRunner {
  let inFlight: { id: RunId; handle: JobHandle<Trace> } | null = null;
  let wanted = false;

  const settle = (id: RunId, outcome: JobOutcome<Trace>, retried: boolean) => {
    const s = store.getState();
    if (outcome.status === 'done') s.runDone(id, outcome.value, outcome.wallMs);
    else if (outcome.status === 'cancelled') s.runCancelled(id);
    else if (outcome.crashed && !retried && id === s.labRunId) {
      s.notify({
        tone: 'info',
        title: 'The engine stopped and was restarted',
        lines: [`${outcome.message}. The run was started again on a fresh engine.`],
      });
      return submit(id, true);
    } else s.runFailed(id, outcome.message);
    inFlight = null;
    if (wanted) start();
  };

  const submit = (id: RunId, retried: boolean) => {
    const run = store.getState().runs[id];
    const handle = pool.run(run.scenario, {
      priority: 'interactive',
      wallLimitMs,
      onProgress: (p) => store.getState().runProgress(id, p),
    });
    inFlight = { id, handle };
    store.getState().runStarted(id);
    void handle.result.then((outcome) => settle(id, outcome, retried));
  };

  const start = () => {
    wanted = false;
    submit(store.getState().startLabRun(), false);
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario === prev.scenario) return;
    if (!inFlight) return start();
    // Wanted next: a queued run says so (the panels mark what they show as stale meanwhile).
    wanted = true;
    store.getState().startLabRun();
    if (isLong(store, inFlight.id)) inFlight.handle.cancel();
  });
  start();

  return {
    cancel() {
      wanted = false;
      const s = store.getState();
      if (inFlight) inFlight.handle.cancel();
      // A queued run that never started is cancelled too.
      if (s.labRunId !== null && s.runs[s.labRunId]?.status === 'queued') s.runCancelled(s.labRunId);
    },
    retry() {
      if (inFlight) wanted = true;
      else start();
    },
    resume() {
      if (!inFlight) return;
      const { id, handle } = inFlight;
      const progress = store.getState().runs[id]?.progress;
      if (progress?.pausedAfterMs === undefined) return;
      // Computing again from now: the paused notice goes until the bound is reached once more.
      store.getState().runProgress(id, { fraction: progress.fraction, simulatedMs: progress.simulatedMs });
      handle.resume();
    },
    stop() {
      unsubscribe();
      wanted = false;
      inFlight?.handle.cancel();
    },
  };
}
