import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Whether this copy of the app works offline, and whether a new version is waiting. The service worker
 * (registerOffline.ts) reports here; the About note and the update notice read it.
 */
export interface OfflineState {
  /**
   * unsupported: this browser or address cannot keep the app (no service workers, or not https/localhost);
   * saving: the app's files are being stored; ready: it works offline; failed: storing them failed.
   */
  status: 'unsupported' | 'saving' | 'ready' | 'failed';
  /** A new version is downloaded and waits for the user to reload. */
  updateReady: boolean;
  /** Switches to the waiting version and reloads the page. */
  applyUpdate: () => void;
  /** Hides the notice: the new version then starts on the next visit. */
  dismissUpdate: () => void;
}

export type OfflineStore = StoreApi<OfflineState>;

export function createOfflineStore(): OfflineStore {
  return createStore<OfflineState>((set) => ({
    status: 'unsupported',
    updateReady: false,
    applyUpdate: () => {},
    dismissUpdate: () => set({ updateReady: false }),
  }));
}

/** The page's one service worker, so the page's one store. */
export const offlineStore = createOfflineStore();
