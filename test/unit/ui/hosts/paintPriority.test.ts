import { describe, expect, it } from 'vitest';
import { HEAT_BAND_COUNT, HeatBand } from '../../../../src/engine/memory/pageState';
import { intensity, paintByPriority, PRIORITY } from '../../../../src/ui/hosts/paintPriority';
import { paletteFrom } from '../../../../src/ui/hosts/palettes';

const source = paletteFrom('source', () => '');

function frame(...cells: Partial<Record<number, number>>[]): Uint8Array {
  const data = new Uint8Array(cells.length * HEAT_BAND_COUNT);
  cells.forEach((shares, c) => {
    for (const [band, share] of Object.entries(shares)) data[c * HEAT_BAND_COUNT + Number(band)] = share!;
  });
  return data;
}

const rgb = (pixels: Uint8ClampedArray, i: number) => [...pixels.slice(i * 4, i * 4 + 3)];
const towardWhite = (colour: readonly number[], k: number) => colour.map((c) => Math.round(255 + (c - 255) * k));

describe('paintByPriority', () => {
  it('a single dirtied page among a thousand clean ones shows as dirtied, pale; a full cell at full strength', () => {
    // 1 page of 1024 is a share of 1 in 255 after the engine rounds it up from zero.
    const { pixels } = paintByPriority(
      frame({ [HeatBand.SentClean]: 254, [HeatBand.Dirtied]: 1 }, { [HeatBand.Dirtied]: 255 }),
      0,
      2,
      2,
      1,
      source,
      PRIORITY.source,
    );
    const pale = rgb(pixels, 0);
    expect(pale.map((c) => Math.round(c))).toEqual(towardWhite(source[HeatBand.Dirtied], intensity(1 / 255)));
    expect(rgb(pixels, 1)).toEqual([...source[HeatBand.Dirtied]]);
    // Pale but plainly not the green of a clean cell.
    expect(pale[1]).toBeLessThan(source[HeatBand.SentClean][1] + 90);
    expect(pale[0]).toBeGreaterThan(source[HeatBand.SentClean][0] + 100);
  });

  it('faults just now win over everything and are listed for the ring', () => {
    const paint = paintByPriority(
      frame(
        { [HeatBand.InFlight]: 200, [HeatBand.FaultedNow]: 1, [HeatBand.NotSent]: 54 },
        { [HeatBand.Untouched]: 255 },
      ),
      0,
      2,
      2,
      1,
      source,
      PRIORITY.source,
    );
    expect(paint.faulted).toEqual([0]);
    const colour = rgb(paint.pixels, 0);
    expect(colour).toEqual(
      towardWhite(source[HeatBand.FaultedNow], intensity(1 / 255)).map((c) => expect.closeTo(c, 0)),
    );
    expect(rgb(paint.pixels, 1)).toEqual([...source[HeatBand.Untouched]]);
  });

  it('every state present in a cell beats the ones below it, in the order of the key', () => {
    const order = PRIORITY.source;
    for (let i = 0; i < order.length - 1; i++) {
      const { pixels } = paintByPriority(frame({ [order[i]]: 1, [order[i + 1]]: 254 }), 0, 1, 1, 1, source, order);
      expect(rgb(pixels, 0).map(Math.round)).toEqual(towardWhite(source[order[i]], intensity(1 / 255)));
    }
  });
});
