import type { MigrationState } from './state';

/** QEMU measures dirtying over periods of at least this long, checked at bitmap syncs. */
export const DIRTY_RATE_PERIOD_MS = 1000;
/** Qualifying periods needed before each throttle step. */
export const PERIODS_PER_THROTTLE_STEP = 2;

/**
 * QEMU's throttle trigger (migration_trigger_throttle): at a sync at least a second after the period
 * began, a period counts when the bytes newly dirtied exceed trigger% of the bytes sent; every second
 * such period raises the vCPU throttle (20 %, then +10 % per step, up to 99 %).
 */
export class DirtyRatePeriods {
  private periodStartMs: number;
  private periodNewPages = 0;
  private periodStartBytes: number;
  private highPeriods = 0;
  /** Pages per second dirtied over the last full period (QEMU's dirty-pages-rate), or null before one ended. */
  dirtyPagesRate: number | null = null;

  constructor(private readonly state: MigrationState) {
    this.periodStartMs = state.tMs;
    this.periodStartBytes = state.counters.transferredBytes;
  }

  /** A fast-forward moved the clock and the byte counter on. */
  shift(deltaMs: number, deltaBytes: number): void {
    this.periodStartMs += deltaMs;
    this.periodStartBytes += deltaBytes;
  }

  /** Feeds one sync; returns the new throttle in % when it stepped up. */
  onSync(newlyDirtiedPages: number): number | null {
    const s = this.state;
    this.periodNewPages += newlyDirtiedPages;
    const elapsed = s.tMs - this.periodStartMs;
    if (elapsed < DIRTY_RATE_PERIOD_MS) return null;
    const dirtiedBytes = this.periodNewPages * s.pageBytes;
    const sentBytes = s.counters.transferredBytes - this.periodStartBytes;
    this.dirtyPagesRate = (this.periodNewPages * 1000) / elapsed;
    this.periodStartMs = s.tMs;
    this.periodNewPages = 0;
    this.periodStartBytes = s.counters.transferredBytes;
    if (!s.live.autoConverge) return null;
    const p = s.scenario.precopy;
    if (dirtiedBytes <= (sentBytes * p.throttleTriggerPct) / 100) return null;
    if (++this.highPeriods < PERIODS_PER_THROTTLE_STEP) return null;
    this.highPeriods = 0;
    const currentPct = Math.round(s.throttle * 100);
    const nextPct =
      currentPct === 0 ? p.throttleInitialPct : Math.min(p.throttleMaxPct, currentPct + p.throttleIncrementPct);
    if (nextPct === currentPct) return null;
    s.throttle = nextPct / 100;
    s.maxThrottle = Math.max(s.maxThrottle, s.throttle);
    return nextPct;
  }
}
