import { useId } from 'react';
import { FLEET_SPEEDS, fleetSeek, fleetSimPerReal, fleetTogglePlay } from '../../state/fleetPlayhead';
import { useWorkspace, useWorkspaceContext } from '../../state/WorkspaceContext';
import { formatMs } from '../format';

/** Play, pause, scrub and speed for the fleet run, on the workspace's playhead. */
export function FleetPlayback(p: { endMs: number; fitMs: number; speedSPerS: number; onSpeed: (s: number) => void }) {
  const { endMs, speedSPerS, onSpeed } = p;
  const { store } = useWorkspaceContext();
  const tMs = useWorkspace((s) => Math.min(s.playhead.tMs, endMs));
  const playing = useWorkspace((s) => s.playhead.playing);
  const id = useId();
  const fit = fleetSimPerReal(0, p.fitMs);
  return (
    <div className="fleet-playback" role="group" aria-label="Fleet playback">
      <button type="button" onClick={() => store.getState().apply(fleetTogglePlay(endMs))} aria-keyshortcuts="Space">
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => store.getState().apply(fleetSeek(0, endMs))} aria-label="Back to the start">
        Start
      </button>
      <label htmlFor={`${id}-t`} className="fleet-hidden">
        Fleet time
      </label>
      <input
        id={`${id}-t`}
        type="range"
        min={0}
        max={endMs}
        step={Math.max(1, endMs / 1000)}
        value={tMs}
        aria-valuetext={formatMs(tMs)}
        onChange={(e) => store.getState().apply(fleetSeek(Number(e.target.value), endMs))}
      />
      <output aria-live="off">
        {formatMs(tMs)} / {formatMs(endMs)}
      </output>
      <span className="fleet-playback__speed">
        <label htmlFor={`${id}-s`}>Speed</label>
        <select id={`${id}-s`} value={speedSPerS} onChange={(e) => onSpeed(Number(e.target.value))}>
          {FLEET_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s === 0 ? `${Math.round(fit)}× (the moves in 20 s)` : `${s}×`}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
