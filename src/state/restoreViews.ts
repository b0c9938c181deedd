import { setComparison } from './comparison';
import { decodeComparison } from './comparisonLink';
import type { LinkExtras } from './linkExtras';
import { requestSweep } from './sweep';
import { decodeSweep } from './sweepLink';
import type { WorkspaceStore } from './workspace';

/**
 * What a link keeps of the Compare and Sweep views, put back: the comparison's runs (queued, so they run
 * again and give the same numbers) and the sweep (asked for again). Returns what could not be read.
 */
export function restoreViews(store: WorkspaceStore, extras: LinkExtras): string[] {
  const problems: string[] = [];
  const comparison = decodeComparison(extras);
  if (comparison) {
    setComparison(store, comparison.items);
    problems.push(...comparison.problems);
  }
  const sweep = decodeSweep(extras, store.getState().scenario);
  if (sweep) {
    store.getState().apply(requestSweep(sweep.spec, sweep.base));
    problems.push(...sweep.problems);
  }
  return problems;
}
