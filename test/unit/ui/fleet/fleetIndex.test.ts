// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FLEET_PRESETS, simulateFleet, type FleetTrace } from '../../../../src/engine';
import { activeAt, countersAt } from '../../../../src/ui/fleet/fleetAt';
import { FleetIndex } from '../../../../src/ui/fleet/fleetIndex';

const traces: [string, FleetTrace][] = [
  [
    'rack maintenance, per-customer cap 1',
    simulateFleet({ ...FLEET_PRESETS['rack-maintenance'].scenario, scheduler: { perCustomerCap: 1 } }),
  ],
  ['a flaky host that fails', simulateFleet(FLEET_PRESETS['flaky-host'].scenario)],
];

/** Every moment something changes, and just before and after it, plus the run's ends. */
function momentsOf(t: FleetTrace): number[] {
  const at = new Set<number>([-1, 0, t.summary.endMs, t.summary.endMs + 1]);
  for (const m of t.migrations) for (const x of [m.startMs, m.endMs, m.blackoutStartMs ?? 0]) at.add(x);
  for (const f of t.fates) for (const x of [f.stoppedAtMs, f.runningAgainAtMs]) if (x !== null) at.add(x);
  return [...at].flatMap((x) => [x - 0.5, x, x + 0.5]);
}

describe('the fleet index the view asks at every frame', () => {
  for (const [name, t] of traces)
    it(`gives the same migrations under way and counters as the plain loops: ${name}`, () => {
      const index = new FleetIndex(t);
      const moments = momentsOf(t);
      expect(moments.length).toBeGreaterThan(50);
      for (const tMs of moments) {
        expect(index.activeAt(tMs).map((m) => m.id)).toEqual(activeAt(t, tMs).map((m) => m.id));
        const want = countersAt(t, tMs);
        const got = index.countersAt(tMs);
        expect({ ...got, blackoutMs: 0, bytes: 0 }).toEqual({ ...want, blackoutMs: 0, bytes: 0 });
        expect(got.blackoutMs).toBeCloseTo(want.blackoutMs, 6);
        expect(got.bytes).toBeCloseTo(want.bytes, 0);
      }
    });

  it('finds a migration that spans many time buckets', () => {
    const t = traces[0][1];
    const long = { ...t.migrations[0], id: t.migrations.length, startMs: 0, endMs: t.summary.endMs };
    const stretched = { ...t, migrations: [...t.migrations, long] };
    const index = new FleetIndex(stretched);
    for (const tMs of [0, t.summary.endMs / 3, t.summary.endMs - 1])
      expect(index.activeAt(tMs).map((m) => m.id)).toEqual(activeAt(stretched, tMs).map((m) => m.id));
  });
});
