// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { spectrum } from '../../../src/engine/spectrum';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { InProcessEngine } from '../../../src/worker/inProcessEngine';
import { EnginePool, poolSizeFor } from '../../../src/worker/pool';
import { WorkerEngine } from '../../../src/worker/workerEngine';
import { fakeWorker, type FakeWorker } from '../../support/fakeWorker';

const small = { vm: { memoryMiB: 512, usedMiB: 256 }, workload: { wssMiB: 64 } };
// Minutes of simulated pre-copy page by page: still running whenever a test cancels it, however fast the engine.
const slow = { vm: { memoryMiB: 262144, usedMiB: 131072 } };

const inProcessPool = (size: number) => new EnginePool({ size, create: () => new InProcessEngine() });

describe('the engine pool', () => {
  it('is sized one below the cores, at least one', () => {
    expect(poolSizeFor(8)).toBe(7);
    expect(poolSizeFor(2)).toBe(1);
    expect(poolSizeFor(1)).toBe(1);
    expect(poolSizeFor(undefined)).toBe(1);
  });

  it.each([1, 2])('two runs started at once both finish (%i engines), each with its own result', async (size) => {
    const pool = inProcessPool(size);
    const a = pool.run(small);
    const b = pool.run({ ...small, network: { linkMbps: 10_000 } });
    expect(a.id).not.toBe(b.id);
    const [ra, rb] = await Promise.all([a.result, b.result]);
    expect(ra.status === 'done' && ra.value.summary).toEqual(runScenario(small).summary);
    expect(rb.status === 'done' && rb.value.summary).toEqual(
      runScenario({ ...small, network: { linkMbps: 10_000 } }).summary,
    );
    pool.dispose();
  });

  it('cancelling one job leaves the other alone; progress is per job', async () => {
    const pool = inProcessPool(1);
    const long = pool.run(slow);
    const other = pool.run(slow);
    await new Promise((r) => setTimeout(r, 300));
    expect(long.progress()?.fraction).toBeGreaterThan(0);
    long.cancel();
    expect(await long.result).toEqual({ status: 'cancelled' });
    const progressBefore = other.progress()?.simulatedMs ?? 0;
    await new Promise((r) => setTimeout(r, 300));
    expect(other.progress()!.simulatedMs).toBeGreaterThan(progressBefore);
    other.cancel();
    expect(await other.result).toEqual({ status: 'cancelled' });
    pool.dispose();
  });

  it('a lab run does not wait behind the spectrum of a big VM, on a single engine', async () => {
    const pool = inProcessPool(1);
    const order: string[] = [];
    const spec = pool.spectrum(slow);
    spec.result.then(() => order.push('spectrum'));
    await new Promise((r) => setTimeout(r, 50));
    const run = pool.run(small);
    const outcome = await run.result;
    order.push('run');
    expect(outcome.status).toBe('done');
    expect(order).toEqual(['run']);
    spec.cancel();
    expect(await spec.result).toEqual({ status: 'cancelled' });
    pool.dispose();
  });

  it('works the spectrum out in slices to the same figures as in one go', async () => {
    const pool = inProcessPool(1);
    const outcome = await pool.spectrum(small).result;
    expect(outcome.status === 'done' && outcome.value).toEqual(spectrum(scenarioOrThrow(small)));
    pool.dispose();
  });

  it('background jobs queue one per engine; a queued one can be cancelled before it starts', async () => {
    const pool = inProcessPool(1);
    const first = pool.spectrum(small);
    const second = pool.spectrum(small);
    const third = pool.spectrum(small);
    second.cancel();
    expect(await second.result).toEqual({ status: 'cancelled' });
    expect((await first.result).status).toBe('done');
    expect((await third.result).status).toBe('done');
    pool.dispose();
  });

  it('a crashed worker is replaced and its job reported as failed, ready for a retry', async () => {
    const workers: FakeWorker[] = [];
    const pool = new EnginePool({
      size: 1,
      create: () =>
        new WorkerEngine(() => {
          const w = fakeWorker();
          workers.push(w);
          return w;
        }),
    });
    const job = pool.run(small);
    await new Promise((r) => setTimeout(r, 0));
    workers[0].crash();
    const outcome = await job.result;
    expect(outcome).toMatchObject({ status: 'failed', crashed: true });
    expect(workers[0].terminated).toBe(true);
    const retry = await pool.run(small).result;
    expect(retry.status).toBe('done');
    expect(workers).toHaveLength(2);
    pool.dispose();
    expect(workers[1].terminated).toBe(true);
  });
});
