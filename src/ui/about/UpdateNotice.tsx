import { useStore } from 'zustand';
import { offlineStore, type OfflineStore } from '../../offline/offlineStore';
import './about.css';

/**
 * "A new version is ready": shown when a new build has been downloaded, and applied only when the user
 * reloads, so a lesson in progress is never swapped mid-way. Polite: it does not take the focus.
 */
export function UpdateNotice({ store = offlineStore }: { store?: OfflineStore }) {
  const ready = useStore(store, (s) => s.updateReady);
  const applyUpdate = useStore(store, (s) => s.applyUpdate);
  const dismiss = useStore(store, (s) => s.dismissUpdate);
  if (!ready) return null;
  return (
    <div className="update-notice" role="status">
      <span title="Reload when it suits you: your scenario stays as it is.">A new version of Brownout is ready.</span>
      <button type="button" onClick={applyUpdate}>
        Reload now
      </button>
      <button type="button" onClick={dismiss}>
        Later
      </button>
    </div>
  );
}
