// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { downtimeDomain, downtimeScale, visibleTicks } from '../../../../src/ui/spectrum/chartScale';

describe('downtimeDomain', () => {
  it('runs from a round tick below the shortest downtime to one above the longest', () => {
    expect(downtimeDomain([45_000, 65_000, 8_190, 1_808_000, 17_500, 286])).toEqual([100, 3_600_000]);
    expect(downtimeDomain([3.6, 17_500])).toEqual([1, 60_000]);
  });

  it('always shows the 750 ms line, and ignores a zero downtime', () => {
    expect(downtimeDomain([2000, 5000])).toEqual([100, 10_000]);
    expect(downtimeDomain([0, 300])).toEqual([100, 1000]);
  });
});

describe('downtimeScale', () => {
  it('is logarithmic and puts zero at the left end', () => {
    const x = downtimeScale([286, 3_600_000], [0, 450]);
    expect(x(100)).toBe(0);
    expect(x(1000) - x(100)).toBeCloseTo(x(10_000) - x(1000), 9);
    expect(x(0)).toBe(0);
  });
});

describe('visibleTicks', () => {
  it('labels round times with units and leaves out tens that would crowd, never a unit', () => {
    const x = downtimeScale([286, 3_600_000], [0, 1000]);
    expect(visibleTicks(x, 10).map((t) => t.label)).toEqual(['100 ms', '1 s', '10 s', '1 min', '10 min', '1 h']);
    const narrow = visibleTicks(downtimeScale([286, 3_600_000], [0, 200]), 44);
    expect(narrow.map((t) => t.label)).toEqual(['1 s', '1 min', '1 h']);
    for (let i = 1; i < narrow.length; i++) expect(narrow[i].x - narrow[i - 1].x).toBeGreaterThanOrEqual(44);
  });
});
