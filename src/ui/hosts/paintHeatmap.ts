import { HEAT_BAND_COUNT } from '../../engine';
import type { Palette } from './palettes';

/**
 * One RGBA pixel per cell, row by row in a `cols` x `rows` grid: each cell's colour is its bands' colours
 * mixed by their shares. Grid slots past the last cell stay transparent.
 */
export function paintHeatmap(
  data: Uint8Array,
  frameOffset: number,
  cells: number,
  cols: number,
  rows: number,
  palette: Palette,
): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(cols * rows * 4);
  for (let c = 0; c < cells; c++) {
    const o = frameOffset + c * HEAT_BAND_COUNT;
    let r = 0;
    let g = 0;
    let b = 0;
    let total = 0;
    for (let band = 0; band < HEAT_BAND_COUNT; band++) {
      const share = data[o + band];
      if (share === 0) continue;
      const [br, bg, bb] = palette[band];
      r += share * br;
      g += share * bg;
      b += share * bb;
      total += share;
    }
    if (total === 0) continue;
    // Divide by the shares' own sum: rounding can leave it a little off 255.
    const p = c * 4;
    pixels[p] = r / total;
    pixels[p + 1] = g / total;
    pixels[p + 2] = b / total;
    pixels[p + 3] = 255;
  }
  return pixels;
}
