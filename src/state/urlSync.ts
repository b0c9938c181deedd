import type { WorkspaceStore } from './workspace';
import { workspaceQuery } from './workspaceLink';

/** Mirrors the scenario, the view (and, when paused, the playhead) into the address bar without adding history entries. */
export function syncUrl(store: WorkspaceStore, win: Window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    win.history.replaceState(null, '', `${win.location.pathname}?${workspaceQuery(store.getState())}`);
  };
  // Waits for a pause in changes: browsers make replaceState slow when it is called in bursts.
  const unsubscribe = store.subscribe((state, prev) => {
    const changed =
      state.scenario !== prev.scenario ||
      state.view !== prev.view ||
      state.comparison !== prev.comparison ||
      state.sweep.id !== prev.sweep.id ||
      state.fleet !== prev.fleet ||
      state.lesson !== prev.lesson ||
      (!state.playhead.playing && state.playhead.tMs !== prev.playhead.tMs);
    if (!changed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, 300);
  });
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
