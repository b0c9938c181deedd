// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FLEET_PRESETS, simulateFleet } from '../../../src/engine';
import { InProcessEngine } from '../../../src/worker/inProcessEngine';
import { EnginePool } from '../../../src/worker/pool';
import { WorkerEngine } from '../../../src/worker/workerEngine';
import { fakeWorker } from '../../support/fakeWorker';
import { createWorkspaceStore } from '../../../src/state/workspace';
import { connectFleetRunner } from '../../../src/state/fleetRunner';
import { createFleetViewStore } from '../../../src/state/fleetStore';

const rollout = FLEET_PRESETS['firmware-rollout'].scenario;

describe('the fleet job on the engine pool', () => {
  it('in a worker (behind comlink, typed arrays transferred) gives the trace simulateFleet gives', async () => {
    const pool = new EnginePool({ size: 1, create: () => new WorkerEngine(() => fakeWorker()) });
    const progress: number[] = [];
    const job = pool.submit('fleet', rollout, { onProgress: (p) => progress.push(p.fraction) });
    const outcome = await job.result;
    if (outcome.status !== 'done') throw new Error(JSON.stringify(outcome));
    const direct = simulateFleet(rollout);
    expect(outcome.value.summary).toEqual(direct.summary);
    expect(outcome.value.samples.memoryPct).toBeInstanceOf(Float32Array);
    expect(Array.from(outcome.value.samples.memoryPct)).toEqual(Array.from(direct.samples.memoryPct));
    expect(outcome.value.migrations).toEqual(direct.migrations);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    pool.dispose();
  });

  it('a bad fleet scenario fails the job with the field named, and cancelling answers cancelled', async () => {
    const pool = new EnginePool({ size: 1, create: () => new InProcessEngine() });
    const bad = await pool.submit('fleet', { scheduler: { perCustomerCap: -1 } }).result;
    expect(bad.status === 'failed' && bad.message).toMatch(/scheduler\.perCustomerCap/);
    const job = pool.submit('fleet', FLEET_PRESETS['fleet-10k'].scenario);
    job.cancel();
    expect((await job.result).status).toBe('cancelled');
    pool.dispose();
  });

  it('the fleet runner follows the workspace setup: a change cancels the run going and shows the newer one', async () => {
    const pool = new EnginePool({ size: 1, create: () => new InProcessEngine() });
    const ws = createWorkspaceStore();
    const fleet = createFleetViewStore();
    const runner = connectFleetRunner(ws, fleet, pool);
    expect(fleet.getState().main.status).toBe('running');
    ws.setState({ fleet: { preset: 'rack-maintenance', params: { 'fleet.perCustomerCap': '1' } } });
    const newest = ws.getState().fleet;
    await expect
      .poll(() => fleet.getState().main.status === 'done' && fleet.getState().main.setup === newest, {
        timeout: 20_000,
      })
      .toBe(true);
    const main = fleet.getState().main;
    expect(main.trace!.summary.caps.perCustomer).toBe(1);
    expect(main.trace!.summary.peakConcurrent.perCustomer).toBe(1);
    runner.simulateMaintenance(0);
    await expect.poll(() => fleet.getState().probe?.status, { timeout: 20_000 }).toBe('done');
    const probe = fleet.getState().probe!;
    expect(probe.trace!.scenario.events).toEqual([{ kind: 'simulate-maintenance', atS: 0, vm: 0 }]);
    runner.stop();
    pool.dispose();
  });
});
