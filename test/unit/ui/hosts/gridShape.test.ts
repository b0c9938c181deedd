import { describe, expect, it } from 'vitest';
import { gridShape } from '../../../../src/ui/hosts/gridShape';

describe('gridShape', () => {
  it('makes a square grid for a square area', () => {
    expect(gridShape(1024, 1)).toEqual({ cols: 32, rows: 32 });
  });

  it('follows the area: wide areas get more columns, tall ones more rows', () => {
    expect(gridShape(16, 4)).toEqual({ cols: 8, rows: 2 });
    expect(gridShape(16, 1 / 4)).toEqual({ cols: 2, rows: 8 });
    expect(gridShape(1, 3)).toEqual({ cols: 1, rows: 1 });
  });

  it('always fits every cell, leaves no empty row, and keeps cells near square in the area', () => {
    for (const cells of [7, 100, 1000, 1024, 4096, 16_384])
      for (const aspect of [0.4, 0.77, 1, 1.5, 2.6]) {
        const { cols, rows } = gridShape(cells, aspect);
        expect(cols * rows).toBeGreaterThanOrEqual(cells);
        expect(cols * (rows - 1)).toBeLessThan(cells);
        // Columns over rows tracks the area's shape (loosely for few cells).
        if (cells >= 1000) expect(cols / rows / aspect).toBeCloseTo(1, 0);
      }
  });

  it('prefers the shape with fewer empty slots when cells come out the same size', () => {
    // 6 cells in a 3:2 area: 3 x 2 and 4 x 2 both allow a cell of half the height; 3 x 2 wastes none.
    expect(gridShape(6, 1.5)).toEqual({ cols: 3, rows: 2 });
  });
});
