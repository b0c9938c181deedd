// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ScenarioInput, Summary } from '../../../src/engine';
import { runScenario } from '../../../src/engine/run';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { cancelSweep, requestSweep, sweepValues, type SweepSpec } from '../../../src/state/sweep';
import { connectSweepRunner, runPoints } from '../../../src/state/sweepRunner';
import { createWorkspaceStore, type WorkspaceStore } from '../../../src/state/workspace';
import { InProcessEngine } from '../../../src/worker/inProcessEngine';
import { EnginePool } from '../../../src/worker/pool';
import { fakeEngine, fakePool } from '../../support/fakeEngine';

const small = { vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32 } };
const inProcessPool = (size: number) => new EnginePool({ size, create: () => new InProcessEngine() });
const summaryOf = (input: ScenarioInput): Summary => runScenario(input).summary;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake point whose answer says which scenario it came from (its write rate), after `wait` ms. */
const tagged = (wait: (s: ScenarioInput) => number) => async (s: ScenarioInput) => {
  await delay(wait(s));
  if (s.workload?.writeRateMiBps === 13) throw new Error('point 13 broke');
  return { downtimeMs: s.workload?.writeRateMiBps ?? -1 } as Summary;
};

describe('running the points of a sweep', () => {
  it('gives each outcome in the order of the scenarios, whatever order they finish in', async () => {
    // Five engines (one for any job, four for background work), each answering later the smaller the
    // write rate: the last point finishes first.
    const answers = { point: tagged((s) => 5 * (40 - (s.workload?.writeRateMiBps ?? 0))) };
    const fake = new EnginePool({ size: 1, backgroundOnly: 4, create: () => fakeEngine(answers) });
    const rates = [1, 5, 10, 20, 30];
    const heard: number[] = [];
    const run = runPoints(
      fake,
      rates.map((r) => ({ workload: { writeRateMiBps: r } })),
      (i) => heard.push(i),
    );
    const outcomes = await run.done;
    expect(outcomes.map((o) => o.status === 'done' && o.value.downtimeMs)).toEqual(rates);
    expect(heard).toEqual([4, 3, 2, 1, 0]);
  });

  it('one failed point does not lose the others', async () => {
    const fake = fakePool({ point: tagged(() => 1) });
    const rates = [10, 13, 20];
    const outcomes = await runPoints(
      fake,
      rates.map((r) => ({ workload: { writeRateMiBps: r } })),
      () => {},
    ).done;
    expect(outcomes.map((o) => o.status)).toEqual(['done', 'failed', 'done']);
    expect(outcomes[1].status === 'failed' && outcomes[1].message).toBe('point 13 broke');
    expect(outcomes[2].status === 'done' && outcomes[2].value.downtimeMs).toBe(20);
  });

  it('an invalid point fails on the real engine with the field named; the rest are the real summaries', async () => {
    const pool = inProcessPool(2);
    const inputs = [
      small,
      { ...small, vm: { memoryMiB: 256, usedMiB: 999 } },
      { ...small, strategy: 'postcopy' as const },
    ];
    const outcomes = await runPoints(pool, inputs, () => {}).done;
    expect(outcomes[0].status === 'done' && outcomes[0].value).toEqual(summaryOf(small));
    expect(outcomes[1].status).toBe('failed');
    expect(outcomes[1].status === 'failed' && outcomes[1].message).toMatch(/usedMiB/);
    expect(outcomes[2].status === 'done' && outcomes[2].value).toEqual(summaryOf(inputs[2]));
    pool.dispose();
  });

  it('cancelling stops the points not yet finished and keeps those done', async () => {
    const pool = inProcessPool(1);
    const slow = { vm: { memoryMiB: 65536, usedMiB: 32768 } };
    const run = runPoints(pool, [small, slow, slow, slow], (i, o) => {
      if (i === 0 && o.status === 'done') run.cancel();
    });
    const outcomes = await run.done;
    expect(outcomes[0].status).toBe('done');
    expect(outcomes.slice(1).map((o) => o.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    pool.dispose();
  });

  it("a point's summary is the full run's: recording less changes none of the figures", async () => {
    const pool = inProcessPool(1);
    const inputs: ScenarioInput[] = [
      {},
      { workload: { writeRateMiBps: 300 } },
      { strategy: 'postcopy' },
      { strategy: 'hybrid', workload: { writeRateMiBps: 150 } },
      { precopy: { autoConverge: true }, workload: { writeRateMiBps: 200 } },
    ];
    const outcomes = await runPoints(pool, inputs, () => {}).done;
    outcomes.forEach((o, i) => expect(o.status === 'done' && o.value).toEqual(summaryOf(inputs[i])));
    pool.dispose();
  }, 120_000);
});

describe('the sweep runner in the workspace', () => {
  const spec: SweepSpec = { field: 'network.linkMbps', from: 100, to: 10000, points: 5, eachStrategy: false };
  const base = scenarioOrThrow(small);

  const settled = (store: WorkspaceStore) =>
    new Promise<void>((resolve) => {
      const check = () => {
        const { status, wallMs } = store.getState().sweep;
        if (status !== 'running' && wallMs !== null) resolve();
      };
      store.subscribe(check);
      check();
    });

  it('runs a sweep asked for and writes every point in order, with the wall time', async () => {
    const store = createWorkspaceStore(base);
    const pool = inProcessPool(2);
    const stop = connectSweepRunner(store, pool);
    store.getState().apply(requestSweep(spec, base));
    await settled(store);
    const { sweep } = store.getState();
    expect(sweep.status).toBe('done');
    expect(sweep.points.map((p) => p.value)).toEqual(sweepValues(spec));
    expect(sweep.points.map((p) => p.value)).toEqual([100, 316.2, 1000, 3162, 10000]);
    for (const p of sweep.points) expect(p.summary).toEqual(summaryOf({ ...small, network: { linkMbps: p.value } }));
    stop();
    pool.dispose();
  }, 60_000);

  it('one series per strategy, series by series', async () => {
    const store = createWorkspaceStore(base);
    const stop = connectSweepRunner(
      store,
      fakePool({ point: async (s) => ({ iterations: 1, strategy: s.strategy }) as never }),
    );
    store.getState().apply(requestSweep({ ...spec, points: 2, eachStrategy: true }, base));
    await settled(store);
    const points = store.getState().sweep.points;
    expect(points.map((p) => `${p.strategy}@${p.value}`)).toEqual([
      'precopy@100',
      'precopy@10000',
      'postcopy@100',
      'postcopy@10000',
      'hybrid@100',
      'hybrid@10000',
      'stopcopy@100',
      'stopcopy@10000',
    ]);
    expect(points.every((p, i) => p.summary?.strategy === points[i].strategy)).toBe(true);
    stop();
  });

  it('cancel keeps the points done, marks the rest cancelled; a newer sweep drops the older', async () => {
    const store = createWorkspaceStore(DEFAULT_SCENARIO);
    let answered = 0;
    const pool = fakePool({
      point: async () => {
        answered++;
        if (answered > 1) await new Promise(() => {});
        return { iterations: 2 } as Summary;
      },
    });
    const stop = connectSweepRunner(store, pool);
    store.getState().apply(requestSweep(spec, DEFAULT_SCENARIO));
    await delay(150);
    store.getState().apply(cancelSweep);
    await settled(store);
    const { sweep } = store.getState();
    expect(sweep.status).toBe('cancelled');
    expect(sweep.points.map((p) => p.status)).toEqual(['done', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    stop();
  });
});
