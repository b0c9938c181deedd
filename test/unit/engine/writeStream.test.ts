// @vitest-environment node
import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  WriteStream,
  gapBounds,
  geometricGap,
  scatterStride,
  type WriteParams,
} from '../../../src/engine/workload/writeStream';
import { seededRandom } from '../../../src/engine/random';

const base: WriteParams = {
  pattern: 'uniform',
  writesPerSec: 1000,
  wssFrom: 0,
  wssTo: 100_000,
  hotFraction: 0.1,
  hotWriteShare: 0.9,
  zipfExponent: 1,
  burstPeriodMs: 0,
  burstDuty: 1,
};

/** Distinct pages written after writing for `ms` in slices of `sliceMs`. */
function distinctAfter(params: WriteParams, ms: number, sliceMs: number, seed = 0.25): Set<number> {
  const stream = new WriteStream(params, randomLcg(seed));
  const pages = new Set<number>();
  for (let t = 0; t < ms; t += sliceMs) stream.advance(t, sliceMs, 1, (p) => pages.add(p));
  return pages;
}

describe('the write stream', () => {
  // Uniform writes at w per second over N pages leave N(1 - e^(-w t / N)) distinct dirty pages after t.
  it.each([
    { w: 2_000, t: 10_000, slice: 1, label: 'sparse writing (drawn write by write)' },
    { w: 50_000, t: 4_000, slice: 5, label: 'dense writing (drawn page by page)' },
    { w: 400_000, t: 1_000, slice: 10, label: 'heavy saturation' },
  ])('uniform writes match N(1 - e^(-wt/N)): $label', ({ w, t, slice }) => {
    const n = 100_000;
    const expected = n * (1 - Math.exp((-w * t) / 1000 / n));
    const got = distinctAfter({ ...base, writesPerSec: w }, t, slice).size;
    // Binomial spread: a few standard deviations of a count of N Bernoulli(p) pages.
    const p = expected / n;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(got - expected)).toBeLessThan(5 * sd + 0.002 * n);
  });

  it('keeps writes inside the working set', () => {
    const pages = distinctAfter({ ...base, wssFrom: 5_000, wssTo: 6_000, writesPerSec: 50_000 }, 500, 1);
    expect(Math.min(...pages)).toBeGreaterThanOrEqual(5_000);
    expect(Math.max(...pages)).toBeLessThan(6_000);
    expect(pages.size).toBeGreaterThan(990);
  });

  it('writes the exact number of writes over time, carrying fractions between slices', () => {
    const stream = new WriteStream({ ...base, writesPerSec: 333 }, randomLcg(0.5));
    let writes = 0;
    for (let t = 0; t < 3_000; t += 0.7) writes += stream.advance(t, 0.7, 1, () => {});
    expect(Math.abs(writes - 333 * 3.0)).toBeLessThanOrEqual(1);
  });

  it('hot/cold sends the hot share of writes to the hot part at the top of the set', () => {
    const stream = new WriteStream({ ...base, pattern: 'hotcold', writesPerSec: 10_000 }, randomLcg(0.1));
    let hot = 0;
    let all = 0;
    for (let t = 0; t < 1_000; t++)
      stream.advance(t, 1, 1, (p) => {
        all++;
        if (p >= 90_000) hot++;
      });
    expect(Math.abs(all - 10_000)).toBeLessThanOrEqual(2);
    expect(hot / all).toBeCloseTo(0.9, 2);
  });

  it('sequential writes sweep the set in order and wrap', () => {
    const seen: number[] = [];
    const stream = new WriteStream(
      { ...base, pattern: 'sequential', wssFrom: 10, wssTo: 20, writesPerSec: 1000 },
      randomLcg(0),
    );
    stream.advance(0, 13, 1, (p) => seen.push(p));
    expect(seen).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    seen.length = 0;
    stream.advance(13, 2, 1, (p) => seen.push(p));
    expect(seen).toEqual([13, 14]);
  });

  it('zipf writes favour few pages: rank share follows the 1/r^s law', () => {
    const counts = new Map<number, number>();
    const k = 10_000;
    const stream = new WriteStream(
      { ...base, pattern: 'zipf', wssFrom: 0, wssTo: k, zipfExponent: 1, writesPerSec: 1000 },
      randomLcg(0.3),
    );
    for (let t = 0; t < 2_000; t++) stream.advance(t, 1, 1, (p) => counts.set(p, (counts.get(p) ?? 0) + 1));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const top = [...counts.values()].sort((a, b) => b - a);
    // Continuous law with s = 1: ranks below x take ln(x)/ln(K+1) of the writes.
    const share10 = top.slice(0, 9).reduce((a, b) => a + b, 0) / total;
    expect(share10).toBeCloseTo(Math.log(10) / Math.log(k + 1), 1);
  });

  it('scatter strides are permutations', () => {
    for (const n of [3, 10, 64, 1000, 4097]) {
      const stride = scatterStride(n);
      const seen = new Set(Array.from({ length: n }, (_, r) => (r * stride) % n));
      expect(seen.size).toBe(n);
    }
  });

  it('bursts write only during the on part of each cycle', () => {
    const stream = new WriteStream({ ...base, burstPeriodMs: 1000, burstDuty: 0.25 }, randomLcg(0));
    expect(stream.activeMs(0, 1000)).toBeCloseTo(250, 9);
    expect(stream.activeMs(200, 100)).toBeCloseTo(50, 9);
    expect(stream.activeMs(300, 600)).toBeCloseTo(0, 9);
    expect(stream.activeMs(900, 1350)).toBeCloseTo(500, 9);
  });

  it('a paused guest (speed 0) writes nothing', () => {
    const stream = new WriteStream(base, randomLcg(0));
    expect(stream.advance(0, 1000, 0, () => {})).toBe(0);
  });
});

describe('gaps between hits in dense writing', () => {
  const formula = (u: number, logMiss: number) => Math.floor(Math.log1p(-u) / logMiss);
  const nudge = (x: number, ulps: number) => {
    const view = new Float64Array([x]);
    const bits = new BigInt64Array(view.buffer);
    bits[0] += BigInt(ulps);
    return view[0];
  };

  it('the table gives the gap the logarithm gives, for any draw, also a hair either side of a bound', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-11, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.nat(47),
        fc.integer({ min: -3, max: 3 }),
        (chance, u, k, ulps) => {
          const logMiss = Math.log1p(-chance);
          const bounds = gapBounds(logMiss);
          expect(geometricGap(u, logMiss, bounds)).toBe(formula(u, logMiss));
          const atBound = nudge(bounds[k], ulps);
          if (atBound >= 0 && atBound < 1)
            expect(geometricGap(atBound, logMiss, bounds)).toBe(formula(atBound, logMiss));
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe('drawing with the source’s state in a local', () => {
  const patterns: WriteParams[] = [
    { ...base, writesPerSec: 3_000 },
    // Dense: each page is drawn as written or not, with geometric gaps between hits.
    { ...base, writesPerSec: 2_000_000, wssTo: 4_000 },
    { ...base, pattern: 'hotcold', writesPerSec: 50_000, hotFraction: 0.05 },
  ];
  it('writes the very pages, in the same order, and leaves the source where drawing one at a time does', () => {
    for (const params of patterns) {
      const written = (sinkDraws: boolean) => {
        const random = seededRandom(0.3);
        const stream = new WriteStream(params, random);
        const pages: number[] = [];
        for (let t = 0; t < 200; t += 1) stream.advance(t, 1, 1, (p) => pages.push(p), sinkDraws);
        return { pages, next: random() };
      };
      const local = written(false);
      expect(local.pages.length).toBeGreaterThan(100);
      expect(local).toEqual(written(true));
    }
  });
});
