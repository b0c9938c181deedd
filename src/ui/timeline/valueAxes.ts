import type { ScaleLinear } from 'd3';
import type { ChartSeries } from './chartSeries';

const FONT_PX = 13;
const TICK_PX = 6;
/** A rough glyph width for the label's backdrop (the SVG export has no measureText). */
const CHAR_PX = 0.62 * FONT_PX;

export interface ValueAxis {
  series: ChartSeries;
  y: ScaleLinear<number, number>;
  colour: string;
  side: 'left' | 'right';
}

/**
 * Each axis as ticks with labels in its series' unit, inside the plot at its edge (left for the dirty
 * set, right for the bandwidth), so the chart's heights can be read in bytes and Mbit/s and the time
 * axis keeps the full width. A pale backdrop keeps a label legible over the series it crosses.
 */
export function drawValueAxes(
  ctx: CanvasRenderingContext2D,
  axes: readonly ValueAxis[],
  [left, right]: [number, number],
): void {
  ctx.save();
  ctx.font = `${FONT_PX}px sans-serif`;
  ctx.textBaseline = 'middle';
  for (const { series, y, colour, side } of axes) {
    const edge = side === 'left' ? left : right;
    const dir = side === 'left' ? 1 : -1;
    // Ticks from the scale's own nice values, the zero line left out (the time axis is there).
    for (const value of y.ticks(2).filter((v) => v > 0)) {
      const py = Math.round(y(value)) + 0.5;
      if (py < FONT_PX / 2) continue;
      const label = series.format(value);
      const widthPx = label.length * CHAR_PX;
      ctx.fillStyle = colour;
      ctx.fillRect(side === 'left' ? edge : edge - TICK_PX, py - 0.5, TICK_PX, 1);
      const textX = edge + dir * (TICK_PX + 3);
      ctx.globalAlpha = 0.8;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(side === 'left' ? textX - 2 : textX - widthPx - 2, py - FONT_PX / 2 - 1, widthPx + 4, FONT_PX + 2);
      ctx.globalAlpha = 1;
      ctx.fillStyle = colour;
      ctx.textAlign = side === 'left' ? 'left' : 'right';
      ctx.fillText(label, textX, py);
    }
  }
  ctx.restore();
}
