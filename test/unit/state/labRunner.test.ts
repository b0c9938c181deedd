// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import type { ScenarioInput, Trace } from '../../../src/engine';
import { connectLabRunner } from '../../../src/state/labRunner';
import { labStaleness, labState, shownRun } from '../../../src/state/runs';
import { createWorkspaceStore } from '../../../src/state/workspace';
import { InProcessEngine } from '../../../src/worker/inProcessEngine';
import { EnginePool } from '../../../src/worker/pool';
import type { Engine, JobOutcome } from '../../../src/worker/types';

const small = { vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32 } };
const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** An engine whose runs wait to be answered by hand, in any order. */
function manualEngine() {
  const asked: { scenario: ScenarioInput; answer: (o: JobOutcome<Trace>) => void }[] = [];
  const engine: Engine = {
    hello: async () => ({ engineVersion: 'test', inWorker: false }),
    start: (_kind, input, options) =>
      new Promise((resolve) => {
        options?.signal?.addEventListener('abort', () => resolve({ status: 'cancelled' }));
        asked.push({ scenario: input as ScenarioInput, answer: resolve as (o: JobOutcome<Trace>) => void });
      }),
    dispose() {},
  };
  return { asked, pool: new EnginePool({ size: 1, create: () => engine }) };
}

const done = (scenario: ScenarioInput): JobOutcome<Trace> => ({
  status: 'done',
  value: runScenario(scenario),
  wallMs: 1,
});

/** A lab on a manual engine whose first run has been answered and shown. */
async function labShowingFirstResult() {
  const { asked, pool } = manualEngine();
  const store = createWorkspaceStore();
  const runner = connectLabRunner(store, pool);
  await until(() => asked.length === 1);
  asked[0].answer(done(small));
  await until(() => shownRun(store.getState()) !== null);
  return { asked, store, runner };
}

describe('the lab runner', () => {
  it('runs the scenario on screen and shows the result', async () => {
    const store = createWorkspaceStore(runScenario(small).scenario);
    const runner = connectLabRunner(store, new EnginePool({ size: 1, create: () => new InProcessEngine() }));
    await until(() => shownRun(store.getState()) !== null);
    expect(shownRun(store.getState())!.trace!.summary).toEqual(runScenario(small).summary);
    expect(labState(store.getState())).toBe('ready');
    runner.stop();
  });

  it('folds the changes made while a run is going into one next run, and shows each result as stale until then', async () => {
    const { asked, store, runner } = await labShowingFirstResult();
    for (const linkMbps of [2000, 5000, 10_000]) store.getState().changeField('network.linkMbps', linkMbps);
    await until(() => asked.length === 2);
    expect(asked[1].scenario).toMatchObject({ network: { linkMbps: 2000 } });
    store.getState().changeField('network.linkMbps', 25_000);
    store.getState().changeField('network.linkMbps', 40_000);
    expect(labStaleness(store.getState())).toBe('running');
    asked[1].answer(done({ ...small, network: { linkMbps: 2000 } }));
    await until(() => asked.length === 3);
    // The run for the older change is shown (it is fresher), still marked stale; one run for the last two.
    expect(shownRun(store.getState())!.trace!.scenario.network.linkMbps).toBe(2000);
    expect(labStaleness(store.getState())).toBe('running');
    expect(asked[2].scenario).toMatchObject({ network: { linkMbps: 40_000 } });
    asked[2].answer(done({ ...small, network: { linkMbps: 40_000 } }));
    await until(() => labStaleness(store.getState()) === null);
    expect(asked).toHaveLength(3);
    runner.stop();
  });

  it('a newer scenario cuts a long run short', async () => {
    const store = createWorkspaceStore(runScenario({ vm: { memoryMiB: 65536, usedMiB: 32768 } }).scenario);
    const runner = connectLabRunner(store, new EnginePool({ size: 1, create: () => new InProcessEngine() }));
    const first = store.getState().labRunId!;
    await until(() => store.getState().runs[first].progress.fraction > 0);
    store.getState().changeField('vm.memoryMiB', 256);
    await until(() => shownRun(store.getState()) !== null);
    expect(store.getState().runs[first]).toBeUndefined();
    expect(shownRun(store.getState())!.scenario.vm.memoryMiB).toBe(256);
    runner.stop();
  });

  it('Cancel stops the run; the panels say so; the last result stays; Retry runs it again', async () => {
    const { asked, store, runner } = await labShowingFirstResult();
    const shown = store.getState().shownRunId;
    store.getState().changeField('network.linkMbps', 2000);
    await until(() => asked.length === 2);
    runner.cancel();
    await until(() => labStaleness(store.getState()) === 'cancelled');
    expect(store.getState().shownRunId).toBe(shown);
    expect(labState(store.getState())).toBe('cancelled');
    runner.retry();
    await until(() => asked.length === 3);
    asked[2].answer(done({ ...small, network: { linkMbps: 2000 } }));
    await until(() => labStaleness(store.getState()) === null);
    runner.stop();
  });

  it('a run lost to a crashed engine runs once more and says so; a second crash is reported with Retry', async () => {
    const { asked, pool } = manualEngine();
    const store = createWorkspaceStore();
    const runner = connectLabRunner(store, pool);
    const crash: JobOutcome<Trace> = { status: 'failed', message: 'the engine worker stopped', crashed: true };
    await until(() => asked.length === 1);
    asked[0].answer(crash);
    await until(() => asked.length === 2);
    expect(store.getState().notices).toEqual([
      expect.objectContaining({ title: 'The engine stopped and was restarted' }),
    ]);
    asked[1].answer(done(small));
    await until(() => shownRun(store.getState()) !== null);

    store.getState().changeField('network.linkMbps', 2000);
    await until(() => asked.length === 3);
    asked[2].answer(crash);
    await until(() => asked.length === 4);
    asked[3].answer(crash);
    await until(() => labState(store.getState()) === 'failed');
    expect(store.getState().runs[store.getState().labRunId!].error).toBe('the engine worker stopped');
    runner.retry();
    await until(() => asked.length === 5);
    asked[4].answer(done({ ...small, network: { linkMbps: 2000 } }));
    await until(() => labState(store.getState()) === 'ready');
    runner.stop();
  });
});
