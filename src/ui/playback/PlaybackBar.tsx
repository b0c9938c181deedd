import { runEndMs } from '../../engine';
import { PLAYBACK_SPEEDS } from '../../state/playhead';
import type { Run } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';
import { ActionButton } from '../actions/ActionButton';
import { formatMs } from '../format';

/** Play, step and scrub through the migration; the heatmaps and charts follow the playhead. */
export function PlaybackBar({ run }: { run: Run | null }) {
  const tMs = useWorkspace((s) => s.playhead.tMs);
  const playing = useWorkspace((s) => s.playhead.playing);
  const speed = useWorkspace((s) => s.playhead.speed);
  const seek = useWorkspace((s) => s.seek);
  const setSpeed = useWorkspace((s) => s.setSpeed);
  const end = run?.trace ? runEndMs(run.trace.summary) : 0;
  const disabled = !run?.trace;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <ActionButton action="start">|◀</ActionButton>
      <ActionButton action="previous">◀◀</ActionButton>
      <ActionButton action={playing ? 'pause' : 'play'} className="playback__play">
        {playing ? '❚❚ Pause' : '▶ Play'}
      </ActionButton>
      <ActionButton action="next">▶▶</ActionButton>
      <ActionButton action="end">▶|</ActionButton>
      <label className="playback__speed">
        Speed
        <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))} aria-label="Playback speed">
          {PLAYBACK_SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <input
        className="playback__scrub"
        type="range"
        aria-label="Playhead"
        min={0}
        max={Math.max(end, 1)}
        step="any"
        value={Math.min(tMs, end)}
        aria-valuetext={`${formatMs(tMs)} of ${formatMs(end)}`}
        disabled={disabled}
        onChange={(e) => seek(Number(e.currentTarget.value))}
      />
      <output className="playback__time" aria-label="Simulated time">
        t = {formatMs(Math.min(tMs, end))} / {formatMs(end)}
      </output>
    </div>
  );
}
