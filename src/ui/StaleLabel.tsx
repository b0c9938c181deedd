import type { Staleness } from '../state/runs';

const TEXT: Record<Staleness, string> = {
  running: 'running: previous result',
  cancelled: 'cancelled: previous result',
  failed: 'failed: previous result',
};

const TITLE: Record<Staleness, string> = {
  running: 'A new run is on its way; this panel still shows the result before your last change.',
  cancelled: 'The run for your last change was cancelled; this panel shows the result before it.',
  failed: 'The run for your last change failed; this panel shows the result before it.',
};

/**
 * Said on a panel whenever what it draws is not the result of the scenario on screen. While a run is on
 * its way the label fades in only after a moment, so a quick drag does not make it flicker.
 */
export function StaleLabel({ stale }: { stale: Staleness | null }) {
  if (!stale) return null;
  return (
    <p className={`stale-label stale-label--${stale}`} title={TITLE[stale]}>
      {TEXT[stale]}
    </p>
  );
}
