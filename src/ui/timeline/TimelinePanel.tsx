import { useState, type ReactNode } from 'react';
import type { Run, Staleness } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';
import { ChartTable } from '../a11y/ChartTable';
import { StaleLabel } from '../StaleLabel';
import { ChartLegend } from './ChartLegend';
import { TimelineTracks } from './TimelineTracks';
import { wholeDomain, zoomDomain, type Domain } from './timelineLayout';
import { roundsTableData, timelineTableData } from './timelineTable';
import './timeline.css';

/** The migration over time: phases, rounds, charts and interventions, with the playhead and a zoom on the end. */
export function TimelinePanel({
  run,
  baseline,
  stale,
  actions,
  domain: sharedDomain,
}: {
  run: Run | null;
  baseline: Run | null;
  stale: Staleness | null;
  /** Buttons for the view that shows the timeline (the lab's "Pin as baseline"). */
  actions?: ReactNode;
  /**
   * One time scale for several timelines (the Compare view): no zoom, and the flags are the run's own
   * interventions, not the lab's.
   */
  domain?: Domain;
}) {
  const [zoomed, setZoomed] = useState(false);
  const held = useWorkspace((s) => s.baselineHeld);
  const trace = run?.trace;
  if (!trace) {
    return (
      <div className="timeline">
        <h2>Timeline</h2>
        <p className="timeline__waiting">Waiting for the engine…</p>
      </div>
    );
  }
  const ghost = baseline?.trace ?? null;
  const zoom = sharedDomain ? null : zoomDomain(trace);
  const domain = sharedDomain ?? (zoomed && zoom ? zoom : wholeDomain(trace));
  return (
    <div className="timeline">
      <StaleLabel stale={stale} />
      <div className="timeline__head">
        <h2>Timeline</h2>
        <ChartLegend trace={trace} ghost={ghost ? (held ? 'pinned' : 'before-change') : null} />
        <ChartTable
          overlay
          data={() => [timelineTableData(trace), ...(trace.rounds.length > 0 ? [roundsTableData(trace)] : [])]}
        />
        {actions}
        {zoom && (
          <button type="button" className="timeline__zoom" onClick={() => setZoomed(!zoomed)}>
            {zoomed ? 'Show whole run' : 'Zoom to the end of pre-copy'}
          </button>
        )}
      </div>
      <TimelineTracks
        trace={trace}
        ghost={ghost}
        domain={domain}
        interventions={sharedDomain ? trace.scenario.interventions : undefined}
      />
    </div>
  );
}
