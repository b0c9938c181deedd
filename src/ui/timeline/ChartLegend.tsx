import type { Trace } from '../../engine';
import { useWorkspace } from '../../state/WorkspaceContext';
import { sampleIndexAt } from '../traceAt';
import { CHART_SERIES } from './chartSeries';

/** Names each chart series in its colour with its value at the playhead, then the keys of the bars and the ghost. */
export function ChartLegend({ trace, ghost }: { trace: Trace; ghost: 'before-change' | 'pinned' | null }) {
  // Re-renders only when the playhead moves to another sample, not on every frame.
  const sample = useWorkspace((s) => sampleIndexAt(trace, s.playhead.tMs));
  return (
    <ul className="timeline-legend" aria-label="Chart legend, values at the playhead">
      {CHART_SERIES.map((series) => (
        <li key={series.key} title={`${series.name}: ${series.meaning}`}>
          <span className={`swatch swatch--${series.shape}`} style={{ color: `var(${series.colourVar})` }} />
          {series.name} <span className="timeline-legend__value">{series.format(series.value(trace, sample))}</span>
        </li>
      ))}
      {trace.rounds.length > 0 && (
        <>
          <li title="Bytes each round sent">
            <span className="swatch swatch--sent" />
            Sent per round
          </li>
          <li title="Dirty pages left at the end of each round, for the next round or the blackout">
            <span className="swatch swatch--left" />
            Left dirty
          </li>
        </>
      )}
      {ghost === 'before-change' && (
        <li title="The same charts for the run before your last change">
          <span className="swatch swatch--ghost" />
          Before your change
        </li>
      )}
      {ghost === 'pinned' && (
        <li title="The same charts for the run you pinned as the baseline">
          <span className="swatch swatch--ghost" />
          Pinned baseline
        </li>
      )}
    </ul>
  );
}
