import type { LabStore } from './labStore';
import { encodeLink } from './urlCodec';

/** The current scenario and playhead as a full link to this page. */
export function currentLink(store: LabStore, location: Location): string {
  const { scenario, tMs } = store.getState();
  return `${location.origin}${location.pathname}?${encodeLink(scenario, tMs)}`;
}

/** Mirrors the scenario (and, when paused, the playhead) into the address bar without adding history entries. */
export function syncUrl(store: LabStore, win: Window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const { scenario, tMs } = store.getState();
    win.history.replaceState(null, '', `${win.location.pathname}?${encodeLink(scenario, tMs)}`);
  };
  // Waits for a pause in changes: browsers make replaceState slow when it is called in bursts.
  const unsubscribe = store.subscribe((state, prev) => {
    const changed = state.scenario !== prev.scenario || (!state.playing && state.tMs !== prev.tMs);
    if (!changed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, 300);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
