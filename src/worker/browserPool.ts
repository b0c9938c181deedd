import { EnginePool, poolSizeFor } from './pool';
import { WorkerEngine } from './workerEngine';

/**
 * The page's pool: one engine worker per core but one (at least one), each started on first use, and one
 * more for background work alone, so a sweep keeps every core busy while the page waits for it.
 */
export function createBrowserPool(): EnginePool {
  return new EnginePool({
    size: poolSizeFor(navigator.hardwareConcurrency),
    backgroundOnly: 1,
    create: () => new WorkerEngine(),
  });
}
