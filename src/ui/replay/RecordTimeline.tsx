import { line, scaleLinear } from 'd3';
import { useId, useMemo, useRef } from 'react';
import type { Trace } from '../../engine';
import { useWorkspace } from '../../state/WorkspaceContext';
import { ChartTable } from '../a11y/ChartTable';
import { TimelineExport } from '../export/viewExports';
import { sampleIndexAt } from '../traceAt';
import { PhaseBands } from '../timeline/PhaseBands';
import { Playhead } from '../timeline/Playhead';
import { RoundBars } from '../timeline/RoundBars';
import { TimeAxis } from '../timeline/TimeAxis';
import type { Row, TimeScale, TrackRows } from '../timeline/timelineLayout';
import { useElementSize } from '../timeline/useElementSize';
import { useSeekDrag } from '../timeline/useSeekDrag';
import {
  chartTop,
  clockOffsetMs,
  comparisonTimes,
  recordTableData,
  seriesAt,
  seriesFor,
  type RecordSeries,
} from './recordSeries';

const LABEL_PX = 176;
const RIGHT_PX = 24;
const SERIES_PX = 52;
const GAP_PX = 6;
const FALLBACK = { widthPx: 960, heightPx: 300 };

interface Layout {
  rows: TrackRows;
  predictedBands: Row | null;
  series: Row[];
  heightPx: number;
}

function layout(seriesCount: number, withPrediction: boolean): Layout {
  const flags = { top: 0, height: 18 };
  const bands = { top: 18, height: 22 };
  const predictedBands = withPrediction ? { top: bands.top + bands.height + 3, height: 16 } : null;
  const barsTop = (predictedBands ? predictedBands.top + predictedBands.height : bands.top + bands.height) + GAP_PX;
  const bars = { top: barsTop, height: 34 };
  const series = Array.from({ length: seriesCount }, (_, i) => ({
    top: bars.top + bars.height + GAP_PX + i * (SERIES_PX + GAP_PX),
    height: SERIES_PX,
  }));
  const last = series[series.length - 1] ?? bars;
  const axis = { top: last.top + last.height + 2, height: 22 };
  const heightPx = axis.top + axis.height;
  return { rows: { flags, bands, bars, chart: last, axis, heightPx }, predictedBands, series, heightPx };
}

/** One series: the measured line, and the fit's prediction dashed over it, on one y scale. */
function SeriesChart({
  series,
  trace,
  predicted,
  x,
  row,
}: {
  series: RecordSeries;
  trace: Trace;
  predicted: Trace | null;
  x: TimeScale;
  row: Row;
}) {
  const clipId = useId();
  const chart = useMemo(() => {
    const times = Array.from(trace.samples.columns.tMs);
    const measured = seriesAt(trace, series.column, times);
    const predictedTimes = predicted
      ? comparisonTimes(trace, predicted.summary.totalTimeMs - clockOffsetMs(predicted))
      : [];
    const predictedValues = predicted ? seriesAt(predicted, series.column, predictedTimes) : [];
    const { top, clipped } = chartTop([...measured, ...predictedValues]);
    const y = scaleLinear([0, top], [row.top + row.height, row.top + 6]);
    const pathOf = (ts: readonly number[], vs: readonly number[]) =>
      line<number>()
        .defined((i) => Number.isFinite(vs[i]))
        .x((i) => x(ts[i]))
        .y((i) => y(vs[i]))(ts.map((_, i) => i)) ?? '';
    return {
      top,
      clipped,
      measured: pathOf(times, measured),
      predicted: predicted ? pathOf(predictedTimes, predictedValues) : null,
    };
  }, [trace, predicted, x, row, series]);
  const [left, right] = x.range();
  return (
    <g className={`record-series record-series--${series.key}`}>
      <title>{`${series.name}: ${series.qemu}`}</title>
      <rect className="record-series__plot" x={left} y={row.top} width={right - left} height={row.height} />
      <text className="record-series__name" x={4} y={row.top + 14}>
        {series.name}
      </text>
      <SeriesValues series={series} trace={trace} predicted={predicted} y={row.top + 30} />
      <text className="record-series__top" x={left + 4} y={row.top + 11}>
        {series.format(chart.top)}
        {chart.clipped ? ' (higher peaks cut off)' : ''}
      </text>
      <clipPath id={clipId}>
        <rect x={left} y={row.top} width={right - left} height={row.height} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>
        {chart.predicted && <path className="record-series__predicted" d={chart.predicted} />}
        <path className="record-series__measured" d={chart.measured} />
      </g>
    </g>
  );
}

/** The values at the playhead, measured and predicted: re-rendered only when the playhead changes sample. */
function SeriesValues({
  series,
  trace,
  predicted,
  y,
}: {
  series: RecordSeries;
  trace: Trace;
  predicted: Trace | null;
  y: number;
}) {
  const i = useWorkspace((s) => sampleIndexAt(trace, s.playhead.tMs));
  // Read as the chart reads it (the bandwidth over the half second up to the playhead).
  const fit = useWorkspace((s) => (predicted ? seriesAt(predicted, series.column, [s.playhead.tMs])[0] : null));
  const measured = seriesAt(trace, series.column, [trace.samples.columns.tMs[i]])[0];
  return (
    <text className="record-series__value" x={4} y={y}>
      {series.format(measured)}
      {fit !== null && <tspan className="record-series__value-predicted"> (fit {series.format(fit)})</tspan>}
    </text>
  );
}

/**
 * A real migration over time, as QEMU reported it: its phases and its rounds (one per dirty-bitmap sync),
 * then one small chart per figure (remaining, transferred, bandwidth, expected downtime, throttle,
 * post-copy requests). With a fit, the simulation's phases and lines are drawn dashed over the record's.
 */
export function RecordTimeline({ trace, predicted, tag }: { trace: Trace; predicted: Trace | null; tag: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { widthPx } = useElementSize(ref, FALLBACK);
  const series = seriesFor(trace);
  const offset = predicted ? clockOffsetMs(predicted) : 0;
  const endMs = Math.max(1, trace.summary.totalTimeMs, predicted ? predicted.summary.totalTimeMs - offset : 0);
  const x = useMemo(
    () => scaleLinear([0, endMs], [LABEL_PX, Math.max(LABEL_PX + 1, widthPx - RIGHT_PX)]),
    [endMs, widthPx],
  );
  const xPredicted = useMemo(() => x.copy().domain([offset, offset + endMs]), [x, offset, endMs]);
  const l = layout(series.length, predicted !== null);
  const seek = useSeekDrag(x);
  return (
    <section className="region record-timeline" aria-label="Timeline">
      <div className="record-timeline__head">
        <h2>Timeline</h2>
        <ul className="record-timeline__legend" aria-label="Legend">
          <li>
            <span className="record-swatch record-swatch--measured" /> Measured (QEMU record)
          </li>
          {predicted && (
            <li>
              <span className="record-swatch record-swatch--predicted" /> Predicted by the fit
            </li>
          )}
        </ul>
        <ChartTable overlay data={() => recordTableData(trace)} />
        <TimelineExport trace={trace} tag={tag} />
      </div>
      <div ref={ref} className="record-timeline__tracks" {...seek}>
        <svg
          width={widthPx}
          height={l.heightPx}
          role="group"
          aria-label={`Record over time: ${series.map((s) => s.name.toLowerCase()).join(', ')}`}
        >
          <text className="record-series__name" x={4} y={l.rows.bands.top + 15}>
            Phases, rounds
          </text>
          <PhaseBands trace={trace} x={x} rows={l.rows} />
          {predicted && l.predictedBands && (
            <g className="record-timeline__predicted-bands">
              <text className="record-series__name is-predicted" x={4} y={l.predictedBands.top + 12}>
                Predicted
              </text>
              <PhaseBands trace={predicted} x={xPredicted} rows={{ ...l.rows, bands: l.predictedBands }} />
            </g>
          )}
          <RoundBars trace={trace} x={x} row={l.rows.bars} />
          {series.map((s, i) => (
            <SeriesChart
              key={s.key}
              series={s}
              trace={trace}
              predicted={predicted}
              x={x}

              row={l.series[i]}
            />
          ))}
          <TimeAxis x={x} row={l.rows.axis} />
        </svg>
        <Playhead x={x} topPx={l.rows.bands.top} heightPx={l.rows.axis.top - l.rows.bands.top} />
      </div>
    </section>
  );
}
