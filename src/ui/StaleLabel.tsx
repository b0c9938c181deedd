import type { Staleness } from '../state/runs';

const TEXT: Record<Staleness, string> = {
  running: 'running: showing the previous result',
  cancelled: 'cancelled: showing the previous result',
  failed: 'failed: showing the previous result',
};

/**
 * Said on a panel whenever what it draws is not the result of the scenario on screen. While a run is on
 * its way the label fades in only after a moment, so a quick drag does not make it flicker.
 */
export function StaleLabel({ stale }: { stale: Staleness | null }) {
  if (!stale) return null;
  return <p className={`stale-label stale-label--${stale}`}>{TEXT[stale]}</p>;
}
