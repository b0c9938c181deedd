import type { Trace } from '../../engine';
import { formatBytes, formatMbps, formatPct } from '../format';
import { pageBytesOf } from './timelineLayout';

/** The three charted series: how to read each from a trace's samples, its colour and how to print it. */
export interface ChartSeries {
  key: 'dirtySet' | 'bandwidth' | 'vmSpeed';
  name: string;
  /** What the series means, for the legend's tooltip and the canvas description. */
  meaning: string;
  /** A CSS variable from styles.css, so the canvas and the legend use the same colour. */
  colourVar: string;
  shape: 'area' | 'line';
  /** Share of the chart's height kept free above the series' maximum, so two flat maxima do not hide each other. */
  headroom: number;
  value: (trace: Trace, sample: number) => number;
  format: (value: number) => string;
}

export const CHART_SERIES: readonly ChartSeries[] = [
  {
    key: 'dirtySet',
    name: 'Dirty set',
    meaning:
      'pages written since they were last sent, or never sent yet: what the destination lacks (the round bars show what each sync marked to send, which also counts pages rewritten before they were sent)',
    colourVar: '--dirtied',
    shape: 'area',
    headroom: 0,
    value: (trace, i) => trace.samples.columns.dirtyPages[i] * pageBytesOf(trace),
    format: formatBytes,
  },
  {
    key: 'bandwidth',
    name: 'Migration bandwidth',
    meaning: 'how fast the migration is sending',
    colourVar: '--in-flight',
    shape: 'line',
    headroom: 0.28,
    value: (trace, i) => trace.samples.columns.bandwidthMbps[i],
    format: formatMbps,
  },
  {
    key: 'vmSpeed',
    name: 'VM speed',
    meaning: 'how fast the guest runs, as a share of its full speed',
    colourVar: '--ink',
    shape: 'line',
    headroom: 0.1,
    value: (trace, i) => trace.samples.columns.vmSpeedPct[i],
    format: formatPct,
  },
];

/**
 * A series' name for this run: without pre-copy (post-copy, stop-and-copy) nothing is written after it was
 * sent, so the first series is only what the destination still lacks, and says so.
 */
export function seriesName(series: ChartSeries, trace: Trace): string {
  const noPrecopy = trace.summary.strategy === 'postcopy' || trace.summary.strategy === 'stopcopy';
  return series.key === 'dirtySet' && noPrecopy ? 'Not yet on the destination' : series.name;
}

export type SeriesColours = Record<ChartSeries['key'], string>;
