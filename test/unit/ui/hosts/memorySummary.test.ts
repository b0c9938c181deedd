import { describe, expect, it } from 'vitest';
import { HEAT_BAND_COUNT, HeatBand } from '../../../../src/engine/memory/pageState';
import type { HeatmapFrames } from '../../../../src/engine/trace/types';
import { bandPages, describeMemory, formatHeldPct, heldPct } from '../../../../src/ui/hosts/memorySummary';

/** Two frames of three cells; 10 pages, 4 per cell, so the last cell holds only 2. */
function heatmap(): HeatmapFrames {
  const data = new Uint8Array(2 * 3 * HEAT_BAND_COUNT);
  const set = (frame: number, cell: number, band: number, share: number) =>
    (data[(frame * 3 + cell) * HEAT_BAND_COUNT + band] = share);
  set(0, 0, HeatBand.NotSent, 255);
  set(0, 1, HeatBand.NotSent, 255);
  set(0, 2, HeatBand.Untouched, 255);
  set(1, 0, HeatBand.SentClean, 255);
  set(1, 1, HeatBand.Dirtied, 128);
  set(1, 1, HeatBand.InFlight, 127);
  set(1, 2, HeatBand.Untouched, 255);
  return { pageCount: 10, pageBytes: 4096, pagesPerCell: 4, cells: 3, frameTimesMs: Float64Array.of(0, 500), data };
}

describe('memorySummary', () => {
  it('counts pages per band over the whole memory, the short last cell included', () => {
    const pages = bandPages(heatmap(), 1);
    expect(pages[HeatBand.SentClean]).toBeCloseTo(4);
    expect(pages[HeatBand.Dirtied]).toBeCloseTo((4 * 128) / 255);
    expect(pages[HeatBand.InFlight]).toBeCloseTo((4 * 127) / 255);
    expect(pages[HeatBand.Untouched]).toBeCloseTo(2);
    expect(pages.reduce((a, b) => a + b)).toBeCloseTo(10);
  });

  it('gives the share of used memory the destination holds: clean and in-flight pages, not stale ones', () => {
    expect(heldPct(bandPages(heatmap(), 0))).toBe(0);
    expect(heldPct(bandPages(heatmap(), 1))).toBeCloseTo(((4 + (4 * 127) / 255) / 8) * 100);
  });

  it('shows a held share rounded down, so 100 % means every page', () => {
    expect(formatHeldPct(99.8)).toBe('99 %');
    expect(formatHeldPct(100)).toBe('100 %');
    expect(formatHeldPct(4.96)).toBe('4.9 %');
  });

  it('describes the heatmap in words, used pages first, with what the destination holds', () => {
    const pages = bandPages(heatmap(), 0);
    expect(describeMemory('source', 0, pages)).toBe('Source memory at 0 ms: 80 % not yet sent, 20 % zero pages');
    expect(describeMemory('destination', 0, pages)).toBe(
      'Destination memory at 0 ms: holds 0 % of used memory; 80 % not yet sent, 20 % zero pages',
    );
  });
});
