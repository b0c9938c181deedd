export interface GridShape {
  cols: number;
  rows: number;
}

/**
 * The columns and rows that give `cells` square cells the largest size in an area `aspect` (width / height)
 * wide; among equal sizes, the one with the fewest empty slots. Cells fill it row by row.
 */
export function gridShape(cells: number, aspect: number): GridShape {
  let best: GridShape = { cols: 1, rows: cells };
  let bestSize = 0;
  let bestEmpty = Infinity;
  for (let cols = 1; cols <= cells; cols++) {
    const rows = Math.ceil(cells / cols);
    // Cell side as a share of the height.
    const size = Math.min(aspect / cols, 1 / rows);
    const empty = cols * rows - cells;
    if (size > bestSize || (size === bestSize && empty < bestEmpty)) {
      best = { cols, rows };
      bestSize = size;
      bestEmpty = empty;
    }
  }
  return best;
}
