import type { Outcome } from '../trace/types';
import type { QmpRecord } from './qmp';

/** The summary figures a fit compares, as the CLI's summary names them. */
export interface FitFigures {
  /** Live pre-copy rounds. */
  iterations: number;
  downtimeMs: number;
  /** From the migrate command (QEMU's total-time). */
  totalTimeMs: number;
  bytesTransferred: number;
  converged: boolean;
  outcome: Outcome;
  /** Post-copy runs only. */
  postcopyBytes?: number;
  postcopyRequests?: number;
}

/** Pages of the guest's RAM. */
export const recordPages = (r: QmpRecord): number => Math.round(r.guestRamBytes / r.pageSizeBytes);

/** Pages the guest has written: every page but those the record sent as zero pages. */
export function usedPages(r: QmpRecord): number {
  return Math.max(0, recordPages(r) - (r.final ?? r.last).ram.duplicate);
}

/** True when post-copy took over (the record reached postcopy-active). */
export const wentPostcopy = (r: QmpRecord): boolean => r.postcopyAtMs !== null;

/** Syncs while iterating: all of them but the setup sync and the one that stopped the VM. */
function roundsOf(r: QmpRecord): number {
  const end = r.final ?? r.last;
  const syncs = end.ram.dirtySyncCount;
  if (r.final && !wentPostcopy(r)) {
    // Completed pre-copy: the last sync is the final one during the blackout. The one before it decided to
    // stop when it came right before the pause; the round it opened never sent anything.
    const iterating = Math.max(0, syncs - 2);
    const lastIterating = r.syncTimesMs[syncs - 1];
    const paused = r.pausedAtMs;
    const decided =
      iterating > 0 &&
      (lastIterating !== undefined && paused !== null
        ? paused - lastIterating < 5
        : paused !== null && r.activeAtMs !== null && paused - r.activeAtMs > 100);
    return decided ? iterating : iterating + 1;
  }
  // Post-copy (the last sync came with the switch) or stopped while iterating: the open round counts.
  const iterating = Math.max(0, syncs - 1 - (wentPostcopy(r) ? 1 : 0));
  return iterating + 1;
}

/** What the record shows for each figure a fit compares. */
export function measuredFigures(r: QmpRecord): FitFigures {
  const end = r.final ?? r.last;
  const completed = r.endStatus === 'completed' && r.final !== null;
  const lostInPostcopy = r.endStatus === 'failed' && wentPostcopy(r);
  const figures: FitFigures = {
    iterations: roundsOf(r),
    downtimeMs: completed ? (r.final!.downtimeMs ?? 0) : 0,
    totalTimeMs: completed ? (r.final!.totalTimeMs ?? r.endAtMs ?? end.tMs) : (r.endAtMs ?? end.tMs),
    bytesTransferred: end.ram.transferred,
    converged: completed && !wentPostcopy(r),
    outcome: completed ? 'completed' : lostInPostcopy ? 'failed' : 'aborted',
  };
  if (wentPostcopy(r)) {
    figures.postcopyBytes = end.ram.postcopyBytes;
    figures.postcopyRequests = end.ram.postcopyRequests;
  }
  return figures;
}
