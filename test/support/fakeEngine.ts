import { EnginePool } from '../../src/worker/pool';
import type { Engine, JobInput, JobKind, JobOptions, JobOutcome, JobValue } from '../../src/worker/types';

/** An answer per job kind (run, spectrum, fleet, ...): its input in, its value out. */
export type FakeAnswers = { [K in JobKind]?: (input: JobInput<K>) => Promise<JobValue<K>> };

/**
 * An engine answering from the functions given (a rejection is a failed job; aborting answers
 * `cancelled` at once, whatever the function does later). Kinds without a function never answer.
 */
export function fakeEngine(answers: FakeAnswers): Engine {
  return {
    hello: async () => ({ engineVersion: 'test', inWorker: false }),
    start<K extends JobKind>(kind: K, input: JobInput<K>, options: JobOptions = {}) {
      return new Promise<JobOutcome<JobValue<K>>>((resolve) => {
        const answer = answers[kind] as ((s: JobInput<K>) => Promise<JobValue<K>>) | undefined;
        options.signal?.addEventListener('abort', () => resolve({ status: 'cancelled' }), { once: true });
        if (!answer) return;
        Promise.resolve()
          .then(() => answer(input))
          .then(
            (value) => resolve({ status: 'done', value, wallMs: 0 }),
            (e: unknown) =>
              resolve({ status: 'failed', message: e instanceof Error ? e.message : String(e), crashed: false }),
          );
      });
    },
    dispose() {},
  };
}

/** A one-engine pool over a fake engine. */
export const fakePool = (answers: FakeAnswers = {}) => new EnginePool({ size: 1, create: () => fakeEngine(answers) });
