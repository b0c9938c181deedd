import { ENGINE_VERSION } from '../engine';
import { JobScheduler } from './scheduler';
import type { Engine, EngineHello, JobInput, JobKind, JobOptions, JobOutcome, JobValue } from './types';

/**
 * The engine in this thread, for Node: tests, benches, tools. Same jobs, same slices and priorities as in
 * a worker, so anything tested against it behaves the same in the browser. Never used by the page itself.
 */
export class InProcessEngine implements Engine {
  private readonly scheduler = new JobScheduler();
  private nextId = 0;

  async hello(): Promise<EngineHello> {
    return { engineVersion: ENGINE_VERSION, inWorker: false };
  }

  start<K extends JobKind>(kind: K, input: JobInput<K>, options: JobOptions = {}): Promise<JobOutcome<JobValue<K>>> {
    const { signal } = options;
    if (signal?.aborted) return Promise.resolve({ status: 'cancelled' });
    const id = ++this.nextId;
    const onAbort = () => this.scheduler.cancel(id);
    const onContinue = () => this.scheduler.resume(id);
    signal?.addEventListener('abort', onAbort, { once: true });
    options.continues?.addEventListener('continue', onContinue);
    return this.scheduler
      .start(id, kind, input, options.priority ?? 'interactive', options.onProgress, options.wallLimitMs)
      .finally(() => {
        signal?.removeEventListener('abort', onAbort);
        options.continues?.removeEventListener('continue', onContinue);
      });
  }

  dispose(): void {
    this.scheduler.cancelAll();
  }
}
