// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { HEAT_BAND_COUNT, HeatBand } from '../../../src/engine/memory/pageState';
import { runScenario } from '../../../src/engine/run';
import type { HeatmapFrames } from '../../../src/engine/trace/types';

const share = (h: HeatmapFrames, frame: number, cell: number, band: number) =>
  h.data[(frame * h.cells + cell) * HEAT_BAND_COUNT + band];
const pagesIn = (h: HeatmapFrames, frame: number, band: number) => h.pageCounts![frame * HEAT_BAND_COUNT + band];

describe('heatmap frames keep every state, and show faults as they happen', () => {
  const oltp = runScenario({
    strategy: 'postcopy',
    workload: { pattern: 'zipf', writeRateMiBps: 60, wssMiB: 2048 },
  });

  it('post-copy OLTP: faults appear in frames while they happen, as their own band', () => {
    const h = oltp.heatmap;
    expect(oltp.summary.postcopyFaults).toBeGreaterThan(1000);
    const frames = h.frameTimesMs.length;
    let framesWithFaults = 0;
    let faultsSeen = 0;
    for (let f = 0; f < frames; f++) {
      const n = pagesIn(h, f, HeatBand.FaultedNow);
      faultsSeen += n;
      if (n > 0) framesWithFaults++;
      // A cell with any page faulted shows it, however few: the share is never rounded away.
      for (let c = 0; c < h.cells; c++) if (share(h, f, c, HeatBand.FaultedNow) > 0) expect(n).toBeGreaterThan(0);
    }
    expect(framesWithFaults).toBeGreaterThan(10);
    // Every fault falls in exactly one frame's "just now".
    expect(faultsSeen).toBe(oltp.summary.postcopyFaults);
  });

  it('a band with a single page in a cell of 1,024 still has a share', () => {
    const h = oltp.heatmap;
    let rare = 0;
    for (let f = 0; f < h.frameTimesMs.length; f++)
      for (let c = 0; c < h.cells; c++)
        for (let b = 0; b < HEAT_BAND_COUNT; b++) {
          const s = share(h, f, c, b);
          if (s === 1) rare++;
        }
    expect(h.pagesPerCell).toBe(1024);
    expect(rare).toBeGreaterThan(0);
  });

  it('page counts per band are exact: they add up to the pages covered', () => {
    const h = runScenario({}).heatmap;
    for (let f = 0; f < h.frameTimesMs.length; f++) {
      let sum = 0;
      for (let b = 0; b < HEAT_BAND_COUNT; b++) sum += pagesIn(h, f, b);
      expect(sum).toBe(h.pageCount);
    }
  });

  it('a zoom records one region page by page: one page per cell, and the same run otherwise', () => {
    const whole = runScenario({});
    const zoomed = runScenario({ output: { heatmapFromPage: 523_776, heatmapPages: 1024 } });
    const h = zoomed.heatmap;
    expect(h.pagesPerCell).toBe(1);
    expect(h.cells).toBe(1024);
    expect(h.firstPage).toBe(523_776);
    expect(h.memoryPages).toBe(1_048_576);
    expect(zoomed.summary).toEqual(whole.summary);
    // The region straddles the end of used memory (page 524,288): the last 512 cells are zero pages.
    const last = h.frameTimesMs.length - 1;
    for (let c = 0; c < 512; c++) expect(share(h, last, c, HeatBand.Untouched)).toBe(0);
    for (let c = 512; c < 1024; c++) expect(share(h, last, c, HeatBand.Untouched)).toBe(255);
  });
});
