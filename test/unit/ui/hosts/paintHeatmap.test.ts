import { describe, expect, it } from 'vitest';
import { HEAT_BAND_COUNT, HeatBand } from '../../../../src/engine/memory/pageState';
import { paintHeatmap } from '../../../../src/ui/hosts/paintHeatmap';
import type { Palette } from '../../../../src/ui/hosts/palettes';

/** Easy numbers: the blend of two bands is their plain average. */
const PALETTE: Palette = [
  [200, 200, 200],
  [240, 160, 40],
  [40, 160, 100],
  [230, 100, 20],
  [120, 60, 180],
  [70, 180, 200],
  [30, 110, 180],
];

/** Frame data from each cell's shares, given as { band: share }. */
function frame(...cells: Partial<Record<number, number>>[]): Uint8Array {
  const data = new Uint8Array(cells.length * HEAT_BAND_COUNT);
  cells.forEach((shares, c) => {
    for (const [band, share] of Object.entries(shares)) data[c * HEAT_BAND_COUNT + Number(band)] = share!;
  });
  return data;
}

const pixel = (pixels: Uint8ClampedArray, i: number) => [...pixels.slice(i * 4, i * 4 + 4)];

describe('paintHeatmap', () => {
  it('paints a cell whose pages are all sent and clean exactly in the sent-and-clean colour', () => {
    const pixels = paintHeatmap(frame({ [HeatBand.SentClean]: 255 }), 0, 1, 1, 1, PALETTE);
    expect(pixel(pixels, 0)).toEqual([40, 160, 100, 255]);
  });

  it('mixes the colours of a cell split half and half', () => {
    const pixels = paintHeatmap(frame({ [HeatBand.NotSent]: 100, [HeatBand.SentClean]: 100 }), 0, 1, 1, 1, PALETTE);
    expect(pixel(pixels, 0)).toEqual([140, 160, 70, 255]);
  });

  it('weights the mix by the shares, even when rounding leaves them a little off 255', () => {
    const pixels = paintHeatmap(frame({ [HeatBand.Untouched]: 192, [HeatBand.InFlight]: 64 }), 0, 1, 1, 1, PALETTE);
    expect(pixel(pixels, 0)).toEqual([158, 178, 195, 255]);
  });

  it('lays cells out row by row and leaves slots past the last cell transparent', () => {
    const data = frame({ [HeatBand.Untouched]: 255 }, { [HeatBand.Dirtied]: 255 }, { [HeatBand.Pushed]: 255 });
    const pixels = paintHeatmap(data, 0, 3, 2, 2, PALETTE);
    expect(pixels).toHaveLength(2 * 2 * 4);
    expect(pixel(pixels, 0)).toEqual([200, 200, 200, 255]);
    expect(pixel(pixels, 1)).toEqual([230, 100, 20, 255]);
    expect(pixel(pixels, 2)).toEqual([70, 180, 200, 255]);
    expect(pixel(pixels, 3)).toEqual([0, 0, 0, 0]);
  });

  it('reads the frame at the given offset', () => {
    const data = frame({ [HeatBand.NotSent]: 255 }, { [HeatBand.Fetched]: 255 });
    const pixels = paintHeatmap(data, HEAT_BAND_COUNT, 1, 1, 1, PALETTE);
    expect(pixel(pixels, 0)).toEqual([120, 60, 180, 255]);
  });
});
