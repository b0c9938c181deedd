import type { EngineClient } from '../worker/engineClient';
import type { LabStore } from './labStore';

export interface Runner {
  /** Stops the run in progress (the Cancel button); the last finished result stays. */
  cancel(): void;
  /** Runs the current scenario again (the Retry button after an engine error). */
  retry(): void;
  /** Disconnects from the store. */
  stop(): void;
}

/**
 * Keeps the shown trace in step with the scenario: every scenario change asks the engine for a new run;
 * the newest request wins and older ones are cancelled in the worker.
 */
export function connectRunner(store: LabStore, engine: () => EngineClient): Runner {
  let nextRunId = 0;
  let inFlight = false;
  let wanted = false;

  // One run at a time: changes made while it runs (a slider being dragged) are folded into one next run,
  // so the worker never starts work that would be thrown away and the page gets each result it can show.
  const start = () => {
    if (inFlight) {
      wanted = true;
      return;
    }
    inFlight = true;
    wanted = false;
    const runId = ++nextRunId;
    const { scenario } = store.getState();
    store.getState().runStarted(runId);
    engine()
      .run(scenario, runId, (p) => store.getState().runProgress(p.runId, p.fraction, p.simulatedMs))
      .then((reply) => {
        const s = store.getState();
        if (reply.kind === 'done') s.runDone(reply.runId, reply.trace, reply.wallMs);
        else if (reply.kind === 'failed') s.runFailed(reply.runId, reply.message);
        else s.runCancelled(reply.runId);
      })
      .catch((e: unknown) => store.getState().runFailed(runId, e instanceof Error ? e.message : String(e)))
      .finally(() => {
        inFlight = false;
        if (wanted) start();
      });
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario === prev.scenario) return;
    // A long run in progress is cut short: the newest scenario wins.
    if (inFlight && store.getState().progress > 0) void engine().cancel(nextRunId + 1);
    start();
  });
  start();
  return {
    cancel() {
      const runId = store.getState().runId;
      wanted = false;
      void engine().cancel(++nextRunId);
      store.getState().runCancelled(runId);
    },
    retry: start,
    stop() {
      unsubscribe();
      wanted = false;
      void engine().cancel(++nextRunId);
    },
  };
}
