import { takeFirstWorker } from './firstWorker';
import { EnginePool, poolSizeFor } from './pool';
import { newWorker, WorkerEngine } from './workerEngine';

/**
 * The page's pool: one engine worker per core but one (at least one), each started on first use, and one
 * more for background work alone, so a sweep keeps every core busy while the page waits for it.
 */
export function createBrowserPool(): EnginePool {
  return new EnginePool({
    size: poolSizeFor(navigator.hardwareConcurrency),
    backgroundOnly: 1,
    // The first engine takes the worker started with the page (firstWorker.ts); later ones start their own.
    create: () => new WorkerEngine(() => takeFirstWorker() ?? newWorker()),
  });
}
