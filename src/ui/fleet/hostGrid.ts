import { HOST_STATES, type FleetTrace, type HostState, type MigrationRecord } from '../../engine';
import { migrationPhaseAt, sampleIndexAt } from './fleetAt';

/** Where each host sits on the grid: racks are columns, a rack's hosts go down the column. */
export interface GridLayout {
  /** A cell's width and height (a cell may be up to 2.5 times as wide as high, to use a wide box). */
  cellPx: number;
  cellHeightPx: number;
  gapPx: number;
  /** Top-left of the first rack's first host, CSS px (space above is for the rack labels). */
  originX: number;
  originY: number;
  columns: number;
  rows: number;
}

export const RACK_LABEL_PX = 18;

/** The largest square cells that fit `racks` columns of `hostsPerRack` hosts into the box. */
export function gridLayout(widthPx: number, heightPx: number, racks: number, hostsPerRack: number): GridLayout {
  const usableH = Math.max(1, heightPx - RACK_LABEL_PX - 4);
  const usableW = Math.max(1, widthPx - 8);
  const pitchY = Math.max(1, Math.min(usableH / hostsPerRack, 64));
  const pitchX = Math.max(1, Math.min(usableW / racks, pitchY * 2.5, 120));
  const gapPx = Math.min(pitchX, pitchY) >= 8 ? Math.max(1, Math.round(Math.min(pitchX, pitchY) * 0.08)) : 0;
  const gridW = racks * pitchX;
  return {
    cellPx: Math.max(1, pitchX - gapPx),
    cellHeightPx: Math.max(1, pitchY - gapPx),
    gapPx,
    originX: Math.max(4, (widthPx - gridW) / 2),
    originY: RACK_LABEL_PX + 2,
    columns: racks,
    rows: hostsPerRack,
  };
}

/** The host's cell: x, y of its top-left corner and its centre, CSS px. */
export function cellOf(g: GridLayout, host: number) {
  const rack = Math.floor(host / g.rows);
  const slot = host % g.rows;
  const x = g.originX + rack * (g.cellPx + g.gapPx);
  const y = g.originY + slot * (g.cellHeightPx + g.gapPx);
  return { x, y, cx: x + g.cellPx / 2, cy: y + g.cellHeightPx / 2 };
}

/** The host under a point, or null. */
export function hostAtPoint(g: GridLayout, xPx: number, yPx: number, hosts: number): number | null {
  const rack = Math.floor((xPx - g.originX) / (g.cellPx + g.gapPx));
  const slot = Math.floor((yPx - g.originY) / (g.cellHeightPx + g.gapPx));
  if (rack < 0 || slot < 0 || rack >= g.columns || slot >= g.rows) return null;
  const host = rack * g.rows + slot;
  return host < hosts ? host : null;
}

export interface HostCell {
  host: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Memory held, % of the host (the fill colour). */
  loadPct: number;
  state: HostState;
  outgoing: number;
  incoming: number;
  /** Written in the cell when it is large enough: the load, and a letter for a state other than up. */
  label: string | null;
}

export interface MigrationArc {
  id: number;
  from: { x: number; y: number };
  to: { x: number; y: number };
  /** Control point of the quadratic curve (bowed to one side so arcs both ways do not overlap). */
  control: { x: number; y: number };
  /** 0..1: how far along the migration is in time (its marker's position on the arc). */
  progress: number;
  phase: 'copying' | 'blackout';
}

/** One letter per state for cells and the legend, so a state never rests on colour alone. */
export const STATE_LETTERS: Record<HostState, string> = {
  up: '',
  draining: 'D',
  maintenance: 'M',
  failed: 'F',
  off: 'O',
};

/** The cells of every host at `tMs`: load, state and migrations in and out, from the trace's samples. */
export function hostCells(trace: FleetTrace, g: GridLayout, tMs: number): HostCell[] {
  const k = sampleIndexAt(trace, tMs);
  const s = trace.samples;
  const H = s.hosts;
  const showLabel = g.cellPx >= 30 && g.cellHeightPx >= 14;
  const cells: HostCell[] = [];
  for (let h = 0; h < H; h++) {
    const i = k * H + h;
    const { x, y } = cellOf(g, h);
    const state = HOST_STATES[s.state[i]] ?? 'up';
    const loadPct = s.memoryPct[i];
    const letter = STATE_LETTERS[state];
    cells.push({
      host: h,
      x,
      y,
      width: g.cellPx,
      height: g.cellHeightPx,
      loadPct,
      state,
      outgoing: s.outgoing[i],
      incoming: s.incoming[i],
      label: showLabel ? (letter ? `${letter} ${Math.round(loadPct)}` : `${Math.round(loadPct)}`) : null,
    });
  }
  return cells;
}

/** The arcs of the migrations under way at `tMs`, source to destination. */
export function migrationArcs(migrations: readonly MigrationRecord[], g: GridLayout, tMs: number): MigrationArc[] {
  const arcs: MigrationArc[] = [];
  for (const m of migrations) {
    const phase = migrationPhaseAt(m, tMs);
    if (phase !== 'copying' && phase !== 'blackout') continue;
    const a = cellOf(g, m.source);
    const b = cellOf(g, m.destination);
    const dx = b.cx - a.cx;
    const dy = b.cy - a.cy;
    const len = Math.hypot(dx, dy) || 1;
    // Bow by a fifth of the distance, to the left of the direction of travel.
    const bow = Math.max(g.cellHeightPx * 0.6, len * 0.2);
    arcs.push({
      id: m.id,
      from: { x: a.cx, y: a.cy },
      to: { x: b.cx, y: b.cy },
      control: { x: (a.cx + b.cx) / 2 + (dy / len) * bow, y: (a.cy + b.cy) / 2 - (dx / len) * bow },
      progress: Math.min(1, Math.max(0, (tMs - m.startMs) / Math.max(1e-9, m.endMs - m.startMs))),
      phase,
    });
  }
  return arcs;
}

/** A point on an arc at `u` (0..1) along its quadratic curve. */
export function pointOnArc(a: MigrationArc, u: number): { x: number; y: number } {
  const v = 1 - u;
  return {
    x: v * v * a.from.x + 2 * v * u * a.control.x + u * u * a.to.x,
    y: v * v * a.from.y + 2 * v * u * a.control.y + u * u * a.to.y,
  };
}
