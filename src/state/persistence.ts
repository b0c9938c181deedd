import type { Scenario } from '../engine/scenario/schema';
import { parseScenario } from '../engine/scenario/validate';
import type { LabStore } from './labStore';

const KEY = 'brownout.lastScenario.v1';

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

/** Saves the scenario on every change, so a reload comes back to it. */
export function persistScenario(store: LabStore, storage: Storage | undefined): () => void {
  return store.subscribe((state, prev) => {
    if (state.scenario === prev.scenario) return;
    try {
      storage?.setItem(KEY, JSON.stringify(state.scenario));
    } catch {
      // Storage full or disabled: the app works without it.
    }
  });
}
