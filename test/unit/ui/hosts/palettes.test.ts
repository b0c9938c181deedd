import { describe, expect, it } from 'vitest';
import { HEAT_BAND_COUNT, HeatBand } from '../../../../src/engine/memory/pageState';
import { palette, paletteFrom, parseHex } from '../../../../src/ui/hosts/palettes';

const noVars = () => '';

describe('palettes', () => {
  it('parses short and long hex colours and rejects anything else', () => {
    expect(parseHex(' #2f9e6e')).toEqual([0x2f, 0x9e, 0x6e]);
    expect(parseHex('#fa0')).toEqual([255, 170, 0]);
    expect(parseHex('')).toBeNull();
    expect(parseHex('rgb(1, 2, 3)')).toBeNull();
  });

  it('gives the source view its colours per band', () => {
    const source = paletteFrom('source', noVars);
    expect(source).toHaveLength(HEAT_BAND_COUNT);
    expect(source[HeatBand.Untouched]).toEqual([0xe6, 0xe9, 0xee]);
    expect(source[HeatBand.NotSent]).toEqual([0xf2, 0xb1, 0x34]);
    expect(source[HeatBand.SentClean]).toEqual([0x2f, 0x9e, 0x6e]);
    expect(source[HeatBand.Dirtied]).toEqual([0xe8, 0x60, 0x1c]);
    expect(source[HeatBand.Fetched]).toEqual([0x50, 0x18, 0x90]);
    expect(source[HeatBand.Pushed]).toEqual([0x46, 0xb3, 0xc6]);
    expect(source[HeatBand.InFlight]).toEqual([0x1f, 0x6f, 0xb2]);
  });

  it('colours the destination by what it holds: missing, stale and arriving pages differ from the source', () => {
    const source = paletteFrom('source', noVars);
    const destination = paletteFrom('destination', noVars);
    expect(destination[HeatBand.NotSent]).toEqual([0x3b, 0x46, 0x56]);
    expect(destination[HeatBand.Dirtied]).toEqual([0xf5, 0xbd, 0x93]);
    expect(destination[HeatBand.InFlight]).toEqual([0x1a, 0x66, 0xd1]);
    for (const band of [HeatBand.Untouched, HeatBand.SentClean, HeatBand.Fetched, HeatBand.Pushed])
      expect(destination[band]).toEqual(source[band]);
  });

  it('reads each colour from its CSS variable when set', () => {
    const vars: Record<string, string> = { '--sent-clean': '#010203', '--dest-missing': '#0a0b0c' };
    const read = (name: string) => vars[name] ?? '';
    expect(paletteFrom('source', read)[HeatBand.SentClean]).toEqual([1, 2, 3]);
    expect(paletteFrom('destination', read)[HeatBand.NotSent]).toEqual([10, 11, 12]);
  });

  it('falls back to the built-in colours on a page without the style sheet', () => {
    expect(palette('destination')).toEqual(paletteFrom('destination', noVars));
  });
});
