import type { ScenarioInput, Summary } from '../engine';
import type { JobOutcome } from '../worker/types';
import type { EngineService } from './engineService';
import { pointScenario, type SweepPoint } from './sweep';
import type { WorkspaceStore } from './workspace';

export interface PointsRun {
  /** Every point's outcome, in the order of the scenarios given, once all have settled. */
  done: Promise<JobOutcome<Summary>[]>;
  /** Stops the points not yet finished; those done keep their result. */
  cancel(): void;
}

/**
 * Runs one job per point on the pool as background work: the pool hands them to its engines one per
 * engine, so every engine is busy until the last point, and the lab's runs still go first. Each point
 * settles on its own (a failed one takes nothing from the others); `onPoint` hears each as it settles.
 */
export function runPoints(
  pool: Pick<EngineService, 'submit'>,
  scenarios: readonly ScenarioInput[],
  onPoint: (index: number, outcome: JobOutcome<Summary>) => void,
): PointsRun {
  const handles = scenarios.map((scenario) => pool.submit('point', scenario, { priority: 'background' }));
  const done = Promise.all(
    handles.map((h, i) =>
      h.result.then((outcome) => {
        onPoint(i, outcome);
        return outcome;
      }),
    ),
  );
  return { done, cancel: () => handles.forEach((h) => h.cancel()) };
}

/** How often settled points are written to the store: one redraw for many points. */
const FLUSH_MS = 80;

const settled = (outcome: JobOutcome<Summary>): Pick<SweepPoint, 'status' | 'summary' | 'error'> =>
  outcome.status === 'done'
    ? { status: 'done', summary: outcome.value, error: null }
    : outcome.status === 'failed'
      ? { status: 'failed', summary: null, error: outcome.message }
      : { status: 'cancelled', summary: null, error: null };

/**
 * Keeps the workspace's sweep going: each new sweep asked for (a new `sweep.id`) is run on the pool, the
 * one before it cancelled; a sweep set to `cancelled` stops. Returns the disconnect.
 */
export function connectSweepRunner(store: WorkspaceStore, pool: Pick<EngineService, 'submit'>): () => void {
  let current: { id: number; run: PointsRun } | null = null;
  let pending = new Map<number, Pick<SweepPoint, 'status' | 'summary' | 'error'>>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const { sweep } = store.getState();
    if (!current || sweep.id !== current.id || pending.size === 0) return;
    const points = sweep.points.map((p, i) => {
      const patch = pending.get(i);
      return patch && p.status === 'queued' ? { ...p, ...patch } : p;
    });
    pending = new Map();
    store.setState({ sweep: { ...sweep, points } });
  };

  const start = () => {
    const { sweep } = store.getState();
    const { base, spec, id } = sweep;
    if (!base) return;
    const startedMs = performance.now();
    const scenarios = sweep.points.map((p) => pointScenario(base, spec.field, p.value, p.strategy));
    pending = new Map();
    const run = runPoints(pool, scenarios, (i, outcome) => {
      if (current?.id !== id) return;
      pending.set(i, settled(outcome));
      timer ??= setTimeout(flush, FLUSH_MS);
    });
    current = { id, run };
    void run.done.then(() => {
      if (current?.id !== id) return;
      if (timer !== undefined) clearTimeout(timer);
      flush();
      const s = store.getState().sweep;
      store.setState({
        sweep: { ...s, status: s.status === 'running' ? 'done' : s.status, wallMs: performance.now() - startedMs },
      });
      current = null;
    });
  };

  const unsubscribe = store.subscribe((state, prev) => {
    const { sweep } = state;
    if (sweep === prev.sweep) return;
    if (current && (sweep.id !== current.id || sweep.status === 'cancelled')) {
      const stopped = current;
      if (sweep.id !== current.id) current = null;
      stopped.run.cancel();
    }
    if (sweep.status === 'running' && sweep.id !== prev.sweep.id) start();
  });
  if (store.getState().sweep.status === 'running') start();
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    current?.run.cancel();
    current = null;
  };
}
