import { interpolateBlues } from 'd3';
import type { HostState } from '../../engine';
import { pointOnArc, type HostCell, type MigrationArc } from './hostGrid';

/** The ramp in steps of 0.1 %, worked out once: a repaint of a thousand hosts would spend ms on it. */
const RAMP = Array.from({ length: 1001 }, (_, i) => interpolateBlues(0.08 + 0.82 * (i / 1000)));

/** Fill of a host holding `loadPct` % of its memory (light: empty; dark: full). */
export const loadColour = (loadPct: number): string => RAMP[Math.round(10 * Math.min(100, Math.max(0, loadPct))) || 0];

/** Whether writing on that fill needs white ink. */
export const darkFill = (loadPct: number) => loadPct > 55;

type Ctx = CanvasRenderingContext2D;

/** The stroke pattern of each state other than up, drawn over the load colour: the state is never colour alone. */
export function paintStatePattern(ctx: Ctx, state: HostState, x: number, y: number, w: number, h: number): void {
  const size = Math.max(w, h);
  if (state === 'up') return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.lineWidth = Math.max(1, Math.min(w, h) / 14);
  const step = Math.max(4, Math.min(w, h) / 4);
  if (state === 'off') {
    ctx.fillStyle = '#c9ced6';
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = '#5d6673';
    for (let i = step / 2; i < w; i += step)
      for (let j = step / 2; j < h; j += step) ctx.fillRect(x + i - 0.75, y + j - 0.75, 1.5, 1.5);
  } else {
    ctx.strokeStyle = state === 'failed' ? '#c8102e' : state === 'maintenance' ? '#7a4b00' : '#16202c';
    ctx.beginPath();
    for (let d = -size; d < size; d += step) {
      ctx.moveTo(x + d, y + size);
      ctx.lineTo(x + d + size, y);
      if (state === 'maintenance') {
        ctx.moveTo(x + d, y);
        ctx.lineTo(x + d + size, y + size);
      }
    }
    if (state === 'failed') {
      ctx.moveTo(x, y);
      ctx.lineTo(x + w, y + h);
      ctx.moveTo(x + w, y);
      ctx.lineTo(x, y + h);
    }
    ctx.stroke();
  }
  ctx.restore();
}

export interface GridPaint {
  widthPx: number;
  heightPx: number;
  devicePixelRatio: number;
  racks: number;
  rackLabel: (rack: number) => string;
  rackX: (rack: number) => number;
  cellPx: number;
  selectedHost: number | null;
  highlightHosts: ReadonlySet<number>;
}

/** The grid: rack labels, each host filled by its load, its state's pattern and label over it. */
export function paintHostGrid(ctx: Ctx | null, cells: readonly HostCell[], p: GridPaint): void {
  if (!ctx) return;
  ctx.setTransform(p.devicePixelRatio, 0, 0, p.devicePixelRatio, 0, 0);
  ctx.clearRect(0, 0, p.widthPx, p.heightPx);
  ctx.font = '14px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#4f5b69';
  // Every n-th rack's label, n as small as keeps the widest label clear of the next.
  const pitchPx = p.racks > 1 ? p.rackX(1) - p.rackX(0) : p.cellPx;
  const widestPx = ctx.measureText(p.rackLabel(p.racks - 1)).width + 8;
  const labelEvery = Math.max(1, Math.ceil(widestPx / Math.max(1, pitchPx)));
  for (let r = 0; r < p.racks; r += labelEvery) ctx.fillText(p.rackLabel(r), p.rackX(r) + p.cellPx / 2, 9);
  for (const c of cells) {
    ctx.fillStyle = loadColour(c.loadPct);
    ctx.fillRect(c.x, c.y, c.width, c.height);
    paintStatePattern(ctx, c.state, c.x, c.y, c.width, c.height);
    if (c.label) {
      ctx.font = `${Math.max(9, Math.min(13, Math.round(c.height / 2.2), Math.round(c.width / 3.2)))}px system-ui, sans-serif`;
      const text = c.label;
      const w = ctx.measureText(text).width + 4;
      if (c.state !== 'up') {
        ctx.fillStyle = 'rgba(255,255,255,0.88)';
        ctx.fillRect(c.x + c.width / 2 - w / 2, c.y + c.height / 2 - 7, w, 14);
        ctx.fillStyle = '#16202c';
      } else ctx.fillStyle = darkFill(c.loadPct) ? '#ffffff' : '#16202c';
      ctx.fillText(text, c.x + c.width / 2, c.y + c.height / 2 + 0.5);
    }
    if (p.highlightHosts.has(c.host) || c.host === p.selectedHost) {
      ctx.strokeStyle = c.host === p.selectedHost ? '#e8601c' : '#16202c';
      ctx.lineWidth = c.host === p.selectedHost ? 3 : 1.5;
      ctx.strokeRect(c.x + 0.75, c.y + 0.75, c.width - 1.5, c.height - 1.5);
    }
  }
}

/** Arcs up to this many are stroked each on its own at full width; more go in one hairline path. */
export const WIDE_ARCS_MAX = 40;

/**
 * Migrations under way as arcs source to destination, a marker at how far each has got; blackouts dashed
 * red. A frame of playback repaints this layer, so its cost is what keeps the view smooth: a stroke
 * wider than one device pixel makes the rasteriser work out the outline of the whole path (tens of ms
 * for a few hundred crossing curves), a one-pixel hairline is an order of magnitude cheaper. So a few
 * arcs get 2 px each (stroked one by one, which is cheaper than one path of crossing subpaths), and a
 * crowd gets hairlines in one path per style, whatever the zoom.
 */
export function paintArcs(
  ctx: Ctx | null,
  arcs: readonly MigrationArc[],
  p: { widthPx: number; heightPx: number; devicePixelRatio: number; selectedMigration: number | null },
): void {
  if (!ctx) return;
  ctx.setTransform(p.devicePixelRatio, 0, 0, p.devicePixelRatio, 0, 0);
  ctx.clearRect(0, 0, p.widthPx, p.heightPx);
  const wide = arcs.length <= WIDE_ARCS_MAX;
  const hairline = 1 / p.devicePixelRatio;
  const styles = [
    {
      pick: (a: MigrationArc) => a.phase === 'copying' && a.id !== p.selectedMigration,
      stroke: 'rgba(232, 96, 28, 0.75)',
      width: wide ? 2 : hairline,
      dash: [] as number[],
      dot: '#16202c',
    },
    {
      pick: (a: MigrationArc) => a.phase === 'blackout' && a.id !== p.selectedMigration,
      stroke: '#c8102e',
      width: wide ? 2 : hairline,
      dash: [4, 3],
      dot: '#c8102e',
    },
    { pick: (a: MigrationArc) => a.id === p.selectedMigration, stroke: '#e8601c', width: 3, dash: [], dot: '#16202c' },
  ];
  const r = wide ? 3.5 : 2;
  for (const style of styles) {
    const mine = arcs.filter(style.pick);
    if (!mine.length) continue;
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = style.width;
    ctx.setLineDash(style.dash);
    const each = wide || style.width > hairline;
    ctx.beginPath();
    for (const a of mine) {
      ctx.moveTo(a.from.x, a.from.y);
      ctx.quadraticCurveTo(a.control.x, a.control.y, a.to.x, a.to.y);
      if (each) {
        ctx.stroke();
        ctx.beginPath();
      }
    }
    if (!each) ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = style.dot;
    ctx.beginPath();
    for (const a of mine) {
      const m = pointOnArc(a, a.progress);
      ctx.moveTo(m.x + r, m.y);
      ctx.arc(m.x, m.y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
}
