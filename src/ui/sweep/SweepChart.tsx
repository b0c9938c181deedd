import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTimes, symbolTriangle } from 'd3';
import type { MouseEvent } from 'react';
import { CHART, nearestValueIndex, type SweepChartLayout } from './sweepChart';
import type { PointMark, SweepMetric } from './sweepMetrics';

/** Each series (strategy) its own shape as well as its own colour. */
export const SERIES_SYMBOLS = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond];

export function markPath(series: number, mark: PointMark, size = 64): string {
  return symbol(mark === 'not-converged' ? symbolTimes : SERIES_SYMBOLS[series % 4], size)() ?? '';
}

export interface Selection {
  valueIndex: number;
  series: number;
}

interface Props {
  metric: SweepMetric;
  layout: SweepChartLayout;
  values: readonly number[];
  seriesCount: number;
  fieldLabel: string;
  bandwidth: { value: number; text: string } | null;
  selected: Selection | null;
  onSelect: (s: Selection) => void;
  onOpen: (s: Selection) => void;
}

/** One figure of the sweep against the field: a line and a mark per point, the bandwidth line, the selection. */
export function SweepChart({
  metric,
  layout,
  values,
  seriesCount,
  fieldLabel,
  bandwidth,
  selected,
  onSelect,
  onOpen,
}: Props) {
  const { x, points } = layout;
  const [x0, x1] = x.range();
  const bottom = CHART.height - CHART.bottom;
  const pick = (e: MouseEvent<SVGSVGElement>): Selection | null => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * CHART.width;
    const py = ((e.clientY - box.top) / box.height) * CHART.height;
    const valueIndex = nearestValueIndex(x, values, px);
    const here = points.filter((p) => p.valueIndex === valueIndex);
    if (here.length === 0) return null;
    const nearest = here.reduce((a, b) => (Math.abs(b.cy - py) < Math.abs(a.cy - py) ? b : a));
    return { valueIndex, series: nearest.series };
  };
  const bwX =
    bandwidth && bandwidth.value >= x.domain()[0] && bandwidth.value <= x.domain()[1] ? x(bandwidth.value) : null;
  const selX = selected ? x(values[selected.valueIndex]) : null;
  const path = line<{ cx: number; cy: number }>()
    .x((p) => p.cx)
    .y((p) => p.cy);
  return (
    <div className="sweep-chart">
      <h3>
        {metric.label}
        {layout.yLog && <span className="sweep-chart__scale"> (log scale)</span>}
      </h3>
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-label={`${metric.label} against ${fieldLabel}`}
        onPointerMove={(e) => {
          const s = pick(e);
          if (s) onSelect(s);
        }}
        onClick={(e) => {
          const s = pick(e);
          if (s) onOpen(s);
        }}
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`} className="sweep-chart__tick">
            <line x1={x0} x2={x1} y1={t.px} y2={t.px} />
            <text x={x0 - 6} y={t.px + 4} textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={`x${t.value}`} className="sweep-chart__xtick" x={t.px} y={bottom + 16} textAnchor="middle">
            {t.label}
          </text>
        ))}
        <line className="sweep-chart__axis" x1={x0} x2={x1} y1={bottom} y2={bottom} />
        <text className="sweep-chart__xlabel" x={(x0 + x1) / 2} y={CHART.height - 2} textAnchor="middle">
          {fieldLabel}
          {layout.xLog ? ' (log scale)' : ''}
        </text>
        {bwX !== null && (
          <g className="sweep-chart__bandwidth">
            <line x1={bwX} x2={bwX} y1={CHART.top} y2={bottom} />
            {/* The label sits on whichever side of the line has room for it. */}
            <text
              x={bwX > (x0 + x1) / 2 ? bwX - 4 : bwX + 4}
              y={CHART.top + 10}
              textAnchor={bwX > (x0 + x1) / 2 ? 'end' : 'start'}
            >
              {bandwidth!.text}
            </text>
          </g>
        )}
        {Array.from({ length: seriesCount }, (_, series) => (
          <path
            key={`line${series}`}
            className={`sweep-chart__line series-${series}`}
            d={path(points.filter((p) => p.series === series)) ?? ''}
          />
        ))}
        {points.map((p) => (
          <path
            key={p.index}
            className={`sweep-mark series-${p.series} sweep-mark--${p.mark}`}
            transform={`translate(${p.cx},${p.cy})`}
            d={markPath(p.series, p.mark)}
            data-mark={p.mark}
          />
        ))}
        {selX !== null && <line className="sweep-chart__cursor" x1={selX} x2={selX} y1={CHART.top} y2={bottom} />}
        {points
          .filter((p) => selected && p.valueIndex === selected.valueIndex && p.series === selected.series)
          .map((p) => (
            <circle key="sel" className="sweep-chart__selected" cx={p.cx} cy={p.cy} r={8} />
          ))}
      </svg>
    </div>
  );
}
