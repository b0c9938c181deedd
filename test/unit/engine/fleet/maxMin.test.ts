// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxMinRates, type FlowDemand } from '../../../../src/engine/fleet/sim/maxMin';
import { maxMinShare } from '../../../../src/engine/network/share';

describe('max-min fair sharing of the fleet links', () => {
  it('splits one link evenly, and what a small demand leaves goes to the others (as share.ts does)', () => {
    const flows: FlowDemand[] = [
      { links: [0], demand: Infinity },
      { links: [0], demand: 10 },
      { links: [0], demand: Infinity },
    ];
    expect([...maxMinRates(flows, [100])]).toEqual([45, 10, 45]);
    expect([...maxMinRates(flows, [100])]).toEqual(maxMinShare(100, [Infinity, 10, Infinity]));
  });

  it('a flow held back elsewhere leaves its share of a shared link to the rest', () => {
    // Two flows leave host 0 (NIC 100); one of them also enters a host whose NIC (30) it shares with a third.
    const rates = maxMinRates(
      [
        { links: [0, 1], demand: Infinity },
        { links: [0, 2], demand: Infinity },
        { links: [3, 2], demand: Infinity },
      ],
      [100, 1000, 30, 1000],
    );
    expect([...rates]).toEqual([85, 15, 15]);
  });

  it('over random flows: feasible, and every flow is held by its demand or by a full link where nobody gets more', () => {
    const arb = fc.record({
      capacity: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }),
      flows: fc.array(
        fc.record({
          links: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 4 }),
          demand: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 500 })),
        }),
        { minLength: 1, maxLength: 20 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ capacity, flows }) => {
        const f = flows.map((x) => ({ ...x, links: [...new Set(x.links.map((l) => l % capacity.length))] }));
        const rates = maxMinRates(f, capacity);
        const used = capacity.map((_, l) => f.reduce((a, x, i) => a + (x.links.includes(l) ? rates[i] : 0), 0));
        used.forEach((u, l) => expect(u).toBeLessThanOrEqual(capacity[l] * (1 + 1e-9) + 1e-9));
        f.forEach((x, i) => {
          expect(rates[i]).toBeGreaterThan(0);
          if (rates[i] >= x.demand * (1 - 1e-9)) return;
          const bottleneck = x.links.some(
            (l) =>
              used[l] >= capacity[l] * (1 - 1e-9) &&
              f.every((y, j) => !y.links.includes(l) || rates[j] <= rates[i] * (1 + 1e-9)),
          );
          expect(bottleneck, `flow ${i}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
