import { useState } from 'react';
import { useLab } from '../../state/LabContext';
import { ChartLegend } from './ChartLegend';
import { TimelineTracks } from './TimelineTracks';
import { wholeDomain, zoomDomain } from './timelineLayout';
import './timeline.css';

/** The migration over time: phases, rounds, charts and interventions, with the playhead and a zoom on the end. */
export function TimelinePanel() {
  const trace = useLab((s) => s.trace);
  const ghost = useLab((s) => s.ghost);
  const [zoomed, setZoomed] = useState(false);
  if (!trace) {
    return (
      <div className="timeline">
        <h2>Timeline</h2>
        <p className="timeline__waiting">Waiting for the engine…</p>
      </div>
    );
  }
  const zoom = zoomDomain(trace);
  const domain = zoomed && zoom ? zoom : wholeDomain(trace);
  return (
    <div className="timeline">
      <div className="timeline__head">
        <h2>Timeline</h2>
        <ChartLegend trace={trace} hasGhost={ghost !== null} />
        {zoom && (
          <button type="button" className="timeline__zoom" onClick={() => setZoomed(!zoomed)}>
            {zoomed ? 'Show whole run' : 'Zoom to the end of pre-copy'}
          </button>
        )}
      </div>
      <TimelineTracks trace={trace} ghost={ghost} domain={domain} />
    </div>
  );
}
