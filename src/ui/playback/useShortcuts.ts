import { useEffect } from 'react';
import { useLabContext } from '../../state/LabContext';
import { keyBelongsToTarget, shortcutFor } from './shortcuts';

/** Playback from the keyboard anywhere on the page, except for keys a focused control uses itself. */
export function useShortcuts(): void {
  const { store } = useLabContext();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || keyBelongsToTarget(e.target, e.key)) return;
      const shortcut = shortcutFor(e.key);
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run(store);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
