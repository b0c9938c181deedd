import type { PointerEvent } from 'react';
import type { Intervention } from '../../engine';
import { useWorkspace } from '../../state/WorkspaceContext';
import { flagPlacements, type TimeScale, type TrackRows } from './timelineLayout';
import { interventionLabel, removeInterventionName } from './timelineText';

/** The scenario's interventions as flags at their time, each with a button that removes it. */
export function InterventionFlags({
  x,
  rows,
  widthPx,
  fixed,
}: {
  x: TimeScale;
  rows: TrackRows;
  widthPx: number;
  /** A run's own interventions, shown without remove buttons (the lab's are removable). */
  fixed?: readonly Intervention[];
}) {
  const labInterventions = useWorkspace((s) => s.scenario.interventions);
  const interventions = fixed ?? labInterventions;
  const removeIntervention = useWorkspace((s) => s.removeIntervention);
  const [startMs, endMs] = x.domain();
  // An intervention after the end of the run changed nothing; its flag stands at the end so it can be removed.
  const shown = interventions.flatMap((intervention, index) => {
    const atMs = Math.min(endMs, intervention.atMs);
    return atMs >= startMs ? [{ intervention, index, px: x(atMs) }] : [];
  });
  const placements = flagPlacements(
    shown.map((f) => f.px),
    widthPx,
  );
  // A press on a flag is for the flag; it must not also move the playhead.
  const keepFromTracks = (e: PointerEvent) => e.stopPropagation();
  return shown.map(({ intervention, index, px }, k) => {
    const { hangLeft, shiftPx, maxWidthPx } = placements[k];
    const name = removeInterventionName(intervention);
    const label = interventionLabel(intervention);
    return (
      <div
        key={`${index}-${intervention.atMs}-${intervention.path}`}
        className={`flag${hangLeft ? ' flag--left' : ''}`}
        style={{
          left: px,
          top: rows.flags.top,
          height: rows.chart.top + rows.chart.height - rows.flags.top,
        }}
      >
        <div
          className="flag__chip"
          style={hangLeft ? { right: shiftPx, maxWidth: maxWidthPx } : { left: shiftPx, maxWidth: maxWidthPx }}
          title={label}
          onPointerDown={keepFromTracks}
        >
          <span className="flag__label">⚑ {label}</span>
          {!fixed && (
            <button
              type="button"
              className="flag__remove"
              aria-label={name}
              title={name}
              onClick={() => removeIntervention(index)}
            >
              ✕
            </button>
          )}
        </div>
      </div>
    );
  });
}
