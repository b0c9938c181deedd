import type { LabStore } from '../../state/labStore';
import { runEndMs } from '../../engine/trace/summary';
import { PLAYBACK_SPEEDS } from '../../state/labStore';
import { stopsOf } from '../traceAt';

/** A keyboard action: the keys, what it says in the shortcut list, and what it does. */
export interface Shortcut {
  keys: string[];
  label: string;
  run: (store: LabStore) => void;
}

function jump(store: LabStore, direction: 1 | -1): void {
  const { trace, tMs, seek } = store.getState();
  if (!trace) return;
  const stops = stopsOf(trace);
  const target = direction > 0 ? stops.find((t) => t > tMs + 1e-6) : [...stops].reverse().find((t) => t < tMs - 1e-6);
  seek(target ?? (direction > 0 ? runEndMs(trace.summary) : 0));
}

function changeSpeed(store: LabStore, direction: 1 | -1): void {
  const { speed, setSpeed } = store.getState();
  const i = PLAYBACK_SPEEDS.indexOf(speed as (typeof PLAYBACK_SPEEDS)[number]);
  const next = PLAYBACK_SPEEDS[Math.max(0, Math.min(PLAYBACK_SPEEDS.length - 1, (i < 0 ? 4 : i) + direction))];
  setSpeed(next);
}

/** The one list of playback keys: the key handler and the shortcut sheet both come from it. */
export const SHORTCUTS: Shortcut[] = [
  { keys: [' '], label: 'Play / pause', run: (s) => s.getState().togglePlay() },
  { keys: ['ArrowRight'], label: 'Next round or event', run: (s) => jump(s, 1) },
  { keys: ['ArrowLeft'], label: 'Previous round or event', run: (s) => jump(s, -1) },
  { keys: ['Home'], label: 'Back to the start', run: (s) => s.getState().seek(0) },
  { keys: ['End'], label: 'To the end', run: (s) => s.getState().seek(Infinity) },
  { keys: ['+', '='], label: 'Faster', run: (s) => changeSpeed(s, 1) },
  { keys: ['-'], label: 'Slower', run: (s) => changeSpeed(s, -1) },
];

/** Keys typed into a form field belong to that field; Space and Enter on a button press the button. */
export function keyBelongsToTarget(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'BUTTON' || target.getAttribute('role') === 'button') return key === ' ' || key === 'Enter';
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target.isContentEditable;
}

export function shortcutFor(key: string): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.keys.includes(key));
}
