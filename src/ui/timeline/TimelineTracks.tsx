import { useMemo, useRef } from 'react';
import type { Intervention, Trace } from '../../engine';
import { ChartCanvas } from './ChartCanvas';
import { InterventionFlags } from './InterventionFlags';
import { PhaseBands } from './PhaseBands';
import { Playhead } from './Playhead';
import { RoundBars } from './RoundBars';
import { TimeAxis } from './TimeAxis';
import { timeScale, trackRows, type Domain } from './timelineLayout';
import { useElementSize } from './useElementSize';
import { useSeekDrag } from './useSeekDrag';

/** Used where nothing can be measured (jsdom). */
const FALLBACK_SIZE = { widthPx: 960, heightPx: 160 };

/** The stacked tracks on one x scale: flags, phase bands, round bars, charts, axis, and the playhead over them. */
export function TimelineTracks({
  trace,
  ghost,
  domain,
  interventions,
}: {
  trace: Trace;
  ghost: Trace | null;
  domain: Domain;
  /** Flags to show without remove buttons, instead of the lab scenario's own. */
  interventions?: readonly Intervention[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { widthPx, heightPx } = useElementSize(ref, FALLBACK_SIZE);
  const [startMs, endMs] = domain;
  const x = useMemo(() => timeScale([startMs, endMs], widthPx), [startMs, endMs, widthPx]);
  const rows = useMemo(() => trackRows(heightPx), [heightPx]);
  const seekHandlers = useSeekDrag(x);
  return (
    <div ref={ref} className="timeline__tracks" data-domain-ms={`${startMs} ${endMs}`} {...seekHandlers}>
      <ChartCanvas trace={trace} ghost={ghost} x={x} row={rows.chart} widthPx={widthPx} />
      <svg className="timeline__svg" width={widthPx} height={rows.heightPx}>
        <PhaseBands trace={trace} x={x} rows={rows} />
        <RoundBars trace={trace} x={x} row={rows.bars} />
        <TimeAxis x={x} row={rows.axis} />
      </svg>
      <InterventionFlags x={x} rows={rows} widthPx={widthPx} fixed={interventions} />
      <Playhead x={x} topPx={rows.bands.top} heightPx={rows.chart.top + rows.chart.height - rows.bands.top} />
    </div>
  );
}
