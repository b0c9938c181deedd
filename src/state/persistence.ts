import { parseScenario, type Scenario } from '../engine';
import type { WorkspaceStore } from './workspace';

const KEY = 'brownout.lastScenario.v1';
/** Saving waits for a pause in changes: a slider drag writes once, not sixty times a second. */
const SAVE_DELAY_MS = 300;

/** The scenario kept from the last visit, if it is still valid. */
export function loadSavedScenario(storage: Storage | undefined): Scenario | null {
  try {
    const text = storage?.getItem(KEY);
    if (!text) return null;
    const parsed = parseScenario(JSON.parse(text));
    return parsed.ok ? parsed.scenario : null;
  } catch {
    return null;
  }
}

/** Saves the scenario after each burst of changes (and when the page goes away), so a reload comes back to it. */
export function persistScenario(store: WorkspaceStore, storage: Storage | undefined, win?: Window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    try {
      storage?.setItem(KEY, JSON.stringify(store.getState().scenario));
    } catch {
      // Storage full or disabled: the app works without it.
    }
  };
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario === prev.scenario) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  win?.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    win?.removeEventListener('pagehide', flush);
  };
}
