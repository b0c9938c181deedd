import { runEndMs } from '../engine';
import { saveDeck } from './presentLink';
import { shownRun } from './runs';
import type { WorkspaceStore } from './workspace';

/**
 * Keeps presentation and embed mode's promises once results arrive: a scene's first result is shown
 * from the scene's start (not the end, as the lab shows a fresh result), an embed with `autoplay=1` starts
 * playing on its first result, and the lecturer's own list of scenes is saved for the next visit.
 */
export function connectPresent(store: WorkspaceStore, storage: Storage | undefined): () => void {
  let autoplay = store.getState().embed.autoplay;
  return store.subscribe((s, prev) => {
    if (s.present.deck !== prev.present.deck) saveDeck(storage, s.present.deck);
    if (s.shownRunId === prev.shownRunId) return;
    const trace = shownRun(s)?.trace;
    if (!trace || s.labRunId !== s.shownRunId) return;
    const startMs = s.present.sceneStartMs;
    if (startMs !== null)
      store.setState({
        playhead: { ...s.playhead, tMs: Math.min(startMs, runEndMs(trace.summary)), playing: false },
        present: { ...s.present, sceneStartMs: null },
      });
    if (autoplay) {
      autoplay = false;
      store.getState().play();
    }
  });
}
