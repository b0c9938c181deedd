import type { Trace } from '../engine';
import type { JobHandle } from '../worker/pool';
import type { EngineService } from './engineService';
import type { RunId } from './runs';
import type { WorkspaceStore } from './workspace';

/**
 * Runs the comparison's queued runs on the pool, all at once (the pool spreads them over its engines),
 * and cancels the job of a run the comparison drops. Returns the disconnect.
 */
export function connectComparisonRunner(store: WorkspaceStore, pool: EngineService): () => void {
  const inFlight = new Map<RunId, JobHandle<Trace>>();

  const sync = () => {
    const { runs } = store.getState();
    for (const [id, handle] of inFlight)
      if (!runs[id]) {
        handle.cancel();
        inFlight.delete(id);
      }
    for (const run of Object.values(runs)) {
      if (run.owner !== 'compare' || run.status !== 'queued' || inFlight.has(run.id)) continue;
      const id = run.id;
      const handle = pool.run(run.scenario, {
        priority: 'interactive',
        onProgress: (p) => store.getState().runProgress(id, p),
      });
      inFlight.set(id, handle);
      store.getState().runStarted(id);
      void handle.result.then((outcome) => {
        if (inFlight.get(id) !== handle) return;
        inFlight.delete(id);
        const s = store.getState();
        if (outcome.status === 'done') s.runDone(id, outcome.value, outcome.wallMs);
        else if (outcome.status === 'cancelled') s.runCancelled(id);
        else s.runFailed(id, outcome.message);
      });
    }
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.runs !== prev.runs) sync();
  });
  sync();
  return () => {
    unsubscribe();
    for (const handle of inFlight.values()) handle.cancel();
    inFlight.clear();
  };
}
