import { PageState } from '../memory/pageState';
import type { Emit } from '../trace/events';
import type { RoundEnd } from '../trace/types';
import { bytesPerMsToMbps, mbpsToBytesPerMs } from '../units';
import { DirtyRatePeriods } from './autoConverge';
import type { Next, PhaseController } from './controller';
import { capMbpsForRound, maybeStunRogue } from './precopyRules';
import type { RoundTracker } from './rounds';
import { PageSender } from './sender';
import type { MigrationState } from './state';

export type { Emit } from '../trace/events';

/** QEMU's rate-limit and bandwidth-measurement window (BUFFER_DELAY). */
export const RATE_WINDOW_MS = 100;
/** ram_save_iterate returns after this long so the loop can re-check its state (MAX_WAIT). */
export const ITERATE_CHUNK_MS = 50;

/** When the hybrid strategy asks for the switch to post-copy. */
export type SwitchRequest = (roundsCompleted: number, tMs: number) => boolean;

/**
 * Pre-copy the way QEMU's migration thread runs it (migration_iteration_run and friends):
 * - send dirty pages in address order, wrapping, in chunks of at most 50 ms;
 * - with a bandwidth cap, send at most cap/10 bytes per 100 ms window, then sleep to the window's end;
 * - every >= 100 ms, measure bandwidth over the window; threshold = bandwidth x downtime limit;
 * - re-sync the dirty log only when the estimated remaining bytes (every set bit of the migration bitmap
 *   at a full page, as ram_state_pending_estimate counts them) drop below the threshold; a sync ends a
 *   round; stop when the exact remaining bytes after a sync are below the threshold (or nothing is left).
 *
 * One departure from QEMU, on purpose: while the first pass has never-written pages still ahead of it
 * (and each costs a zero check), the threshold test waits until the scan has been past them. QEMU's test prices each set bit at one
 * 4 KiB page at the measured byte rate, and migration_iteration_run has no such guard. That price is right
 * for a page that must go in full, but a never-written page costs a zero check whose time does not shrink
 * with the link: past about 4 KiB per check (~73 Gbit/s at 0.45 µs) the test lets pre-copy stop with
 * hundreds of thousands of unchecked pages left, to be checked inside the blackout, and a faster link
 * then means a longer blackout (the default scenario gave 1.6 ms at 40 Gbit/s, 310 ms at 100 Gbit/s). In
 * a real guest the zero pages are spread through RAM and the measured rate averages their cost in; here
 * they sit together above the used ones, so the windows before the stop see none of them. A test that
 * weighed each check against the price would not do: where the two are close (a window half over used and
 * half over zero pages measures about the rate at which that happens) it still stops with the checks
 * left. On slow links the difference to QEMU is a few milliseconds of checking moved out of the blackout;
 * where no never-written page is marked (every page used, tracking since boot, zero-page detection off)
 * this is exactly QEMU's rule, mid-pass syncs included (reference sheet 4.4).
 */
export class QemuPrecopy implements PhaseController {
  readonly phase = 'precopy' as const;
  private mode: 'decide' | 'send' | 'sleep' = 'decide';
  private windowStartMs: number;
  private windowBytes = 0;
  private estimateBytesPerMs = 0;
  private thresholdBytes = 0;
  /** The window behind the estimate in force. */
  private estimateWindow = { bytes: 0, ms: 0 };
  private chunkStartMs = 0;
  private readonly sender: PageSender;
  private dirtyBytesLastSync: number;
  private expectedDowntime: number;
  private readonly periods: DirtyRatePeriods;
  private lastDirtyAtSync: number | null = null;
  private syncCount = 0;
  /** Every page marked at the start has been looked at once (the scan went past the end of memory). */
  private firstPassDone = false;
  /** The highest never-written page marked for the first pass, or -1: the threshold test waits until the scan is past it. */
  private readonly lastZeroMarked: number;

  constructor(
    private readonly s: MigrationState,
    private readonly rounds: RoundTracker,
    private readonly emit: Emit,
    private readonly switchRequested: SwitchRequest | null,
  ) {
    this.windowStartMs = s.tMs;
    this.sender = new PageSender(s, s.toSend, true);
    this.dirtyBytesLastSync = s.toSend.count * s.pageBytes;
    this.expectedDowntime = s.live.downtimeLimitMs;
    this.periods = new DirtyRatePeriods(s);
    this.lastZeroMarked = highestMarkedZeroPage(s);
    rounds.start(s.tMs, s.toSend.count, s.counters.writes);
  }

  /** The threshold test may run: the first pass has checked every never-written page it had to. */
  private get mayTest(): boolean {
    return this.firstPassDone || this.lastZeroMarked < 0 || this.sender.cursor > this.lastZeroMarked;
  }

  expectedDowntimeMs(): number {
    return this.expectedDowntime;
  }

  /** The stop threshold now, in bytes, and the bandwidth estimate behind it. */
  get threshold(): { bytes: number; estimateBytesPerMs: number } {
    return { bytes: this.thresholdBytes, estimateBytesPerMs: this.estimateBytesPerMs };
  }

  private pending: Next | null = null;

  step(dtMs: number): number {
    const s = this.s;
    if (this.mode === 'decide') {
      this.pending = this.decide();
      if (this.pending) return 0;
      this.mode = 'send';
      this.chunkStartMs = s.tMs;
    }
    let sent = 0;
    if (this.mode === 'send') {
      const roundIndex = this.rounds.current?.index ?? 1;
      const capMbps = capMbpsForRound(s, roundIndex);
      const windowBudget = capMbps > 0 ? mbpsToBytesPerMs(capMbps) * RATE_WINDOW_MS : Number.POSITIVE_INFINITY;
      const before = this.sender.cursor;
      const r = this.sender.send(
        dtMs,
        windowBudget - this.windowBytes,
        s.copyRateBytesPerMs('live'),
        PageState.SentClean,
        'precopy',
      );
      if (!this.firstPassDone && (this.sender.cursor < before || s.toSend.nextFrom(this.sender.cursor) < 0))
        this.firstPassDone = true;
      this.windowBytes += r.bytes;
      sent = r.bytes;
      s.counters.sourceBusyMs += r.busyMs;
      this.rounds.addSent(r.pages, r.zeroPages, r.bytes);
      if (this.windowBytes >= windowBudget) this.mode = 'sleep';
      else if (s.tMs + dtMs - this.chunkStartMs >= ITERATE_CHUNK_MS || s.toSend.count === 0) this.mode = 'decide';
    }
    s.runGuestOnSource(dtMs, true);
    s.accountLink(dtMs, sent);
    return dtMs;
  }

  /** migration_rate_limit after a chunk: refresh the counters when a window is over, ending any sleep. */
  settle(): Next | null {
    const next = this.pending;
    this.pending = null;
    if (next) return next;
    const nowMs = this.s.tMs;
    const windowOver = nowMs - this.windowStartMs >= RATE_WINDOW_MS;
    if (this.mode === 'send' || !windowOver) return null;
    const elapsed = nowMs - this.windowStartMs;
    this.estimateBytesPerMs = this.windowBytes / elapsed;
    this.estimateWindow = { bytes: this.windowBytes, ms: elapsed };
    this.thresholdBytes = this.estimateBytesPerMs * this.s.live.downtimeLimitMs;
    if (this.periods.dirtyPagesRate !== null && this.windowBytes > 10_000 && this.estimateBytesPerMs > 0)
      this.expectedDowntime = this.dirtyBytesLastSync / this.estimateBytesPerMs;
    this.windowStartMs = nowMs;
    this.windowBytes = 0;
    this.mode = 'decide';
    return null;
  }

  private decide(): Next | null {
    const s = this.s;
    const p = s.scenario.precopy;
    const estimate = s.toSend.count * s.pageBytes;
    const synced = this.mayTest && estimate < this.thresholdBytes ? this.sync() : null;
    const pendingPages = s.toSend.count;
    const pending = pendingPages * s.pageBytes;
    const figures = {
      pendingBytes: pending,
      pendingPages,
      thresholdBytes: this.thresholdBytes,
      estimateMbps: bytesPerMsToMbps(this.estimateBytesPerMs),
      downtimeLimitMs: s.live.downtimeLimitMs,
    };
    let next: Next | null = null;
    if (pending === 0 || (synced && pending < this.thresholdBytes)) {
      this.emitSync(synced, null);
      this.emit({ kind: 'stop-decision', rule: pending === 0 ? 'nothing-left' : 'threshold', ...figures });
      return { kind: 'final-copy', converged: true, reason: 'converged' };
    }
    if (this.switchRequested?.(this.rounds.completed, s.tMs))
      next = { kind: 'postcopy-switch', reason: 'postcopy-switch' };
    else if (synced && p.maxIterations > 0 && this.rounds.completed >= p.maxIterations) {
      this.emitSync(synced, null);
      this.emit({ kind: 'stop-decision', rule: 'round-cap', maxIterations: p.maxIterations, ...figures });
      return this.giveUp('max-iterations');
    } else if (p.timeoutS > 0 && s.tMs >= p.timeoutS * 1000) {
      this.emitSync(synced, null);
      this.emit({ kind: 'stop-decision', rule: 'timeout', timeoutS: p.timeoutS, ...figures });
      return this.giveUp('timeout');
    }
    this.emitSync(synced, next ? null : this.rounds.completed + 1);
    if (synced && !next) this.afterSync(synced.pages);
    return next;
  }

  private giveUp(reason: 'max-iterations' | 'timeout'): Next {
    return this.s.scenario.precopy.onNoConvergence === 'abort'
      ? { kind: 'abort', reason }
      : { kind: 'final-copy', converged: false, reason };
  }

  /**
   * migration_bitmap_sync: fold the dirty log into the bitmap; this ends one round. The next round opens
   * in afterSync once the stop test has had its say (or the blackout takes the pages).
   */
  private sync(): { round: number; pages: number; carried: number; newPages: number } {
    const s = this.s;
    const carried = s.toSend.count;
    const newPages = s.toSend.absorb(s.log);
    const dirty = s.toSend.count;
    this.syncCount++;
    this.dirtyBytesLastSync = dirty * s.pageBytes;
    const round = this.rounds.current?.index ?? 1;
    this.closeRound(dirty, newPages, carried, 'sync', round);
    return { round, pages: dirty, carried, newPages };
  }

  private emitSync(synced: ReturnType<QemuPrecopy['sync']> | null, nextRound: number | null): void {
    if (!synced) return;
    const s = this.s;
    this.emit({
      kind: 'sync',
      round: synced.round,
      pages: synced.pages,
      bytes: synced.pages * s.pageBytes,
      carriedPages: synced.carried,
      newPages: synced.newPages,
      nextRound,
    });
  }

  /** The log was synced and pre-copy goes on: throttle and stun rules, then the next round opens. */
  private afterSync(dirty: number): void {
    const s = this.s;
    const throttled = this.periods.onSync(this.rounds.rounds[this.rounds.completed - 1]?.newlyDirtiedPages ?? 0);
    if (throttled !== null) this.emit({ kind: 'throttle', throttlePct: throttled });
    if (maybeStunRogue(s, dirty, this.lastDirtyAtSync))
      this.emit({ kind: 'rogue-stunned', dirtyPages: dirty, previousDirtyPages: this.lastDirtyAtSync ?? 0 });
    this.lastDirtyAtSync = dirty;
    this.rounds.start(s.tMs, dirty, s.counters.writes);
  }

  /**
   * Pre-copy is over (the final sync has run, or a fault or abort cut it short): the open round closes
   * with what is left to send. A round the deciding sync opened a moment ago, with nothing sent, is not a
   * round at all.
   */
  finish(newlyDirtiedPages: number, end: RoundEnd = 'stop'): void {
    const s = this.s;
    const r = this.rounds.current;
    if (!r) return;
    if (r.startMs === s.tMs && r.pagesSent === 0) {
      this.rounds.discard();
      return;
    }
    const carried = s.toSend.count - newlyDirtiedPages;
    this.closeRound(s.toSend.count, newlyDirtiedPages, carried, end, r.index);
  }

  /** Records the open round as ended now, with the stop test's figures in force. */
  private closeRound(
    dirtyPagesAtEnd: number,
    newlyDirtiedPages: number,
    carriedPages: number,
    end: RoundEnd,
    roundIndex: number,
  ): void {
    const s = this.s;
    this.rounds.close(s.tMs, s.counters.writes, {
      dirtyPagesAtEnd,
      newlyDirtiedPages,
      carriedPages,
      end,
      thresholdBytes: this.thresholdBytes,
      estimateBytesPerMs: this.estimateBytesPerMs,
      estimateWindowBytes: this.estimateWindow.bytes,
      estimateWindowMs: this.estimateWindow.ms,
      downtimeLimitMs: s.live.downtimeLimitMs,
      capMbps: capMbpsForRound(s, roundIndex),
      throttlePct: Math.round(s.throttle * 100),
      writeRatePagesPerSec: s.writes.current.writesPerSec * s.writeSpeed(),
    });
  }

  /** Bitmap syncs made while iterating (QEMU's dirty-sync-count without the setup and final ones). */
  get syncs(): number {
    return this.syncCount;
  }

  /** Moves this controller's clocks on by `deltaMs` (and its byte marks by `deltaBytes`): a fast-forward. */
  shift(deltaMs: number, deltaBytes: number, syncs: number): void {
    this.windowStartMs += deltaMs;
    this.chunkStartMs += deltaMs;
    this.syncCount += syncs;
    this.periods.shift(deltaMs, deltaBytes);
  }
}

/**
 * The highest page still marked for sending that the guest never wrote, or -1 when there is none (or when
 * zero pages cost no check: without zero-page detection they go as full pages, priced right).
 */
function highestMarkedZeroPage(s: MigrationState): number {
  if (s.wire.zeroScanMs <= 0) return -1;
  const states = s.mem.states;
  for (let page = s.layout.pageCount - 1; page >= 0; page--)
    if (states[page] === PageState.Untouched && s.toSend.has(page)) return page;
    else if (states[page] !== PageState.Untouched) return -1;
  return -1;
}
