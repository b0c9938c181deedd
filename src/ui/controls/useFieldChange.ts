import { useCallback, useEffect, useMemo, useRef } from 'react';
import { labChangeFor, type Change } from '../../state/changes';
import type { FieldChange, FieldPath } from '../../state/fieldPaths';
import { shownRun } from '../../state/runs';
import { useWorkspaceContext } from '../../state/WorkspaceContext';

/** A burst of key presses on one control is one gesture; this long without a key (or leaving the control) ends it. */
export const KEY_GESTURE_IDLE_MS = 2000;

/** Keys with which a slider or switch changes its value (others, like Tab, do not start a gesture). */
const VALUE_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  ' ',
]);

interface OpenGesture {
  id: number;
  change: Change;
}

/**
 * How a lab control changes its field, with the gesture made explicit: a pointer press until its release,
 * or a burst of value keys, is one gesture, so a drag while the migration plays is one intervention at the
 * playhead with one baseline. The kind of change (edit or intervention) is decided once, when the gesture
 * begins, by the lab's rule (`labChangeFor`). A change outside any gesture (a click on a switch) is a
 * gesture of its own.
 */
export function useFieldChange(path: FieldPath) {
  const { store } = useWorkspaceContext();
  const open = useRef<OpenGesture | null>(null);
  const keyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const changeNow = useCallback((): Change => {
    const s = store.getState();
    return labChangeFor(path, shownRun(s)?.trace ?? null, s.playhead);
  }, [store, path]);

  const end = useCallback(() => {
    clearTimeout(keyTimer.current);
    if (open.current) store.getState().endGesture(open.current.id);
    open.current = null;
  }, [store]);

  const begin = useCallback(() => {
    clearTimeout(keyTimer.current);
    if (!open.current) open.current = { id: store.getState().beginGesture(), change: changeNow() };
  }, [store, changeNow]);

  useEffect(() => end, [end]);

  const set = useCallback(
    (changes: readonly FieldChange[]) => {
      const g = open.current;
      if (g) store.getState().changeFields(changes, g.change, g.id);
      else store.getState().changeFields(changes, changeNow());
    },
    [store, changeNow],
  );

  const handlers = useMemo(
    () => ({
      onPointerDown: () => {
        begin();
        // The release may happen anywhere on the page.
        const release = () => {
          window.removeEventListener('pointerup', release);
          window.removeEventListener('pointercancel', release);
          end();
        };
        window.addEventListener('pointerup', release);
        window.addEventListener('pointercancel', release);
      },
      onKeyDown: (e: { key: string }) => {
        if (VALUE_KEYS.has(e.key)) begin();
      },
      onKeyUp: () => {
        if (!open.current) return;
        clearTimeout(keyTimer.current);
        keyTimer.current = setTimeout(end, KEY_GESTURE_IDLE_MS);
      },
      onBlur: end,
    }),
    [begin, end],
  );

  return { set, handlers };
}
