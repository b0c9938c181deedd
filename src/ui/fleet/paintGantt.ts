import type { GanttLayout, GanttRows } from './gantt';

export interface GanttGeometry {
  widthPx: number;
  heightPx: number;
  devicePixelRatio: number;
  /** Left margin for the group labels, px. */
  labelPx: number;
  rows: GanttRows;
  /** Time to x, px. */
  x: (tMs: number) => number;
  ticks: readonly number[];
  tickLabel: (tMs: number) => string;
  selectedVm: number | null;
}

export const AXIS_PX = 18;

const GROUP_TINTS = ['#eef4fb', '#ffffff'];

/** The Gantt chart: groups banded and labelled, migration bars (blackout in red), time down hatched. */
export function paintGantt(ctx: CanvasRenderingContext2D | null, layout: GanttLayout, g: GanttGeometry): void {
  if (!ctx) return;
  ctx.setTransform(g.devicePixelRatio, 0, 0, g.devicePixelRatio, 0, 0);
  ctx.clearRect(0, 0, g.widthPx, g.heightPx);
  ctx.font = '14px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  const { top: y, height: laneH } = g.rows;
  layout.groups.forEach((grp, i) => {
    ctx.fillStyle = GROUP_TINTS[i % 2];
    const bandPx = y(grp.firstLane + grp.lanes - 1) + laneH(grp.firstLane) - y(grp.firstLane);
    ctx.fillRect(g.labelPx, y(grp.firstLane), g.widthPx - g.labelPx, bandPx);
    ctx.fillStyle = '#4f5b69';
    ctx.textAlign = 'right';
    const mid = y(grp.firstLane) + bandPx / 2;
    ctx.fillText(`${grp.label}, max ${grp.lanes}`, g.labelPx - 6, Math.max(mid, y(grp.firstLane) + 6));
  });
  // The time axis.
  ctx.strokeStyle = '#cfd6df';
  ctx.fillStyle = '#4f5b69';
  ctx.textAlign = 'center';
  ctx.lineWidth = 1;
  const axisY = g.heightPx - AXIS_PX;
  const chartTop = y(0);
  for (const t of g.ticks) {
    const x = Math.round(g.x(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, chartTop);
    ctx.lineTo(x, axisY);
    ctx.stroke();
    // A label at either end stays whole inside the canvas.
    const label = g.tickLabel(t);
    const half = ctx.measureText(label).width / 2;
    ctx.fillText(label, Math.min(g.widthPx - half - 1, Math.max(half + 1, x)), axisY + AXIS_PX / 2);
  }
  for (const b of layout.bars) {
    const lanePx = laneH(b.lane);
    const h = Math.max(0.5, lanePx - (lanePx >= 4 ? 1 : 0));
    // A pixel of gap at the start of a wide bar, so back-to-back migrations stay apart.
    const x0 = g.x(b.startMs) + (g.x(b.endMs) - g.x(b.startMs) > 4 ? 1 : 0);
    const x1 = Math.max(x0 + 1, g.x(b.endMs));
    const top = y(b.lane);
    const selected = b.vm === g.selectedVm;
    if (b.kind === 'down') {
      ctx.fillStyle = b.outcome === 'restarted' ? '#9aa3ae' : '#5d6673';
      ctx.fillRect(x0, top, x1 - x0, h);
      continue;
    }
    ctx.fillStyle = b.outcome === 'completed' ? '#1f6fb2' : '#e8601c';
    ctx.fillRect(x0, top, x1 - x0, h);
    // The blackout in red, at least 2 px, on bars wide enough to still show their pre-copy beside it.
    if (b.blackoutStartMs !== null && b.outcome === 'completed' && x1 - x0 >= 6) {
      const xb = Math.min(x1 - 2, g.x(b.blackoutStartMs));
      ctx.fillStyle = '#c8102e';
      ctx.fillRect(xb, top, Math.max(2, x1 - xb), h);
    }
    if (selected) {
      ctx.strokeStyle = '#16202c';
      ctx.lineWidth = 2;
      ctx.strokeRect(x0 - 1, top - 1, x1 - x0 + 2, h + 2);
    }
  }
}
