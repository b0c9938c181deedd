// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLEET_PRESETS, simulateFleet } from '../../../../src/engine';
import { activeAt, countersAt } from '../../../../src/ui/fleet/fleetAt';
import { ganttLayout, ganttRows, packLanes } from '../../../../src/ui/fleet/gantt';
import {
  cellOf,
  gridLayout,
  hostAtPoint,
  hostCells,
  migrationArcs,
  pointOnArc,
} from '../../../../src/ui/fleet/hostGrid';
import { paintGantt } from '../../../../src/ui/fleet/paintGantt';
import { residentsAt } from '../../../../src/ui/fleet/residents';

const capped = simulateFleet({ ...FLEET_PRESETS['rack-maintenance'].scenario, scheduler: { perCustomerCap: 1 } });
const flaky = simulateFleet(FLEET_PRESETS['flaky-host'].scenario);

describe('the host grid', () => {
  it('puts every host in its own cell, racks as columns, and finds it again under a point', () => {
    const g = gridLayout(900, 400, 4, 8);
    const seen = new Set<string>();
    for (let h = 0; h < 32; h++) {
      const c = cellOf(g, h);
      expect(Math.floor(h / 8)).toBe(Math.round((c.x - g.originX) / (g.cellPx + g.gapPx)));
      seen.add(`${c.x},${c.y}`);
      expect(hostAtPoint(g, c.cx, c.cy, 32)).toBe(h);
      expect(c.x + g.cellPx).toBeLessThanOrEqual(900);
      expect(c.y + g.cellHeightPx).toBeLessThanOrEqual(400);
    }
    expect(seen.size).toBe(32);
    expect(hostAtPoint(g, 0, 0, 32)).toBeNull();
  });

  it("shows each host's state and load as the trace's samples say, the state also as a letter", () => {
    const g = gridLayout(1200, 600, 4, 8);
    const failedAt = flaky.events.find((e) => e.kind === 'host-failed')!.tMs;
    const k = flaky.samples.timesMs.findIndex((t) => t >= failedAt);
    const cells = hostCells(flaky, g, flaky.samples.timesMs[k]);
    const failed = cells.filter((c) => c.state === 'failed');
    expect(failed.map((c) => c.host)).toEqual([2]);
    expect(failed[0].label).toMatch(/^F /);
    for (const c of cells) expect(c.loadPct).toBe(flaky.samples.memoryPct[k * flaky.samples.hosts + c.host]);
    expect(cells.filter((c) => c.state === 'up').every((c) => /^\d+$/.test(c.label!))).toBe(true);
  });

  it('draws an arc for exactly the migrations under way, from source to destination, the marker moving along', () => {
    const g = gridLayout(1200, 600, 4, 8);
    const mid = capped.migrations[5];
    const t = (mid.startMs + mid.endMs) / 2;
    const arcs = migrationArcs(capped.migrations, g, t);
    expect(arcs.map((a) => a.id).sort()).toEqual(
      activeAt(capped, t)
        .map((m) => m.id)
        .sort(),
    );
    const arc = arcs.find((a) => a.id === mid.id)!;
    expect(arc.from).toEqual({ x: cellOf(g, mid.source).cx, y: cellOf(g, mid.source).cy });
    expect(pointOnArc(arc, 1)).toEqual(arc.to);
    expect(arc.progress).toBeCloseTo(0.5, 9);
    expect(migrationArcs(capped.migrations, g, mid.endMs).some((a) => a.id === mid.id)).toBe(false);
  });
});

describe('the Gantt chart', () => {
  it('packs intervals in as many lanes as are ever under way at once, none overlapping in a lane', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 300 })), { maxLength: 60 }), (raw) => {
        const ivs = raw.map(([s, d]) => ({ startMs: s, endMs: s + d }));
        const { lane, lanes } = packLanes(ivs);
        let most = 0;
        for (const a of ivs)
          most = Math.max(most, ivs.filter((b) => b.startMs <= a.startMs && a.startMs < b.endMs).length);
        expect(lanes).toBe(most);
        for (let i = 0; i < ivs.length; i++)
          for (let j = i + 1; j < ivs.length; j++)
            if (lane[i] === lane[j])
              expect(ivs[i].endMs <= ivs[j].startMs || ivs[j].endMs <= ivs[i].startMs).toBe(true);
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it('gives each customer as many lanes as its most migrations at once: one under a per-customer cap of 1', () => {
    const layout = ganttLayout(capped);
    const customers = layout.groups.filter((g) => g.label !== 'terminated');
    expect(customers.length).toBeGreaterThan(1);
    for (const g of customers) expect(g.lanes).toBe(1);
    const uncapped = ganttLayout(simulateFleet(FLEET_PRESETS['rack-maintenance'].scenario));
    expect(Math.max(...uncapped.groups.filter((g) => g.label !== 'terminated').map((g) => g.lanes))).toBe(
      simulateFleet(FLEET_PRESETS['rack-maintenance'].scenario).summary.peakConcurrent.perCustomer,
    );
    expect(layout.bars.filter((b) => b.kind === 'migration')).toHaveLength(capped.migrations.length);
    expect(layout.bars.filter((b) => b.kind === 'down')).toHaveLength(capped.summary.terminated);
  });

  it('fits its lanes into the height, the terminated lanes in at most a third, and finds the lane under a point', () => {
    const layout = ganttLayout(capped);
    const rows = ganttRows(layout, 4, 300);
    const last = layout.lanes - 1;
    expect(rows.top(last) + rows.height(last)).toBeLessThanOrEqual(304 + 1e-9);
    expect((layout.lanes - layout.migrationLanes) * rows.downPx).toBeLessThanOrEqual(100 + 1e-9);
    for (let lane = 0; lane < layout.lanes; lane++)
      expect(rows.laneAt(rows.top(lane) + rows.height(lane) / 2)).toBe(lane);
    expect(rows.laneAt(1)).toBe(-1);
    // Hundreds of terminated VMs (a whole-fleet rollout) still fit their third, above the time axis.
    const crowded = { ...layout, migrationLanes: 236, lanes: 236 + 568 };
    const few = ganttRows(crowded, 4, 180);
    expect(few.top(crowded.lanes - 1) + few.height(crowded.lanes - 1)).toBeLessThanOrEqual(184 + 1e-9);
    expect(568 * few.downPx).toBeLessThanOrEqual(60 + 1e-9);
    expect(few.laneAt(few.top(crowded.lanes - 1) + few.height(crowded.lanes - 1) / 2)).toBe(crowded.lanes - 1);
  });
});

describe('the counters and residents at the playhead', () => {
  it('equal the summary at the end, and count nothing before the first trigger', () => {
    for (const t of [capped, flaky]) {
      const end = countersAt(t, t.summary.endMs);
      expect(end.moved).toBe(t.summary.migrated);
      expect(end.terminated).toBe(t.summary.terminated);
      expect(end.restarted).toBe(t.summary.restarted);
      expect(end.blackoutMs).toBeCloseTo(t.summary.totalBlackoutMs, 6);
      expect(end.bytes).toBeCloseTo(t.summary.bytesTransferred, 0);
      expect(countersAt(t, -1)).toEqual({
        moved: 0,
        terminated: 0,
        restarted: 0,
        blackoutMs: 0,
        bytes: 0,
        activeMigrations: 0,
      });
    }
  });

  it('the rack being emptied holds no VM once the evacuation is over, and its VMs are where the trace ends them', () => {
    const after = capped.summary.evacuationMs + 1;
    for (let h = 0; h < 8; h++) expect(residentsAt(capped, h, after)).toEqual([]);
    const final = Array.from(capped.finalHosts);
    for (let h = 0; h < capped.layout.hosts.length; h++)
      expect(residentsAt(capped, h, capped.summary.endMs)).toEqual(final.flatMap((x, v) => (x === h ? [v] : [])));
  });
});

describe('the Gantt painter', () => {
  it('keeps the time labels at both ends of the axis whole inside the canvas', () => {
    const layout = ganttLayout(capped);
    const widthPx = 600;
    const labels: { text: string; x: number }[] = [];
    const ctx = new Proxy(
      {
        fillText: (text: string, x: number) => labels.push({ text, x }),
        measureText: (text: string) => ({ width: text.length * 7 }),
      } as Record<string, unknown>,
      { get: (o, k) => (k in o ? o[k as string] : () => {}), set: () => true },
    ) as unknown as CanvasRenderingContext2D;
    const ticks = [0, layout.endMs / 2, layout.endMs];
    paintGantt(ctx, layout, {
      widthPx,
      heightPx: 300,
      devicePixelRatio: 1,
      labelPx: 0,
      rows: ganttRows(layout, 4, 260),
      // The axis runs from edge to edge: a centred label at either end would be half cut off.
      x: (t) => (t / layout.endMs) * widthPx,
      ticks,
      tickLabel: (t) => `${Math.round(t / 1000)} s`,
      selectedVm: null,
    });
    const axis = labels.filter((l) => / s$/.test(l.text));
    expect(axis).toHaveLength(3);
    for (const l of axis) {
      expect(l.x - l.text.length * 3.5).toBeGreaterThanOrEqual(0);
      expect(l.x + l.text.length * 3.5).toBeLessThanOrEqual(widthPx);
    }
  });
});
