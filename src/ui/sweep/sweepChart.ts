import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { Strategy } from '../../engine';
import { isLogRange, type SweepPoint } from '../../state/sweep';
import { pointMark, type PointMark, type SweepMetric } from './sweepMetrics';

/** Pure layout of one sweep chart: scales, ticks and where each point goes. */

export const CHART = { width: 460, height: 220, left: 64, right: 14, top: 12, bottom: 34 } as const;

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

/** Ticks a reader can use: powers of ten (with 2 and 5 between when there are few decades) on a log scale. */
function ticksOf(scale: Scale, log: boolean, format: (v: number) => string, count: number): Tick[] {
  const [a, b] = scale.domain();
  let values: number[];
  if (log) {
    const lo = Math.floor(Math.log10(Math.min(a, b)));
    const hi = Math.ceil(Math.log10(Math.max(a, b)));
    const mantissas = hi - lo <= 2 ? [1, 2, 5] : [1];
    values = [];
    for (let e = lo; e <= hi; e++) for (const m of mantissas) values.push(m * 10 ** e);
    values = values.filter((v) => v >= Math.min(a, b) * 0.999 && v <= Math.max(a, b) * 1.001);
    if (values.length < 2) values = scale.ticks(count);
  } else values = scale.ticks(count);
  return values.map((value) => ({ value, px: scale(value), label: format(value) }));
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
    yTicks: ticksOf(y, yLog, metric.format, 4),
    points: placed,
  };
}

/** The value nearest to a pointer's x, as an index along the field. */
export function nearestValueIndex(x: Scale, values: readonly number[], px: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(x(values[i]) - px) < Math.abs(x(values[best]) - px)) best = i;
  return best;
}
