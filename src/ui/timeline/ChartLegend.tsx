import { PHASE_CODES, type Trace } from '../../engine';
import { useWorkspace } from '../../state/WorkspaceContext';
import { sampleIndexAt } from '../traceAt';
import { CHART_SERIES, seriesName, type ChartSeries } from './chartSeries';

/**
 * A series' value at a sample as the legend prints it. Past the end nothing migrates any more: no
 * bandwidth, and the guest runs at full speed wherever it runs (or not at all when it was lost), not at
 * the average of the last interval, which still held the blackout.
 */
function legendValue(series: ChartSeries, trace: Trace, sample: number): string {
  const over = trace.samples.columns.phase[sample] === PHASE_CODES.done && trace.summary.outcome !== 'unfinished';
  if (over && series.key === 'bandwidth') return '–';
  if (over && series.key === 'vmSpeed') return trace.summary.outcome === 'failed' ? 'lost' : series.format(100);
  return series.format(series.value(trace, sample));
}

/** Names each chart series in its colour with its value at the playhead, then the keys of the bars and the ghost. */
export function ChartLegend({ trace, ghost }: { trace: Trace; ghost: 'before-change' | 'pinned' | null }) {
  // Re-renders only when the playhead moves to another sample, not on every frame.
  const sample = useWorkspace((s) => sampleIndexAt(trace, s.playhead.tMs));
  return (
    <ul className="timeline-legend" aria-label="Chart legend, values at the playhead">
      {CHART_SERIES.map((series) => (
        <li key={series.key} title={`${seriesName(series, trace)}: ${series.meaning}`}>
          <span className={`swatch swatch--${series.shape}`} style={{ color: `var(${series.colourVar})` }} />
          {seriesName(series, trace)}{' '}
          <span className="timeline-legend__value">{legendValue(series, trace, sample)}</span>
        </li>
      ))}
      {trace.rounds.length > 0 && (
        <>
          <li title="Bytes each round sent">
            <span className="swatch swatch--sent" />
            Sent per round
          </li>
          <li title="Pages marked for sending at the sync that ends each round, for the next round or the blackout: unlike the dirty set, this also counts pages rewritten before the round sent them">
            <span className="swatch swatch--left" />
            Marked at each sync
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
