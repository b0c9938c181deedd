import { FIRST_WORKER_NAME } from './types';
import type { WorkerLike } from './workerEngine';

/**
 * The page's first engine worker, started as soon as the page's entry runs (main.ts, before it loads the
 * app), not once the lab asks for its first run, about half a second later.
 * Its name asks it to work out the default scenario meanwhile (see engineHost.ts): a first visit then
 * finds its first result ready. Taken once, by the pool's first engine.
 */
let first: WorkerLike | null =
  typeof Worker === 'undefined'
    ? null
    : new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: FIRST_WORKER_NAME });

export function takeFirstWorker(): WorkerLike | null {
  const worker = first;
  first = null;
  return worker;
}
