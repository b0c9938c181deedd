// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import type { Summary } from '../../../src/engine';
import { EnginePool } from '../../../src/worker/pool';
import { InProcessEngine } from '../../../src/worker/inProcessEngine';
import { JobScheduler } from '../../../src/worker/scheduler';
import { Continuation, type JobProgress } from '../../../src/worker/types';
import { WorkerEngine } from '../../../src/worker/workerEngine';
import { fakeWorker } from '../../support/fakeWorker';

const medium = { vm: { memoryMiB: 2048, usedMiB: 1024 }, workload: { wssMiB: 256 } };
const slow = { vm: { memoryMiB: 65536, usedMiB: 32768 }, network: { linkMbps: 1000 } };

/** A clock that moves 1 ms each time it is read: the scheduler's wall time without the wall clock. */
const tickingClock = () => {
  let t = 0;
  return () => (t += 1);
};
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};
const until = async (check: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

describe('the wall-time bound of a job', () => {
  it('pauses the job at its bound, keeps it waiting, and each resume grants as much again until it is done', async () => {
    const scheduler = new JobScheduler(tickingClock());
    const reports: JobProgress[] = [];
    let settled = false;
    const result = scheduler
      .start(1, 'point', medium, 'interactive', (p) => reports.push(p), 400)
      .finally(() => (settled = true));
    const pauseReports = () => reports.filter((p) => p.pausedAfterMs !== undefined);
    let pauses = 0;
    while (!settled) {
      await until(() => settled || pauseReports().length > pauses);
      if (settled) break;
      pauses++;
      const paused = reports.at(-1)!;
      expect(paused).toBe(pauseReports().at(-1));
      expect(paused.pausedAfterMs).toBeGreaterThanOrEqual(400 * pauses);
      expect(paused.pausedAfterMs).toBeLessThan(400 * pauses + 100);
      // Waiting: no more slices, no more reports, not settled, however many turns go by.
      const seen = reports.length;
      await turns(50);
      expect(reports).toHaveLength(seen);
      expect(settled).toBe(false);
      expect(scheduler.activeCount).toBe(1);
      scheduler.resume(1);
    }
    expect(pauses).toBeGreaterThan(1);
    const outcome = await result;
    expect(outcome.status).toBe('done');
    // Pausing changes nothing in the result.
    if (outcome.status === 'done') expect(outcome.value as Summary).toEqual(runScenario(point(medium)).summary);
  });

  it('lets other jobs run while one waits, and cancels a waiting job', async () => {
    const scheduler = new JobScheduler(tickingClock());
    const reports: JobProgress[] = [];
    const waiting = scheduler.start(1, 'run', slow, 'interactive', (p) => reports.push(p), 50);
    await until(() => reports.at(-1)?.pausedAfterMs !== undefined);
    const other = await scheduler.start(2, 'point', { vm: { memoryMiB: 256, usedMiB: 128 } }, 'background');
    expect(other.status).toBe('done');
    scheduler.cancel(1);
    expect(await waiting).toEqual({ status: 'cancelled' });
    expect(scheduler.activeCount).toBe(0);
  });

  it('fails a job over its bound that has no one to tell, with the time it took', async () => {
    const scheduler = new JobScheduler(tickingClock());
    const outcome = await scheduler.start(1, 'run', slow, 'interactive', undefined, 100);
    expect(outcome).toMatchObject({ status: 'failed', crashed: false });
    if (outcome.status === 'failed') expect(outcome.message).toMatch(/^the run was stopped after 0\.1 s of computing$/);
  });

  it('without a bound a job runs to its end untouched', async () => {
    const scheduler = new JobScheduler(tickingClock());
    const reports: JobProgress[] = [];
    const outcome = await scheduler.start(1, 'point', medium, 'interactive', (p) => reports.push(p));
    expect(outcome.status).toBe('done');
    expect(reports.every((p) => p.pausedAfterMs === undefined)).toBe(true);
  });

  it('in a worker: the paused job is not taken for a dead worker, and Continue reaches it', async () => {
    // A 1 ms bound: the first 12 ms slice is over it, so the job pauses at once.
    const engine = new WorkerEngine(() => fakeWorker(), 40);
    const continues = new Continuation();
    const reports: JobProgress[] = [];
    const controller = new AbortController();
    const job = engine.start('run', slow, {
      wallLimitMs: 1,
      continues,
      signal: controller.signal,
      onProgress: (p) => reports.push(p),
    });
    await until(() => reports.some((p) => p.pausedAfterMs !== undefined));
    // Silent for many times its stall limit (40 ms), and still alive: it is waiting, not dead.
    await new Promise((r) => setTimeout(r, 300));
    expect(engine.dead).toBeNull();
    const pausesBefore = reports.filter((p) => p.pausedAfterMs !== undefined).length;
    continues.grant();
    await until(() => reports.filter((p) => p.pausedAfterMs !== undefined).length > pausesBefore);
    controller.abort();
    expect(await job).toEqual({ status: 'cancelled' });
    expect(engine.dead).toBeNull();
    engine.dispose();
  });

  it('through the pool: a handle resumes its own job', async () => {
    const pool = new EnginePool({ size: 1, create: () => new InProcessEngine() });
    const reports: JobProgress[] = [];
    const handle = pool.run(slow, { wallLimitMs: 1, onProgress: (p) => reports.push(p) });
    await until(() => handle.progress()?.pausedAfterMs !== undefined);
    const first = handle.progress()!.pausedAfterMs!;
    handle.resume();
    await until(() => (handle.progress()?.pausedAfterMs ?? 0) > first);
    handle.cancel();
    expect(await handle.result).toEqual({ status: 'cancelled' });
    pool.dispose();
  });
});

/** A sweep point's scenario as the 'point' job runs it (its output trimmed: the summary does not depend on it). */
function point(input: typeof medium) {
  return { ...input, output: { heatmapCells: 16, maxFrames: 8, maxSamples: 64 } };
}
