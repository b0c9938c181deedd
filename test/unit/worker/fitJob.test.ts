// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fitRecord } from '../../../src/engine/replay/fit';
import { InProcessEngine } from '../../../src/worker/inProcessEngine';
import { EnginePool } from '../../../src/worker/pool';
import { loadTrace } from '../../support/traces';

const pool = () => new EnginePool({ size: 1, create: () => new InProcessEngine() });

describe('the fit as a job of the engine pool', () => {
  it('gives what fitRecord gives: the same scenario, figures and errors', async () => {
    const record = loadTrace('rand_ws128_r5k_m512_bw64_dt300.jsonl');
    const outcome = await pool().submit('fit', { record, overrides: {} }).result;
    const direct = fitRecord(record);
    if (outcome.status !== 'done' || !direct.ok) throw new Error('fit failed');
    expect(outcome.value.scenario).toEqual(direct.scenario);
    expect(outcome.value.predicted).toEqual(direct.predicted);
    expect(outcome.value.errors).toEqual(direct.errors);
    expect(outcome.value.trace.summary).toEqual(direct.trace.summary);
  });

  it("takes the user's working set and write pattern, and predicts differently with them", async () => {
    const record = loadTrace('rand_ws128_r5k_m512_bw64_dt300.jsonl');
    const p = pool();
    const base = await p.submit('fit', { record, overrides: {} }).result;
    const told = await p.submit('fit', { record, overrides: { 'workload.wssMiB': 16, 'workload.pattern': 'hotcold' } })
      .result;
    if (base.status !== 'done' || told.status !== 'done') throw new Error('fit failed');
    expect(told.value.scenario.workload.wssMiB).toBe(16);
    expect(told.value.scenario.workload.pattern).toBe('hotcold');
    expect(told.value.predicted.bytesTransferred).not.toBe(base.value.predicted.bytesTransferred);
  });

  it('fails with the field named for an override out of range, and can be cancelled', async () => {
    const record = loadTrace('idle_m256_bw64_dt300.jsonl');
    const p = pool();
    const bad = await p.submit('fit', { record, overrides: { 'workload.wssMiB': -5 } }).result;
    expect(bad.status === 'failed' && bad.message).toMatch(/workload\.wssMiB/);
    const job = p.submit('fit', { record: loadTrace('cpu_ws128_m512_bw64_dt300_noconv.jsonl'), overrides: {} });
    job.cancel();
    expect((await job.result).status).toBe('cancelled');
  });
});
