import { ITERATE_CHUNK_MS, RATE_WINDOW_MS } from '../../migration/qemuPrecopy';

/** QEMU's loop decides at the end of each 50 ms chunk (MAX_WAIT) and measures over >= 100 ms windows. */
export const CHUNK_MS = ITERATE_CHUNK_MS;
export const WINDOW_MS = RATE_WINDOW_MS;
const EPS_MS = 1e-9;

/**
 * The timing of QEMU's migration loop in the flow model (fact sheet section 1.2): decision points at chunk
 * ends (and at a window's end when a bandwidth cap made the sender sleep), and the bandwidth estimate that
 * sets the threshold, refreshed at a decision point once a window of at least 100 ms is over. Until the
 * first window is over the estimate is 0, so nothing can stop in the first 100 ms.
 *
 * Decisions fall where the page engine's slices end, as they do there: slices of `stepMs` from the start
 * of pre-copy, started afresh at each change of rate (an intervention cuts the slice it falls in short).
 * A chunk ends at the first slice end at least 50 ms after it began, so the windows of the two models stay
 * in phase on a replayed fleet migration, whose rate changes many times.
 */
export class QemuClock {
  private chunkStartMs: number;
  private windowStartMs: number;
  private windowBytes = 0;
  private gridOriginMs: number;
  /** Bytes per ms measured over the last window; null before the first. */
  estimate: number | null = null;

  constructor(
    startMs: number,
    private readonly stepMs: number,
  ) {
    this.chunkStartMs = startMs;
    this.windowStartMs = startMs;
    this.gridOriginMs = startMs;
  }

  /** A chunk in slices, and a window in chunks (the first chunk end at least 100 ms after it opened). */
  private get tickMs(): number {
    return this.stepMs * Math.ceil(CHUNK_MS / this.stepMs - 1e-9);
  }

  private get windowMs(): number {
    return this.tickMs * Math.ceil(WINDOW_MS / this.tickMs - 1e-9);
  }

  /** The first slice end at or after `tMs`. */
  gridAtOrAfter(tMs: number): number {
    const k = Math.max(0, Math.ceil((tMs - this.gridOriginMs) / this.stepMs - 1e-9));
    return this.gridOriginMs + k * this.stepMs;
  }

  onGrid(tMs: number): boolean {
    return Math.abs(this.gridAtOrAfter(tMs) - tMs) < 1e-6;
  }

  /** The first decision point strictly after `tMs`... or at it, when `tMs` is one. */
  tickAtOrAfter(tMs: number): number {
    const k = Math.max(1, Math.ceil((tMs - this.chunkStartMs) / this.tickMs - 1e-9));
    return this.chunkStartMs + k * this.tickMs;
  }

  isTick(tMs: number): boolean {
    return Math.abs(this.tickAtOrAfter(tMs) - tMs) < 1e-6;
  }

  /** Where the open window ends: the first decision point at least 100 ms after it began. */
  windowEndMs(): number {
    return this.tickAtOrAfter(this.windowStartMs + WINDOW_MS - 1e-9);
  }

  /** Where a sender that spent the open window's budget wakes: the first slice end 100 ms after it began. */
  sleepEndMs(): number {
    return this.gridAtOrAfter(this.windowStartMs + WINDOW_MS);
  }

  /** Bytes sent in the open window (what a bandwidth cap counts against its budget). */
  get windowSentBytes(): number {
    return this.windowBytes;
  }

  /**
   * Bytes sent over the `dtMs` up to `endMs` at a steady rate. Windows that closed inside that stretch
   * (at decision points nothing happened at, so the estimate they give is the one in force) roll on.
   */
  add(endMs: number, dtMs: number, bytes: number): void {
    const firstEnd = this.windowEndMs();
    if (firstEnd >= endMs - EPS_MS || dtMs <= 0) {
      this.windowBytes += bytes;
      return;
    }
    const lastEnd = firstEnd + Math.floor((endMs - EPS_MS - firstEnd) / this.windowMs) * this.windowMs;
    this.windowStartMs = lastEnd;
    this.windowBytes = (bytes / dtMs) * (endMs - lastEnd);
  }

  /** The decision point at which the estimate would change if sending went on at `bytesPerMs`. */
  nextEstimateChange(nowMs: number, bytesPerMs: number): number {
    const end = this.tickAtOrAfter(Math.max(nowMs, this.windowEndMs()));
    const measured = (this.windowBytes + bytesPerMs * (end - nowMs)) / (end - this.windowStartMs);
    if (this.estimate === null || Math.abs(measured - this.estimate) > 1e-9 * Math.max(1, measured)) return end;
    return Infinity;
  }

  /**
   * The network changed the flow's rate at `nowMs`. The slices start afresh there, and the open chunk
   * ends at the first of them at least 50 ms after it began. QEMU would see the new rate over the next
   * window; the flow model takes it at once when the estimate had settled (a steady stretch), which saves
   * an event per flow per change.
   */
  rebase(nowMs: number, oldBytesPerMs: number, newBytesPerMs: number): void {
    const tick = this.tickMs;
    const chunkStart = this.chunkStartMs + Math.floor((nowMs - this.chunkStartMs) / tick + 1e-9) * tick;
    this.gridOriginMs = nowMs;
    this.chunkStartMs = this.gridAtOrAfter(Math.max(nowMs, chunkStart + tick)) - tick;
    if (this.estimate === null || Math.abs(this.estimate - oldBytesPerMs) > 1e-9 * Math.max(1, oldBytesPerMs)) return;
    this.estimate = newBytesPerMs;
    this.windowBytes = newBytesPerMs * (nowMs - this.windowStartMs);
  }

  /** migration_update_counters at a decision point: a window of at least 100 ms gives a new estimate. */
  settle(nowMs: number): void {
    const length = nowMs - this.windowStartMs;
    if (length < WINDOW_MS - EPS_MS) return;
    this.estimate = this.windowBytes / length;
    this.windowStartMs = nowMs;
    this.windowBytes = 0;
  }

  /** A decision went on sending: the next chunk starts now. */
  startChunk(nowMs: number): void {
    this.chunkStartMs = nowMs;
  }

  thresholdBytes(downtimeLimitMs: number): number {
    return (this.estimate ?? 0) * downtimeLimitMs;
  }
}
