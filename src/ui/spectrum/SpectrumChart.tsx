import { scaleBand } from 'd3';
import { useRef } from 'react';
import type { SpectrumEntry } from '../../engine';
import { useElementSize } from '../timeline/useElementSize';
import { downtimeScale, TCP_TIMEOUT_MS, visibleTicks } from './chartScale';
import { chartLabel, downtimeText } from './spectrumText';

const ROW_PX = 25;
const TOP_PX = 22;
const AXIS_PX = 24;
/** Room a value label needs beyond its bar; a longer bar carries its label inside. */
const VALUE_PX = 84;
const TICK_GAP_PX = 44;
/** Room the 750 ms label needs to the right of its line before it moves to the left. */
const TCP_LABEL_PX = 250;
/** Half a tick label, so the last one is not cut off. */
const EDGE_PX = 14;

/**
 * Downtime per approach as horizontal bars on a log axis, most disruptive at the top. The names are HTML,
 * so their column takes the width the browser gives them; the bars beside them are SVG.
 */
export function SpectrumChart({ entries }: { entries: readonly SpectrumEntry[] }) {
  const plot = useRef<HTMLDivElement>(null);
  const { widthPx } = useElementSize(plot, { widthPx: 400, heightPx: 1 });
  const right = widthPx - EDGE_PX;
  const axisY = TOP_PX + entries.length * ROW_PX;
  const x = downtimeScale(
    entries.map((e) => e.downtimeMs),
    [0, right],
  );
  const y = scaleBand<string>()
    .domain(entries.map((e) => e.approach))
    .range([TOP_PX, axisY])
    .paddingInner(0.22)
    .paddingOuter(0.11);
  const tcpX = x(TCP_TIMEOUT_MS);
  const tcpLabelLeft = tcpX > right - TCP_LABEL_PX;
  const bars = entries.map((e) => ({ e, top: y(e.approach) ?? 0, end: x(Math.max(e.downtimeMs, x.domain()[0])) }));
  const liveClass = (e: SpectrumEntry, name: string) => (e.approach === 'live-migration' ? `${name} is-live` : name);

  return (
    <div className="spectrum-chart" role="img" aria-label={chartLabel(entries)}>
      <div className="spectrum-chart__names" style={{ paddingTop: TOP_PX }}>
        {entries.map((e) => (
          <div key={e.approach} className={liveClass(e, 'spectrum-chart__name')} style={{ height: ROW_PX }}>
            {e.label}
          </div>
        ))}
      </div>
      <div ref={plot} className="spectrum-chart__plot">
        <svg width={widthPx} height={axisY + AXIS_PX}>
          {visibleTicks(x, TICK_GAP_PX).map((t) => (
            <g key={t.ms} className="spectrum-chart__tick" transform={`translate(${t.x}, 0)`}>
              <line y1={TOP_PX} y2={axisY} />
              <text y={axisY + 17} textAnchor={t.x === 0 ? 'start' : 'middle'}>
                {t.label}
              </text>
            </g>
          ))}
          {bars.map(({ e, top, end }) => (
            <rect
              key={e.approach}
              className={liveClass(e, 'spectrum-chart__bar')}
              x={0}
              y={top}
              width={end}
              height={y.bandwidth()}
            />
          ))}
          {/* Over the bars, under their values. */}
          <line className="spectrum-chart__tcp" x1={tcpX} x2={tcpX} y1={TOP_PX - 6} y2={axisY} />
          {bars.map(({ e, top, end }) => {
            const inside = right - end < VALUE_PX;
            return (
              <text
                key={e.approach}
                className={liveClass(e, inside ? 'spectrum-chart__value is-inside' : 'spectrum-chart__value')}
                x={inside ? end - 6 : end + 6}
                y={top + y.bandwidth() / 2}
                dy="0.35em"
                textAnchor={inside ? 'end' : 'start'}
              >
                {downtimeText(e)}
              </text>
            );
          })}
          <line className="spectrum-chart__axis" x1={0} x2={right} y1={axisY} y2={axisY} />
          <text
            className="spectrum-chart__tcp-label"
            x={tcpLabelLeft ? tcpX - 5 : tcpX + 5}
            y={TOP_PX - 8}
            textAnchor={tcpLabelLeft ? 'end' : 'start'}
          >
            {TCP_TIMEOUT_MS} ms: open connections start to time out
          </text>
        </svg>
      </div>
    </div>
  );
}
