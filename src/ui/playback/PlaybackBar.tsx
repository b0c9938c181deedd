import { useLab, useLabContext } from '../../state/LabContext';
import { PLAYBACK_SPEEDS } from '../../state/labStore';
import { formatMs } from '../format';
import { SHORTCUTS } from './shortcuts';

const run = (label: string) => SHORTCUTS.find((s) => s.label === label)!.run;

/** Play, step and scrub through the migration; the heatmaps and charts follow the playhead. */
export function PlaybackBar() {
  const { store } = useLabContext();
  const trace = useLab((s) => s.trace);
  const tMs = useLab((s) => s.tMs);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const seek = useLab((s) => s.seek);
  const setSpeed = useLab((s) => s.setSpeed);
  const togglePlay = useLab((s) => s.togglePlay);
  const end = trace?.summary.totalTimeMs ?? 0;
  const disabled = !trace;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button
        type="button"
        onClick={() => run('Back to the start')(store)}
        disabled={disabled}
        aria-label="Back to the start"
        title="Back to the start (Home)"
      >
        |◀
      </button>
      <button
        type="button"
        onClick={() => run('Previous round or event')(store)}
        disabled={disabled}
        aria-label="Previous round or event"
        title="Previous round or event (←)"
      >
        ◀◀
      </button>
      <button
        type="button"
        className="playback__play"
        onClick={togglePlay}
        disabled={disabled}
        aria-label={playing ? 'Pause' : 'Play'}
        title="Play / pause (Space)"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        onClick={() => run('Next round or event')(store)}
        disabled={disabled}
        aria-label="Next round or event"
        title="Next round or event (→)"
      >
        ▶▶
      </button>
      <button
        type="button"
        onClick={() => run('To the end')(store)}
        disabled={disabled}
        aria-label="To the end"
        title="To the end (End)"
      >
        ▶|
      </button>
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
