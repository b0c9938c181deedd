import type { HeatmapFrames } from '../../engine';
import { gridShape } from '../hosts/gridShape';
import { paintCells, type CellColouring } from '../hosts/paintCells';
import type { HostView } from '../hosts/palettes';
import type { VectorPainter } from './svgContext';

/** Cells at least this wide (CSS px) are drawn apart, with a seam between them, as on screen. */
const SEAM_FROM_PX = 5;

/**
 * A heatmap frame as vectors: the same cells and colours as the canvas (paintCells), one rectangle per
 * cell where seams show, else one per run of equal cells along a row, so a 16,384-cell map stays small.
 */
export function heatmapPainter(
  heatmap: HeatmapFrames,
  frameIndex: number,
  view: HostView,
  colouring: CellColouring = 'priority',
): VectorPainter {
  return (ctx, { widthPx, heightPx }) => {
    const { cells } = heatmap;
    const { cols, rows } = gridShape(cells, widthPx / heightPx);
    const { pixels } = paintCells(heatmap, frameIndex, cols, rows, view, colouring);
    const cellPx = Math.min(widthPx / cols, heightPx / rows);
    const x0 = (widthPx - cols * cellPx) / 2;
    const y0 = (heightPx - rows * cellPx) / 2;
    const seam = cellPx >= SEAM_FROM_PX ? 1 : 0;
    const colourAt = (i: number) =>
      pixels[i * 4 + 3] === 0 ? null : `rgb(${pixels[i * 4]},${pixels[i * 4 + 1]},${pixels[i * 4 + 2]})`;
    for (let r = 0; r < rows; r++) {
      let c = 0;
      while (c < cols) {
        const colour = colourAt(r * cols + c);
        let end = c + 1;
        if (!seam) while (end < cols && colourAt(r * cols + end) === colour) end++;
        if (colour) {
          ctx.fillStyle = colour;
          ctx.fillRect(x0 + c * cellPx, y0 + r * cellPx, (end - c) * cellPx - seam, cellPx - seam);
        }
        c = end;
      }
    }
  };
}
