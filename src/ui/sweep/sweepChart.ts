import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { Strategy } from '../../engine';
import { isLogRange, type SweepPoint } from '../../state/sweep';
import { TIME_TICKS } from '../spectrum/chartScale';
import { pointMark, type PointMark, type SweepMetric } from './sweepMetrics';

/**
 * Pure layout of one sweep chart: scales, ticks and where each point goes. The right margin holds half of
 * the last tick label ("1,000 MiB/s", centred on the axis's end).
 */
export const CHART = { width: 400, height: 230, left: 66, right: 40, top: 14, bottom: 34 } as const;

/** Round values for a log axis of each unit: times a student reads off, whole binary sizes, 1-2-5. */
function logCandidates(unit: string, lo: number, hi: number): number[] {
  if (unit === 'ms') return TIME_TICKS.map((t) => t.ms);
  if (unit === 'bytes') return Array.from({ length: 26 }, (_, i) => 2 ** (10 + 2 * i));
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of Math.log10(hi / lo) <= 2 ? [1, 2, 5] : [1]) out.push(m * 10 ** e);
  return out;
}

export type Scale = ScaleContinuousNumeric<number, number>;

export interface PlacedPoint {
  /** Index in the sweep's points. */
  index: number;
  /** Index of the value along the field (the same for every series). */
  valueIndex: number;
  series: number;
  strategy: Strategy;
  cx: number;
  cy: number;
  mark: PointMark;
}

export interface Tick {
  value: number;
  px: number;
  label: string;
}

export interface SweepChartLayout {
  x: Scale;
  y: Scale;
  xLog: boolean;
  yLog: boolean;
  xTicks: Tick[];
  yTicks: Tick[];
  points: PlacedPoint[];
}

/** Ticks a reader can use: on a log scale, the round values of the unit inside the domain. */
function ticksOf(scale: Scale, log: boolean, format: (v: number) => string, count: number, unit = ''): Tick[] {
  const [a, b] = scale.domain();
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  let values = log ? logCandidates(unit, lo, hi).filter((v) => v >= lo * 0.999 && v <= hi * 1.001) : [];
  if (values.length > count + 2) values = values.filter((_, i) => i % 2 === 0);
  if (values.length < 2) values = scale.ticks(count);
  // Labels closer than this would run into each other (a log axis crowds its upper end).
  const gapPx = 62;
  const ticks: Tick[] = [];
  for (const value of values) {
    const px = scale(value);
    if (ticks.length === 0 || Math.abs(px - ticks[ticks.length - 1].px) >= gapPx || unit !== '')
      ticks.push({ value, px, label: format(value) });
  }
  return ticks;
}

/**
 * One metric against the field: the x scale is the sweep's (log when the range spans decades), the y scale
 * log when the figures do (over a factor of 100, all above zero), else linear from zero.
 */
export function layoutSweepChart(
  points: readonly SweepPoint[],
  values: readonly number[],
  strategies: readonly Strategy[],
  metric: SweepMetric,
  formatX: (v: number) => string,
): SweepChartLayout {
  const from = Math.min(...values);
  const to = Math.max(...values);
  const xLog = isLogRange(from, to);
  const xRange = [CHART.left, CHART.width - CHART.right];
  const x = (xLog ? scaleLog() : scaleLinear()).domain([from, to === from ? from + 1 : to]).range(xRange);
  const figures = points.flatMap((p) => (p.summary ? [metric.value(p.summary)] : []));
  const lo = figures.length ? Math.min(...figures) : 0;
  const hi = figures.length ? Math.max(...figures) : 1;
  const yLog = lo > 0 && hi / lo > 100;
  const yRange = [CHART.height - CHART.bottom, CHART.top];
  const y = yLog ? scaleLog().domain([lo, hi]).range(yRange).nice() : scaleLinear([0, hi || 1], yRange).nice();
  const perSeries = values.length;
  const placed = points.flatMap((p, index) => {
    if (!p.summary) return [];
    const series = Math.floor(index / perSeries);
    return [
      {
        index,
        valueIndex: index % perSeries,
        series,
        strategy: strategies[series],
        cx: x(p.value),
        cy: y(metric.value(p.summary)),
        mark: pointMark(p.summary),
      },
    ];
  });
  return {
    x,
    y,
    xLog,
    yLog,
    xTicks: ticksOf(x, xLog, formatX, 5),
    yTicks: ticksOf(y, yLog, metric.format, 4, metric.unit),
    points: placed,
  };
}

/** The value nearest to a pointer's x, as an index along the field. */
export function nearestValueIndex(x: Scale, values: readonly number[], px: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(x(values[i]) - px) < Math.abs(x(values[best]) - px)) best = i;
  return best;
}
