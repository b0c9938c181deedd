// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { createEngineHost } from '../../../src/worker/engineHost';
import { EarlyRun } from '../../../src/worker/earlyRun';
import { JobScheduler } from '../../../src/worker/scheduler';

const small = { vm: { memoryMiB: 512, usedMiB: 256 }, workload: { wssMiB: 64 } };

describe('the early run a worker starts before any job asks', () => {
  it('answers the first run job for the same scenario, given as the lab gives it or as written', async () => {
    for (const asked of [DEFAULT_SCENARIO, {}]) {
      const early = new EarlyRun(new JobScheduler(), {});
      const outcome = await early.claim(asked);
      expect(outcome?.status).toBe('done');
      if (outcome?.status !== 'done') return;
      expect(outcome.value.summary).toEqual(runScenario({}).summary);
      // Claimed once: the trace's buffers go to the page with it.
      expect(early.claim(asked)).toBeNull();
    }
  });

  it('is cancelled when the first run job asks for another scenario, which then runs as usual', async () => {
    const scheduler = new JobScheduler();
    const early = new EarlyRun(scheduler, {});
    expect(scheduler.activeCount).toBe(1);
    expect(early.claim(small)).toBeNull();
    expect(scheduler.activeCount).toBe(0);
    expect(early.claim({})).toBeNull();
  });

  it('makes the engine host give the default scenario’s trace to a run job at once, the same a new run gives', async () => {
    const host = createEngineHost({ early: {} });
    const outcome = await host.start(1, 'run', DEFAULT_SCENARIO, 'interactive');
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const fresh = runScenario(DEFAULT_SCENARIO);
    expect(outcome.value.summary).toEqual(fresh.summary);
    expect(outcome.value.rounds).toEqual(fresh.rounds);
    // The next run job computes its own.
    const next = await host.start(2, 'run', small, 'interactive');
    expect(next.status === 'done' && next.value.summary).toEqual(runScenario(small).summary);
  });
});
