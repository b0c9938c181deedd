import { HEAT_BAND_COUNT, HeatBand } from '../../engine';
import type { Palette } from './palettes';
import type { HostView } from './palettes';

/**
 * Which state a cell shows when its pages are in several: the one a student most needs to see. Faults
 * and pages on the wire first, then pages the destination lacks or holds stale, down to zero pages.
 */
export const PRIORITY: Record<HostView, readonly number[]> = {
  source: [
    HeatBand.FaultedNow,
    HeatBand.InFlight,
    HeatBand.Dirtied,
    HeatBand.NotSent,
    HeatBand.Fetched,
    HeatBand.Pushed,
    HeatBand.SentClean,
    HeatBand.Untouched,
  ],
  destination: [
    HeatBand.FaultedNow,
    HeatBand.InFlight,
    HeatBand.Fetched,
    HeatBand.Dirtied,
    HeatBand.NotSent,
    HeatBand.Pushed,
    HeatBand.SentClean,
    HeatBand.Untouched,
  ],
};

/** How strongly a cell shows its winning state's colour (over white) when that state holds `share` of its pages. */
export const intensity = (share: number): number => 0.4 + 0.6 * Math.sqrt(Math.max(0, Math.min(1, share)));

export interface PriorityPaint {
  pixels: Uint8ClampedArray<ArrayBuffer>;
  /** Cells with a page fetched on a fault since the previous frame: the canvas rings them. */
  faulted: number[];
}

/**
 * One RGBA pixel per cell, row by row in a `cols` x `rows` grid: each cell takes the colour of the most
 * important state among its pages (see PRIORITY), paler the fewer of its pages are in it, so a single
 * dirtied or faulted page in a cell of a thousand still shows. Grid slots past the last cell stay clear.
 */
export function paintByPriority(
  data: Uint8Array,
  frameOffset: number,
  cells: number,
  cols: number,
  rows: number,
  palette: Palette,
  order: readonly number[],
): PriorityPaint {
  const pixels = new Uint8ClampedArray(cols * rows * 4);
  const faulted: number[] = [];
  for (let c = 0; c < cells; c++) {
    const o = frameOffset + c * HEAT_BAND_COUNT;
    let total = 0;
    for (let band = 0; band < HEAT_BAND_COUNT; band++) total += data[o + band];
    if (total === 0) continue;
    const winner = order.find((band) => data[o + band] > 0)!;
    if (data[o + HeatBand.FaultedNow] > 0) faulted.push(c);
    const k = intensity(data[o + winner] / total);
    const [r, g, b] = palette[winner];
    const p = c * 4;
    pixels[p] = 255 + (r - 255) * k;
    pixels[p + 1] = 255 + (g - 255) * k;
    pixels[p + 2] = 255 + (b - 255) * k;
    pixels[p + 3] = 255;
  }
  return { pixels, faulted };
}
