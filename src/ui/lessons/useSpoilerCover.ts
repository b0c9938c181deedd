import { useEffect } from 'react';
import { useWorkspaceContext } from '../../state/WorkspaceContext';

/**
 * While a prediction is open: the playhead waits at the start (so nothing of the run plays out), and the
 * timeline is covered from the playhead on (lessons.css draws the cover from `--future-from`).
 */
export function useSpoilerCover(guarded: boolean): void {
  const { store } = useWorkspaceContext();
  useEffect(() => {
    if (!guarded) return;
    const hold = () => {
      const { playhead } = store.getState();
      if (playhead.tMs !== 0 || playhead.playing) store.setState({ playhead: { ...playhead, tMs: 0, playing: false } });
    };
    hold();
    const unsubscribe = store.subscribe(hold);
    let frame = 0;
    const place = () => {
      for (const tracks of document.querySelectorAll<HTMLElement>('.timeline__tracks')) {
        const head = tracks.querySelector('.timeline__playhead');
        const x = head ? head.getBoundingClientRect().left - tracks.getBoundingClientRect().left : 0;
        tracks.style.setProperty('--future-from', `${Math.max(0, x)}px`);
      }
      frame = requestAnimationFrame(place);
    };
    place();
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [guarded, store]);
}
