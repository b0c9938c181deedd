import { PageState } from '../memory/pageState';
import type { EventKind } from '../trace/types';
import { bytesPerMsToMbps, mbpsToBytesPerMs } from '../units';
import { DirtyRatePeriods } from './autoConverge';
import type { Next, PhaseController } from './controller';
import { capMbpsForRound, maybeStunRogue } from './precopyRules';
import type { RoundTracker } from './rounds';
import { PageSender } from './sender';
import type { MigrationState } from './state';

/** QEMU's rate-limit and bandwidth-measurement window (BUFFER_DELAY). */
export const RATE_WINDOW_MS = 100;
/** ram_save_iterate returns after this long so the loop can re-check its state (MAX_WAIT). */
export const ITERATE_CHUNK_MS = 50;

export type Emit = (kind: EventKind, text: string) => void;

/** When the hybrid strategy asks for the switch to post-copy. */
export type SwitchRequest = (roundsCompleted: number, tMs: number) => boolean;

/**
 * Pre-copy the way QEMU's migration thread runs it (migration_iteration_run and friends):
 * - send dirty pages in address order, wrapping, in chunks of at most 50 ms;
 * - with a bandwidth cap, send at most cap/10 bytes per 100 ms window, then sleep to the window's end;
 * - every >= 100 ms, measure bandwidth over the window; threshold = bandwidth x downtime limit;
 * - re-sync the dirty log only when the estimated remaining bytes drop below the threshold; a sync ends
 *   a round; stop when the exact remaining bytes after a sync are below the threshold (or nothing is left).
 */
export class QemuPrecopy implements PhaseController {
  readonly phase = 'precopy' as const;
  private mode: 'decide' | 'send' | 'sleep' = 'decide';
  private windowStartMs: number;
  private windowBytes = 0;
  private estimateBytesPerMs = 0;
  private thresholdBytes = 0;
  private chunkStartMs = 0;
  private readonly sender: PageSender;
  private dirtyBytesLastSync: number;
  private expectedDowntime: number;
  private readonly periods: DirtyRatePeriods;
  private lastDirtyAtSync: number | null = null;
  private syncCount = 0;

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
    rounds.start(s.tMs, s.toSend.count, s.counters.writes);
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
      const r = this.sender.send(
        dtMs,
        windowBudget - this.windowBytes,
        s.copyRateBytesPerMs('live'),
        PageState.SentClean,
        'precopy',
      );
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
    let synced = false;
    if (s.toSend.count * s.pageBytes < this.thresholdBytes) {
      this.sync();
      synced = true;
    }
    const pending = s.toSend.count * s.pageBytes;
    if (pending === 0 || pending < this.thresholdBytes) {
      this.emit('stop-decision', stopText(pending, this.thresholdBytes, this.estimateBytesPerMs));
      return { kind: 'final-copy', converged: true, reason: 'converged' };
    }
    if (this.switchRequested?.(this.rounds.completed, s.tMs))
      return { kind: 'postcopy-switch', reason: 'postcopy-switch' };
    if (synced && p.maxIterations > 0 && this.rounds.completed >= p.maxIterations) {
      this.emit('stop-decision', `round cap of ${p.maxIterations} reached with ${mib(pending)} still dirty`);
      return this.giveUp('max-iterations');
    }
    if (p.timeoutS > 0 && s.tMs >= p.timeoutS * 1000) {
      this.emit('stop-decision', `timeout of ${p.timeoutS} s reached with ${mib(pending)} still dirty`);
      return this.giveUp('timeout');
    }
    return null;
  }

  private giveUp(reason: 'max-iterations' | 'timeout'): Next {
    return this.s.scenario.precopy.onNoConvergence === 'abort'
      ? { kind: 'abort', reason }
      : { kind: 'final-copy', converged: false, reason };
  }

  /** migration_bitmap_sync: fold the dirty log into the bitmap; this ends one round and starts the next. */
  private sync(): void {
    const s = this.s;
    const newPages = s.toSend.absorb(s.log);
    const dirty = s.toSend.count;
    this.syncCount++;
    this.dirtyBytesLastSync = dirty * s.pageBytes;
    const round = this.rounds.current;
    this.closeRound(dirty, newPages, round?.index ?? 1);
    this.emit(
      'sync',
      `dirty log synced: ${dirty} pages (${mib(dirty * s.pageBytes)}) to send in round ${this.rounds.completed + 1}`,
    );
    const throttled = this.periods.onSync(newPages);
    if (throttled !== null) this.emit('throttle', `auto-converge throttles the vCPUs to ${throttled} %`);
    if (maybeStunRogue(s, dirty, this.lastDirtyAtSync))
      this.emit('rogue-stunned', 'the guest stunned its rogue writer: the dirty set was not shrinking');
    this.lastDirtyAtSync = dirty;
    this.rounds.start(s.tMs, dirty, s.counters.writes);
  }

  /**
   * Pre-copy is over and the final sync has run: the open round closes with what is left to send.
   * A round the deciding sync opened a moment ago, with nothing sent, is not a round at all.
   */
  finish(newlyDirtiedPages: number): void {
    const s = this.s;
    const r = this.rounds.current;
    if (!r) return;
    if (r.startMs === s.tMs && r.pagesSent === 0) {
      this.rounds.discard();
      return;
    }
    this.closeRound(s.toSend.count, newlyDirtiedPages, r.index);
  }

  /** Records the open round as ended now, with the stop test's figures in force. */
  private closeRound(dirtyPagesAtEnd: number, newlyDirtiedPages: number, roundIndex: number): void {
    const s = this.s;
    this.rounds.close(s.tMs, s.counters.writes, {
      dirtyPagesAtEnd,
      newlyDirtiedPages,
      thresholdBytes: this.thresholdBytes,
      estimateBytesPerMs: this.estimateBytesPerMs,
      capMbps: capMbpsForRound(s, roundIndex),
      throttlePct: Math.round(s.throttle * 100),
      writeRatePagesPerSec: s.writes.current.writesPerSec * s.writeSpeed(),
    });
  }

  /** Bitmap syncs made while iterating (QEMU's dirty-sync-count without the setup and final ones). */
  get syncs(): number {
    return this.syncCount;
  }
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

function stopText(pending: number, threshold: number, estimate: number): string {
  if (pending === 0) return 'nothing left to send: stop and copy';
  return `${mib(pending)} left < threshold ${mib(threshold)} (${bytesPerMsToMbps(estimate).toFixed(0)} Mbit/s x downtime limit): stop and copy`;
}
