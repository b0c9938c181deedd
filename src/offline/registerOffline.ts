/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { offlineStore, type OfflineStore } from './offlineStore';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Runs `start` once the page has loaded and the main thread is idle (at most a few seconds later). */
function whenSettled(start: () => void): void {
  const idle = () =>
    'requestIdleCallback' in window ? window.requestIdleCallback(start, { timeout: 3000 }) : setTimeout(start, 1000);
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

/**
 * Registers the service worker that keeps the built app for offline use (vite-plugin-pwa, 'prompt' mode).
 * Storing the app's files waits until the first render and run are done, so it never competes with them.
 * A new version is announced, not applied: the student chooses when to reload.
 */
export function registerOffline(store: OfflineStore = offlineStore): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  store.setState({ status: 'saving' });
  whenSettled(() => {
    const update = registerSW({
      immediate: true,
      onOfflineReady: () => store.setState({ status: 'ready' }),
      onNeedRefresh: () => store.setState({ updateReady: true }),
      onRegisteredSW: (_url, registration) => {
        // A later visit: the app was stored before, so onOfflineReady does not fire again.
        if (registration?.active) store.setState({ status: 'ready' });
        // A lab left open all day (a projector) still hears of a new version; offline, the check just fails.
        if (registration) setInterval(() => registration.update().catch(() => {}), UPDATE_CHECK_MS);
      },
      onRegisterError: () => store.setState({ status: 'failed' }),
    });
    store.setState({ applyUpdate: () => void update(true) });
  });
}
