import { HEAT_BAND_COUNT, type HeatmapFrames } from '../../engine';
import { paintHeatmap } from './paintHeatmap';
import { paintByPriority, PRIORITY, type PriorityPaint } from './paintPriority';
import { palette, type HostView } from './palettes';

/** priority: each cell shows its most important state; mix: each cell mixes its states' colours by share. */
export type CellColouring = 'priority' | 'mix';

/** One frame's cells as RGBA pixels in a `cols` x `rows` grid, as the canvas and the SVG export both draw them. */
export function paintCells(
  heatmap: HeatmapFrames,
  frameIndex: number,
  cols: number,
  rows: number,
  view: HostView,
  colouring: CellColouring,
): PriorityPaint {
  const { cells, data } = heatmap;
  const offset = frameIndex * cells * HEAT_BAND_COUNT;
  return colouring === 'mix'
    ? { pixels: paintHeatmap(data, offset, cells, cols, rows, palette(view)), faulted: [] }
    : paintByPriority(data, offset, cells, cols, rows, palette(view), PRIORITY[view]);
}
