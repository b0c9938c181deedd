import { area, bisector, line, range, scaleLinear, type ScaleLinear } from 'd3';
import type { Trace } from '../../engine';
import { CHART_SERIES, type ChartSeries, type SeriesColours } from './chartSeries';
import type { Domain, TimeScale } from './timelineLayout';
import { drawValueAxes } from './valueAxes';

/** Pure canvas drawing of the charts: each series on its own scale, the ghost run faint and dashed beneath. */

export interface ChartFrame {
  x: TimeScale;
  widthPx: number;
  heightPx: number;
  devicePixelRatio: number;
}

const TOP_PAD_PX = 3;
const GHOST_ALPHA = 0.5;
const GHOST_DASH = [5, 4];
const AREA_ALPHA = 0.28;

const byTime = bisector((t: number) => t);

/** First and last sample indices to draw for the domain, one beyond each end so lines reach the edges. */
export function visibleSamples(times: Float64Array, [startMs, endMs]: Domain): [first: number, last: number] {
  const list = times as unknown as number[];
  const first = Math.max(0, byTime.right(list, startMs) - 1);
  const last = Math.min(times.length - 1, byTime.left(list, endMs));
  return [first, last];
}

/** Largest value of a series among the samples drawn for the domain (0 when there are none). */
export function seriesMax(trace: Trace, series: ChartSeries, domain: Domain): number {
  const [first, last] = visibleSamples(trace.samples.columns.tMs, domain);
  let top = 0;
  for (let i = first; i <= last; i++) top = Math.max(top, series.value(trace, i));
  return top;
}

export function drawCharts(
  ctx: CanvasRenderingContext2D | null,
  trace: Trace,
  ghost: Trace | null,
  frame: ChartFrame,
  colours: SeriesColours,
): void {
  if (!ctx) return;
  const { x, widthPx, heightPx, devicePixelRatio } = frame;
  const domain = x.domain() as unknown as Domain;
  const [left, right] = x.range();
  ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  ctx.clearRect(0, 0, widthPx, heightPx);
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, 0, right - left, heightPx);
  ctx.clip();
  const scales = CHART_SERIES.map((series) => {
    const top = Math.max(seriesMax(trace, series, domain), ghost ? seriesMax(ghost, series, domain) : 0);
    return scaleLinear([0, top || 1], [heightPx - 1, TOP_PAD_PX + series.headroom * heightPx]);
  });
  if (ghost) CHART_SERIES.forEach((s, i) => drawSeries(ctx, ghost, s, x, scales[i], colours[s.key], true));
  CHART_SERIES.forEach((s, i) => drawSeries(ctx, trace, s, x, scales[i], colours[s.key], false));
  // Units for the heights: the dirty set's bytes on the left, the bandwidth's Mbit/s on the right.
  const axisOf = (key: ChartSeries['key'], side: 'left' | 'right') => {
    const i = CHART_SERIES.findIndex((s) => s.key === key);
    return { series: CHART_SERIES[i], y: scales[i], colour: colours[key], side };
  };
  drawValueAxes(ctx, [axisOf('dirtySet', 'left'), axisOf('bandwidth', 'right')], [left, right]);
  ctx.restore();
}

function drawSeries(
  ctx: CanvasRenderingContext2D,
  trace: Trace,
  series: ChartSeries,
  x: TimeScale,
  y: ScaleLinear<number, number>,
  colour: string,
  isGhost: boolean,
): void {
  const times = trace.samples.columns.tMs;
  const [first, last] = visibleSamples(times, x.domain() as unknown as Domain);
  if (last < first) return;
  const samples = range(first, last + 1);
  const px = (i: number) => x(times[i]);
  const py = (i: number) => y(series.value(trace, i));
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = isGhost ? 1.5 : 2;
  ctx.setLineDash(isGhost ? GHOST_DASH : []);
  ctx.globalAlpha = isGhost ? GHOST_ALPHA : 1;
  if (series.shape === 'area' && !isGhost) {
    ctx.globalAlpha = AREA_ALPHA;
    ctx.beginPath();
    area<number>().x(px).y0(y(0)).y1(py).context(ctx)(samples);
    ctx.fill();
    ctx.globalAlpha = 1;
  }
  ctx.beginPath();
  line<number>().x(px).y(py).context(ctx)(samples);
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}
