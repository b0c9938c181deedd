import { parseScenario, type Scenario } from '../engine';
import type { WorkspaceState, WorkspaceStore } from './workspace';

const KEY = 'brownout.lastScenario.v1';
/**
 * The saved scenario again, kept while its lab run has not ended. Found at the next visit (the tab was
 * closed while a huge VM was still computing), it means the scenario is not restored without asking.
 */
const UNFINISHED_KEY = 'brownout.lastScenario.unfinished.v1';
/** Saving waits for a pause in changes: a slider drag writes once, not sixty times a second. */
const SAVE_DELAY_MS = 300;

function readSaved(storage: Storage | undefined): { scenario: Scenario; unfinished: boolean } | null {
  try {
    const text = storage?.getItem(KEY);
    if (!text) return null;
    const parsed = parseScenario(JSON.parse(text));
    return parsed.ok ? { scenario: parsed.scenario, unfinished: storage?.getItem(UNFINISHED_KEY) === text } : null;
  } catch {
    return null;
  }
}

/** The scenario kept from the last visit, if it is still valid and its run ended (else see below). */
export function loadSavedScenario(storage: Storage | undefined): Scenario | null {
  const saved = readSaved(storage);
  return saved && !saved.unfinished ? saved.scenario : null;
}

/** The scenario kept from the last visit whose run never ended: offered, not restored (RestorePrompt). */
export function unfinishedSavedScenario(storage: Storage | undefined): Scenario | null {
  const saved = readSaved(storage);
  return saved?.unfinished ? saved.scenario : null;
}

/** The user declined to restore the unfinished scenario: the next visit opens on defaults, asking nothing. */
export function forgetSavedScenario(storage: Storage | undefined): void {
  try {
    storage?.removeItem(KEY);
    storage?.removeItem(UNFINISHED_KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

const isGoing = (s: WorkspaceState) => {
  const status = s.labRunId === null ? undefined : s.runs[s.labRunId]?.status;
  return status === 'queued' || status === 'running';
};

/**
 * Saves the scenario after each burst of changes (and when the page goes away), so a reload comes back to it,
 * and marks it unfinished while its run goes. `holdingBack`: an unfinished scenario from the last visit is
 * waiting for the user's answer; its mark stays untouched until the scenario on screen changes.
 */
export function persistScenario(
  store: WorkspaceStore,
  storage: Storage | undefined,
  win?: Window,
  { holdingBack = false }: { holdingBack?: boolean } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let holding = holdingBack;
  /** The scenario this page marked unfinished (the one whose lab run is going), null, or unknown yet. */
  let marked: Scenario | null | undefined;
  const mark = (state: WorkspaceState) => {
    if (holding) return;
    const going = isGoing(state) ? state.scenario : null;
    if (going === marked) return;
    marked = going;
    try {
      if (going) storage?.setItem(UNFINISHED_KEY, JSON.stringify(going));
      else storage?.removeItem(UNFINISHED_KEY);
    } catch {
      // As below.
    }
  };
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
  // While the question waits, the scenario it was asked over is neither saved nor marked: only a real
  // change (the user moved on, or reopened the offered one) ends the wait.
  const heldOver = holding ? JSON.stringify(store.getState().scenario) : null;
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenario !== prev.scenario) {
      if (holding && JSON.stringify(state.scenario) === heldOver) return;
      holding = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    }
    mark(state);
  });
  mark(store.getState());
  win?.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    win?.removeEventListener('pagehide', flush);
  };
}
