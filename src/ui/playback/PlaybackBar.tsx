import { useLab, useLabContext } from '../../state/LabContext';
import { runEndMs } from '../../engine/trace/summary';
import { PLAYBACK_SPEEDS } from '../../state/labStore';
import { formatMs } from '../format';
import { SHORTCUTS } from './shortcuts';

const KEY_NAMES: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←' };

/** A playback button for one of the registered shortcuts: same action, same name, its key in the tooltip. */
function StepButton({ label, symbol }: { label: string; symbol: string }) {
  const { store } = useLabContext();
  const disabled = useLab((s) => !s.trace);
  const shortcut = SHORTCUTS.find((s) => s.label === label)!;
  const key = shortcut.keys.map((k) => KEY_NAMES[k] ?? k).join(' / ');
  return (
    <button
      type="button"
      onClick={() => shortcut.run(store)}
      disabled={disabled}
      aria-label={label}
      title={`${label} (${key})`}
    >
      {symbol}
    </button>
  );
}

/** Play, step and scrub through the migration; the heatmaps and charts follow the playhead. */
export function PlaybackBar() {
  const trace = useLab((s) => s.trace);
  const tMs = useLab((s) => s.tMs);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const seek = useLab((s) => s.seek);
  const setSpeed = useLab((s) => s.setSpeed);
  const togglePlay = useLab((s) => s.togglePlay);
  const end = trace ? runEndMs(trace.summary) : 0;
  const disabled = !trace;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <StepButton label="Back to the start" symbol="|◀" />
      <StepButton label="Previous round or event" symbol="◀◀" />
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
      <StepButton label="Next round or event" symbol="▶▶" />
      <StepButton label="To the end" symbol="▶|" />
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
