// @vitest-environment node
import { expose, wrap, type Endpoint } from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { engineApi, type EngineApi, type RunReply } from '../../../src/worker/engine.api';

const channel = new MessageChannel();
expose(engineApi, channel.port1 as unknown as Endpoint);
const remote = wrap<EngineApi>(channel.port2 as unknown as Endpoint);
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

describe('the engine behind comlink', () => {
  it('answers hello with its version', async () => {
    const h = await remote.hello();
    expect(h.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs a scenario and returns the same trace as a direct run', async () => {
    const scenario = { vm: { memoryMiB: 512, usedMiB: 256 }, workload: { wssMiB: 64 } };
    const reply = await remote.run(scenario, 1);
    expect(reply.kind).toBe('done');
    if (reply.kind !== 'done') return;
    expect(reply.trace.summary).toEqual(runScenario(scenario).summary);
    expect(reply.trace.samples.columns.tMs).toBeInstanceOf(Float64Array);
  });

  it('a newer run supersedes an older one still going', async () => {
    const slow = { vm: { memoryMiB: 65536, usedMiB: 32768 }, network: { linkMbps: 1000 } };
    const first = remote.run(slow, 10);
    await new Promise((r) => setTimeout(r, 30));
    const second = remote.run({ vm: { memoryMiB: 256, usedMiB: 64 } }, 11);
    const [a, b] = (await Promise.all([first, second])) as [RunReply, RunReply];
    expect(a).toEqual({ kind: 'superseded', runId: 10 });
    expect(b.kind).toBe('done');
  });

  it('reports progress on long runs and can be cancelled', async () => {
    const seen: number[] = [];
    const running = engineApi.run({ vm: { memoryMiB: 65536, usedMiB: 32768 } }, 20, (p) => seen.push(p.fraction));
    await new Promise((r) => setTimeout(r, 60));
    engineApi.cancel(21);
    expect(await running).toEqual({ kind: 'superseded', runId: 20 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
  });

  it('turns an engine error into a failed reply instead of a crash', async () => {
    const reply = await remote.run({ vm: { memoryMiB: -1 } } as never, 30);
    expect(reply.kind).toBe('failed');
    if (reply.kind === 'failed') expect(reply.message).toContain('vm.memoryMiB');
  });
});
