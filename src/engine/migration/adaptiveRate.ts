import { bytesPerMsToMbps } from '../units';

/** Below this much left dirty, Xen's 2005 loop stops (Clark et al., NSDI 2005). */
export const ADAPTIVE_STOP_BYTES = 256 * 1024;

export type AdaptiveVerdict = 'continue' | 'rate-above-max' | 'little-left';

/**
 * Xen's dynamic rate limiting as Clark et al. describe it (NSDI 2005, section 5): the first round goes at a
 * minimum rate; each later round at the rate the guest dirtied memory during the round before, plus a
 * step; once that rate would exceed the maximum, or little is left, the final stop-and-copy runs at the
 * maximum. Pushing harder than the guest dirties is pointless; less would never catch up.
 */
export class AdaptiveRate {
  capMbps: number;

  constructor(
    readonly minMbps: number,
    readonly maxMbps: number,
    readonly stepMbps: number,
  ) {
    this.capMbps = minMbps;
  }

  /** A round has ended: set the next round's rate, or say why pre-copy should stop. */
  endRound(dirtiedBytes: number, roundMs: number, dirtyBytesLeft: number): AdaptiveVerdict {
    if (dirtyBytesLeft < ADAPTIVE_STOP_BYTES) return 'little-left';
    const dirtyingMbps = roundMs > 0 ? bytesPerMsToMbps(dirtiedBytes / roundMs) : Infinity;
    const next = Math.max(this.minMbps, dirtyingMbps + this.stepMbps);
    if (next > this.maxMbps) return 'rate-above-max';
    this.capMbps = next;
    return 'continue';
  }
}
