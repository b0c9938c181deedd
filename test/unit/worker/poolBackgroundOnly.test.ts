// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EnginePool } from '../../../src/worker/pool';
import type { Engine } from '../../../src/worker/types';
import { fakeEngine } from '../../support/fakeEngine';

/** A pool whose engines never answer, counting which engine each job went to. */
function countingPool(size: number, backgroundOnly: number) {
  const jobs: number[] = [];
  let made = 0;
  const pool = new EnginePool({
    size,
    backgroundOnly,
    create: (): Engine => {
      const index = made++;
      const engine = fakeEngine({});
      return { ...engine, start: (kind, input, options) => (jobs.push(index), engine.start(kind, input, options)) };
    },
  });
  return { pool, jobs };
}

describe('engines for background work only', () => {
  it('background jobs fill every engine, one each; interactive jobs never go to the extra ones', () => {
    const { pool, jobs } = countingPool(1, 1);
    pool.submit('point', {}, { priority: 'background' });
    pool.submit('point', {}, { priority: 'background' });
    pool.submit('point', {}, { priority: 'background' });
    expect(jobs.sort()).toEqual([0, 1]);
    pool.run({});
    pool.run({});
    expect(jobs.slice(2)).toEqual([0, 0]);
    pool.dispose();
  });

  it('without the option the pool is as before: one background job per engine', () => {
    const { pool, jobs } = countingPool(1, 0);
    pool.submit('point', {}, { priority: 'background' });
    pool.submit('point', {}, { priority: 'background' });
    expect(jobs).toEqual([0]);
    pool.dispose();
  });
});
