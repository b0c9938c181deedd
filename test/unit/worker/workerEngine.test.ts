// @vitest-environment node
import { expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { WorkerEngine, type WorkerLike } from '../../../src/worker/workerEngine';
import { fakeWorker, type FakeWorker } from '../../support/fakeWorker';

const small = { vm: { memoryMiB: 512, usedMiB: 256 }, workload: { wssMiB: 64 } };
// Long enough that it is still running when the tests cancel it (a 64 GiB VM now finishes within half a second).
const slow = { vm: { memoryMiB: 262144, usedMiB: 131072 }, network: { linkMbps: 1000 } };

/** A worker that takes `ticks` x `everyMs` over any job, reporting progress at each tick, then answers done. */
function reportingWorker(ticks: number, everyMs: number): WorkerLike {
  const channel = new MessageChannel();
  expose(
    {
      hello: () => ({ engineVersion: 'test', inWorker: true }),
      async start(_id: number, _kind: string, _input: unknown, _priority: string, onProgress: (p: unknown) => void) {
        for (let i = 1; i <= ticks; i++) {
          await new Promise((r) => setTimeout(r, everyMs));
          await onProgress({ fraction: i / ticks, simulatedMs: i });
        }
        return { status: 'done', value: null, wallMs: ticks * everyMs };
      },
      cancel() {},
    },
    channel.port1,
  );
  channel.port2.start();
  return {
    postMessage: (m: unknown, t?: Transferable[]) => channel.port2.postMessage(m, t ?? []),
    addEventListener: (type: string, l: EventListener) => channel.port2.addEventListener(type, l),
    removeEventListener: (type: string, l: EventListener) => channel.port2.removeEventListener(type, l),
    terminate: () => channel.port1.close(),
  } as WorkerLike;
}

function engine(): { engine: WorkerEngine; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    engine: new WorkerEngine(() => {
      const w = fakeWorker();
      workers.push(w);
      return w;
    }),
  };
}

describe('the engine in a worker (behind comlink)', () => {
  it('answers hello with its version, and starts its worker only when first asked', async () => {
    const { engine: e, workers } = engine();
    expect(workers).toHaveLength(0);
    const h = await e.hello();
    expect(h.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(workers).toHaveLength(1);
    e.dispose();
  });

  it('runs a scenario and returns the same trace as a direct run, typed arrays included', async () => {
    const { engine: e } = engine();
    const outcome = await e.start('run', small);
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    expect(outcome.value.summary).toEqual(runScenario(small).summary);
    expect(outcome.value.samples.columns.tMs).toBeInstanceOf(Float64Array);
    expect(outcome.value.format).toBe('brownout-trace');
    e.dispose();
  });

  it('two runs at once both finish; cancelling one leaves the other alone', async () => {
    const { engine: e } = engine();
    const a = new AbortController();
    const first = e.start('run', slow, { signal: a.signal });
    const second = e.start('run', small);
    await new Promise((r) => setTimeout(r, 30));
    a.abort();
    expect(await first).toEqual({ status: 'cancelled' });
    const b = await second;
    expect(b.status).toBe('done');
    const c = await Promise.all([e.start('run', small), e.start('run', { ...small, seed: 2 })]);
    expect(c.map((o) => o.status)).toEqual(['done', 'done']);
    e.dispose();
  });

  it('reports progress on long runs and can be cancelled', async () => {
    const { engine: e } = engine();
    const seen: number[] = [];
    const a = new AbortController();
    const running = e.start('run', slow, { signal: a.signal, onProgress: (p) => seen.push(p.fraction) });
    await new Promise((r) => setTimeout(r, 400));
    a.abort();
    expect(await running).toEqual({ status: 'cancelled' });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
    e.dispose();
  });

  it('turns an engine error into a failed job instead of a crash', async () => {
    const { engine: e } = engine();
    const outcome = await e.start('run', { vm: { memoryMiB: -1 } } as never);
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') {
      expect(outcome.message).toContain('vm.memoryMiB');
      expect(outcome.crashed).toBe(false);
    }
    expect(e.dead).toBeNull();
    e.dispose();
  });

  it('a worker that fails takes its jobs down as crashed and is terminated', async () => {
    const { engine: e, workers } = engine();
    const running = e.start('run', small);
    workers[0].crash('out of memory');
    expect(await running).toEqual({
      status: 'failed',
      message: "the engine's worker stopped with an error: out of memory",
      crashed: true,
    });
    expect(workers[0].terminated).toBe(true);
    expect(e.dead).toMatch(/out of memory/);
    expect((await e.start('run', small)).status).toBe('failed');
  });

  it('a worker that falls silent with a job in hand is taken for dead; a busy one that reports is not', async () => {
    const silent: WorkerLike = {
      postMessage: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      terminate: () => {},
    };
    const dead = new WorkerEngine(() => silent, 200);
    expect(await dead.start('run', small)).toEqual({
      status: 'failed',
      message: "the engine's worker stopped answering for 0.2 s",
      crashed: true,
    });
    // A worker busy on a job three times as long as the limit, reporting as it goes.
    const busy = new WorkerEngine(() => reportingWorker(30, 100), 1000);
    const outcome = await busy.start('run', small, { onProgress: () => {} });
    expect(outcome.status).toBe('done');
    expect(busy.dead).toBeNull();
    busy.dispose();
  });
});
