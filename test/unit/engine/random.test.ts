// @vitest-environment node
import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/engine/random';

describe('the engine’s seeded random source', () => {
  it('draws exactly the numbers d3-random’s randomLcg draws, for any seed the scenario allows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_294_967_295 }), (seed) => {
        const draws = (next: () => number) => Array.from({ length: 1_000 }, next);
        expect(draws(seededRandom(seed / 4_294_967_296))).toEqual(draws(randomLcg(seed / 4_294_967_296)));
      }),
      { numRuns: 100 },
    );
  });

  it('stays in [0, 1) and spreads evenly (mean about 1/2, variance about 1/12)', () => {
    const draw = seededRandom(0.37);
    const n = 200_000;
    let outside = 0;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(squares / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });
});
