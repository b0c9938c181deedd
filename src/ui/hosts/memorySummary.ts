import { HEAT_BAND_COUNT, HEAT_BAND_NAMES, HeatBand, type HeatmapFrames } from '../../engine';
import { formatMs, formatPct } from '../format';
import type { HostView } from './palettes';

/**
 * Pages in each heat band over the pages the heatmap covers in one frame, indexed by `HeatBand`: the
 * exact counts when the trace has them, else summed from the cells' shares.
 */
export function bandPages(heatmap: HeatmapFrames, frameIndex: number): number[] {
  const { data, cells, pagesPerCell, pageCount, pageCounts } = heatmap;
  if (pageCounts)
    return Array.from(pageCounts.subarray(frameIndex * HEAT_BAND_COUNT, (frameIndex + 1) * HEAT_BAND_COUNT));
  const pages = new Array<number>(HEAT_BAND_COUNT).fill(0);
  const frameOffset = frameIndex * cells * HEAT_BAND_COUNT;
  for (let c = 0; c < cells; c++) {
    const o = frameOffset + c * HEAT_BAND_COUNT;
    // The last cell can hold fewer pages than the others.
    const cellPages = Math.min(pagesPerCell, pageCount - c * pagesPerCell);
    let total = 0;
    for (let band = 0; band < HEAT_BAND_COUNT; band++) total += data[o + band];
    if (total === 0) continue;
    for (let band = 0; band < HEAT_BAND_COUNT; band++) pages[band] += (data[o + band] / total) * cellPages;
  }
  return pages;
}

/** Pages the guest has written (all but zero pages), and how many of them the destination has current. */
export function destinationHolds(pages: readonly number[]): { usedPages: number; heldPages: number } {
  const heldPages =
    pages[HeatBand.SentClean] +
    pages[HeatBand.Fetched] +
    pages[HeatBand.Pushed] +
    pages[HeatBand.InFlight] +
    pages[HeatBand.FaultedNow];
  // Summed this way, used equals held exactly once nothing is stale.
  const usedPages = heldPages + pages[HeatBand.NotSent] + pages[HeatBand.Dirtied];
  return { usedPages, heldPages };
}

/** Share of used memory the destination has current, %; all of it when nothing was ever written. */
export function heldPct(pages: readonly number[]): number {
  const { usedPages, heldPages } = destinationHolds(pages);
  return usedPages > 0 ? (heldPages / usedPages) * 100 : 100;
}

/** A held share rounded down, so "100 %" only shows once the destination has every page. */
export function formatHeldPct(pct: number): string {
  return formatPct(pct < 10 ? Math.floor(pct * 10) / 10 : Math.floor(pct));
}

/** The order bands are named in words: the used pages as they move along, then the zero pages. */
const DESCRIBE_ORDER = [
  HeatBand.NotSent,
  HeatBand.FaultedNow,
  HeatBand.InFlight,
  HeatBand.SentClean,
  HeatBand.Dirtied,
  HeatBand.Fetched,
  HeatBand.Pushed,
  HeatBand.Untouched,
];

/** The heatmap in words, for screen readers: each band's share of memory. */
export function describeMemory(view: HostView, frameMs: number, pages: readonly number[]): string {
  const all = pages.reduce((a, b) => a + b, 0);
  const parts = DESCRIBE_ORDER.map((band) => ({ pct: all > 0 ? (pages[band] / all) * 100 : 0, band }))
    .filter((p) => p.pct >= 0.5)
    .map(({ pct, band }) => `${formatPct(pct)} ${band === HeatBand.Untouched ? 'zero pages' : HEAT_BAND_NAMES[band]}`);
  const host = view === 'source' ? 'Source' : 'Destination';
  const holds = view === 'destination' ? ` holds ${formatHeldPct(heldPct(pages))} of used memory;` : '';
  return `${host} memory at ${formatMs(frameMs)}:${holds} ${parts.join(', ')}`;
}
