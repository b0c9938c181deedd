import { describe, expect, it } from 'vitest';
import type { HeatmapFrames } from '../../../../src/engine/trace/types';
import { isZoomed, zoomAround, zoomOut } from '../../../../src/ui/hosts/zoom';

const view = (firstPage: number, pageCount: number, memoryPages = 1_048_576, cells = 1024): HeatmapFrames => ({
  pageCount,
  pageBytes: 4096,
  pagesPerCell: Math.max(1, pageCount / cells),
  cells,
  firstPage,
  memoryPages,
  frameTimesMs: Float64Array.of(0),
  data: new Uint8Array(cells * 8),
});

describe('zooming the heatmap', () => {
  it('two clicks go from all of a 4 GiB memory to single pages, around the cell clicked', () => {
    const first = zoomAround(view(0, 1_048_576), 600);
    expect(first.pages).toBe(32_768);
    const centre = 600.5 * 1024;
    expect(first.fromPage).toBeLessThanOrEqual(centre);
    expect(first.fromPage + first.pages).toBeGreaterThan(centre);
    const second = zoomAround(view(first.fromPage, first.pages), 10);
    expect(second.pages).toBe(1024);
    expect(second.pages / 1024).toBe(1);
  });

  it('stays inside memory at its edges', () => {
    const z = zoomAround(view(0, 1_048_576), 1023);
    expect(z.fromPage + z.pages).toBeLessThanOrEqual(1_048_576);
    expect(zoomAround(view(0, 1_048_576), 0).fromPage).toBe(0);
  });

  it('zooms back out step by step, to all of memory', () => {
    expect(zoomOut(view(500_000, 1024))!.pages).toBe(32_768);
    expect(zoomOut(view(512_000, 32_768))).toBeNull();
    expect(isZoomed(view(0, 1_048_576))).toBe(false);
    expect(isZoomed(view(10, 1024))).toBe(true);
  });
});
