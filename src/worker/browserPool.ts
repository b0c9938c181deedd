import { EnginePool, poolSizeFor } from './pool';
import { WorkerEngine } from './workerEngine';

/** The page's pool: one engine worker per core but one (at least one), each started on first use. */
export function createBrowserPool(): EnginePool {
  return new EnginePool({ size: poolSizeFor(navigator.hardwareConcurrency), create: () => new WorkerEngine() });
}
