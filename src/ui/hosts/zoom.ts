import type { HeatmapFrames } from '../../engine';

/** A region of memory the heatmap shows: `pages` pages from `fromPage`. */
export interface Zoom {
  fromPage: number;
  pages: number;
}

/** Each zoom step shows this many times fewer pages. */
export const ZOOM_FACTOR = 32;

const powerOfTwoAtMost = (n: number) => 2 ** Math.floor(Math.log2(Math.max(1, n)));

function region(heatmap: HeatmapFrames) {
  const first = heatmap.firstPage ?? 0;
  const size = heatmap.pageCount;
  return { first, size, memory: heatmap.memoryPages ?? size };
}

/** Fits a region of `pages` centred on `centre` inside memory, starting on a multiple of its cell size. */
function placed(centre: number, pages: number, memory: number, cells: number): Zoom {
  const perCell = Math.max(1, Math.floor(pages / cells));
  const from = Math.max(0, Math.min(memory - pages, Math.round(centre - pages / 2)));
  return { fromPage: Math.floor(from / perCell) * perCell, pages };
}

/** The region one step in, around a cell: a 32nd of what is shown, down to one page per cell. */
export function zoomAround(heatmap: HeatmapFrames, cell: number): Zoom {
  const { first, size, memory } = region(heatmap);
  const pages = Math.min(size, Math.max(heatmap.cells, powerOfTwoAtMost(size / ZOOM_FACTOR)));
  const centre = first + (cell + 0.5) * heatmap.pagesPerCell;
  return placed(centre, pages, memory, heatmap.cells);
}

/** The region one step out, around what is shown; null once that is all of memory. */
export function zoomOut(heatmap: HeatmapFrames): Zoom | null {
  const { first, size, memory } = region(heatmap);
  const pages = size * ZOOM_FACTOR;
  if (pages >= memory) return null;
  return placed(first + size / 2, pages, memory, heatmap.cells);
}

/** The heatmap shows only part of memory. */
export const isZoomed = (heatmap: HeatmapFrames): boolean => region(heatmap).size < region(heatmap).memory;
