import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { offlineStore, type OfflineState, type OfflineStore } from '../../offline/offlineStore';
import './about.css';

const OFFLINE_STATUS: Record<OfflineState['status'], string> = {
  ready: 'This copy is stored in your browser and works without a network.',
  saving: 'This copy is being stored in your browser; once that is done it works without a network.',
  failed: 'This browser could not store the app, so it needs the network on the next visit.',
  unsupported:
    'This browser or address cannot store the app (offline use needs https or localhost), so it needs the network on the next visit.',
};

/** The "About" note: what Brownout keeps, what it sends (nothing), and whether this copy works offline. */
export function AboutButton({ store = offlineStore }: { store?: OfflineStore }) {
  const [open, setOpen] = useState(false);
  const status = useStore(store, (s) => s.status);
  const button = useRef<HTMLButtonElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="about">
      <button ref={button} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        About
      </button>
      {open && (
        <div className="about__panel" role="dialog" aria-label="About Brownout">
          <h2>About Brownout</h2>
          <p>A lab for live migration of virtual machines: every number comes from a simulation in your browser.</p>
          <h3>What it keeps</h3>
          <p>
            Nothing about you. It keeps only your own scenarios and lesson progress, in this browser&apos;s
            localStorage, so a reload comes back to where you were, plus a copy of its own files so it works offline.
            Clearing this site&apos;s data in the browser removes all of it.
          </p>
          <h3>What it sends</h3>
          <p>
            Nothing. It makes no request to any other site: no analytics, no fonts or code from elsewhere. A shared link
            carries the scenario in the address itself.
          </p>
          <h3>Offline</h3>
          <p role="status">{OFFLINE_STATUS[status]}</p>
          <button
            ref={close}
            type="button"
            onClick={() => {
              setOpen(false);
              button.current?.focus();
            }}
          >
            Close
          </button>
        </div>
      )}
    </div>
  );
}
