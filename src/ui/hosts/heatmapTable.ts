import { HEAT_BAND_NAMES, HeatBand, type HeatmapFrames } from '../../engine';
import type { TableData } from '../a11y/ChartTable';
import { formatBytes, formatCount, formatMs, formatPct } from '../format';
import { bandPages } from './memorySummary';

/** What a state means on the destination's heatmap, where its colour says something else there. */
const ON_DESTINATION: Partial<Record<number, string>> = {
  [HeatBand.NotSent]: 'missing',
  [HeatBand.Dirtied]: 'stale copy',
  [HeatBand.InFlight]: 'arriving',
};

/** The heatmaps at one frame as a table: the pages in each state (the same counts the cards and labels give). */
export function heatmapTableData(heatmap: HeatmapFrames, frameIndex: number): TableData {
  const pages = bandPages(heatmap, frameIndex);
  const all = pages.reduce((a, b) => a + b, 0);
  const region = (heatmap.memoryPages ?? heatmap.pageCount) > heatmap.pageCount ? ' (the zoomed region)' : '';
  return {
    caption: `Memory at ${formatMs(heatmap.frameTimesMs[frameIndex])}: pages by state${region}`,
    columns: ['Page state', 'Pages', 'Memory', 'Share', 'On the destination'],
    rows: HEAT_BAND_NAMES.map((name, band) => [
      name.charAt(0).toUpperCase() + name.slice(1),
      formatCount(Math.round(pages[band])),
      formatBytes(pages[band] * heatmap.pageBytes),
      formatPct(all > 0 ? (pages[band] / all) * 100 : 0),
      ON_DESTINATION[band] ?? 'as on the source',
    ]),
  };
}
