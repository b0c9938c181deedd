import type { FleetTrace } from '../../engine';

/** One bar: a migration (source to destination) or a terminated VM's time down. */
export interface GanttBar {
  kind: 'migration' | 'down';
  /** Migration id, or the fate's index for a time down. */
  id: number;
  vm: number;
  lane: number;
  startMs: number;
  endMs: number;
  /** Where the blackout begins (migrations that reached it), ms. */
  blackoutStartMs: number | null;
  outcome: 'completed' | 'aborted' | 'lost' | 'restarted' | 'still-down';
}

export interface GanttGroup {
  label: string;
  firstLane: number;
  lanes: number;
}

export interface GanttLayout {
  groups: GanttGroup[];
  bars: GanttBar[];
  lanes: number;
  /** Lanes of migrations (the customers' groups); the terminated VMs' lanes follow them. */
  migrationLanes: number;
  endMs: number;
}

/** How tall the lanes are: migrations' lanes first, the (often many) time-down lanes squeezed after. */
export interface GanttRows {
  migrationPx: number;
  downPx: number;
  top: (lane: number) => number;
  height: (lane: number) => number;
  /** The lane at `yPx` from the chart's top, or -1. */
  laneAt: (yPx: number) => number;
}

/** Rows that fit `availPx`: time-down lanes take at most a third of it, and never more than a migration lane. */
export function ganttRows(layout: GanttLayout, topPx: number, availPx: number): GanttRows {
  const mig = layout.migrationLanes;
  const down = layout.lanes - mig;
  const even = availPx / Math.max(1, layout.lanes);
  // Lanes always fit (a third at most for the terminated VMs): below half a pixel their bars overlap.
  const downPx = down ? Math.min(20, even, (mig ? availPx / 3 : availPx) / down) : 0;
  const migrationPx = mig ? Math.min(20, (availPx - down * downPx) / mig) : 0;
  const downTop = topPx + mig * migrationPx;
  return {
    migrationPx,
    downPx,
    top: (lane) => (lane < mig ? topPx + lane * migrationPx : downTop + (lane - mig) * downPx),
    height: (lane) => (lane < mig ? migrationPx : downPx),
    laneAt: (y) => {
      if (y < topPx) return -1;
      if (y < downTop) return Math.floor((y - topPx) / migrationPx);
      const k = down ? Math.floor((y - downTop) / downPx) : -1;
      return k >= 0 && k < down ? mig + k : -1;
    },
  };
}

/**
 * Packs intervals into lanes, first fit in order of start: the fewest lanes that hold them without
 * overlap, which is the most of them under way at once. Returns each interval's lane and the lane count.
 */
export function packLanes(intervals: readonly { startMs: number; endMs: number }[]): { lane: number[]; lanes: number } {
  const order = intervals.map((_, i) => i).sort((a, b) => intervals[a].startMs - intervals[b].startMs || a - b);
  const laneEnds: number[] = [];
  const lane = new Array<number>(intervals.length);
  for (const i of order) {
    const iv = intervals[i];
    let k = laneEnds.findIndex((end) => end <= iv.startMs);
    if (k < 0) k = laneEnds.push(iv.endMs) - 1;
    else laneEnds[k] = iv.endMs;
    lane[i] = k;
  }
  return { lane, lanes: laneEnds.length };
}

/**
 * The Gantt chart of a fleet run: one group per customer with its migrations packed in lanes (so a group
 * is exactly as tall as that customer's most migrations at once: a per-customer cap shows as its
 * height), then one group of the VMs that were terminated, for the time each was down.
 */
export function ganttLayout(trace: FleetTrace): GanttLayout {
  const groups: GanttGroup[] = [];
  const bars: GanttBar[] = [];
  const endMs = Math.max(1, trace.summary.endMs);
  let next = 0;
  const byCustomer = new Map<number, typeof trace.migrations>();
  for (const m of trace.migrations) {
    const list = byCustomer.get(m.customer) ?? [];
    list.push(m);
    byCustomer.set(m.customer, list);
  }
  for (const customer of [...byCustomer.keys()].sort((a, b) => a - b)) {
    const list = byCustomer.get(customer)!;
    const { lane, lanes } = packLanes(list);
    groups.push({ label: trace.layout.customers[customer] ?? `customer ${customer + 1}`, firstLane: next, lanes });
    list.forEach((m, i) =>
      bars.push({
        kind: 'migration',
        id: m.id,
        vm: m.vm,
        lane: next + lane[i],
        startMs: m.startMs,
        endMs: m.endMs,
        blackoutStartMs: m.blackoutStartMs,
        outcome: m.outcome,
      }),
    );
    next += lanes;
  }
  const migrationLanes = next;
  const downs = trace.fates
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.stoppedAtMs !== null)
    .map(({ f, i }) => ({
      i,
      vm: f.vm,
      startMs: f.stoppedAtMs!,
      endMs: f.runningAgainAtMs ?? endMs,
      up: f.runningAgainAtMs !== null,
    }));
  if (downs.length) {
    const { lane, lanes } = packLanes(downs);
    groups.push({ label: 'terminated', firstLane: next, lanes });
    downs.forEach((d, k) =>
      bars.push({
        kind: 'down',
        id: d.i,
        vm: d.vm,
        lane: next + lane[k],
        startMs: d.startMs,
        endMs: d.endMs,
        blackoutStartMs: null,
        outcome: d.up ? 'restarted' : 'still-down',
      }),
    );
    next += lanes;
  }
  return { groups, bars, lanes: next, migrationLanes, endMs };
}

/** The bar under a point of the chart (its lane and time), or null. */
export function barAt(layout: GanttLayout, lane: number, tMs: number, slopMs: number): GanttBar | null {
  let best: GanttBar | null = null;
  for (const b of layout.bars)
    if (b.lane === lane && tMs >= b.startMs - slopMs && tMs <= b.endMs + slopMs) {
      if (!best || (tMs >= b.startMs && tMs <= b.endMs)) best = b;
    }
  return best;
}
