import { PageState } from '../memory/pageState';
import type { Emit, EventBody, StopRuleApplied } from '../trace/events';
import type { RoundEnd, StopReason } from '../trace/types';
import { bytesPerMsToMbps, mbpsToBytesPerMs, mibToBytes } from '../units';
import { DirtyRatePeriods } from './autoConverge';
import type { Next, PhaseController } from './controller';
import { capMbpsForRound, maybeStunRogue } from './precopyRules';
import type { SwitchRequest } from './qemuPrecopy';
import type { RoundTracker } from './rounds';
import { PageSender } from './sender';
import type { MigrationState } from './state';

/**
 * Pre-copy in whole passes, as Xen does it (send_memory_live) and as the textbook tells it: each round
 * sends, in address order, the pages that were dirty when it began; pages written meanwhile wait for the
 * next round. At each round's end the log is synced and the stop rule decides:
 * - xen: fewer than 50 pages dirty → send them live once more, then stop; or the round cap → stop.
 * - xen-legacy: fewer than 50 pages, the round cap, or more than 3x memory sent → stop.
 * - no-progress: the dirty set fits in bandwidth x downtime limit → stop (converged); a round that
 *   shrank it by less than noProgressMiB, or the round cap → stop without converging.
 */
export class PassPrecopy implements PhaseController {
  readonly phase = 'precopy' as const;
  private readonly sender: PageSender;
  private lastRoundDirty: number | null = null;
  private finalLiveRound = false;
  private readonly periods: DirtyRatePeriods;
  private roundBytes = 0;
  private roundBusyMs = 0;

  constructor(
    private readonly s: MigrationState,
    private readonly rounds: RoundTracker,
    private readonly emit: Emit,
    private readonly switchRequested: SwitchRequest | null,
  ) {
    this.periods = new DirtyRatePeriods(s);
    this.sender = new PageSender(s, s.toSend, false);
    rounds.start(s.tMs, s.toSend.count, s.counters.writes);
  }

  expectedDowntimeMs(): number {
    const rate = this.roundRate();
    return rate > 0 ? (this.s.toSend.count * this.s.pageBytes) / rate : 0;
  }

  /** Measured bandwidth of the round so far (bytes per ms of sending), or the link share before any. */
  private roundRate(): number {
    if (this.roundBusyMs > 0) return this.roundBytes / this.roundBusyMs;
    return this.sendRate(this.rounds.current?.index ?? 1);
  }

  private sendRate(roundIndex: number): number {
    const share = this.s.copyRateBytesPerMs('live');
    const cap = capMbpsForRound(this.s, roundIndex);
    return cap > 0 ? Math.min(share, mbpsToBytesPerMs(cap)) : share;
  }

  private roundDone = false;
  private decided: EventBody | null = null;

  step(dtMs: number): number {
    const s = this.s;
    const index = this.rounds.current?.index ?? 1;
    const r = this.sender.send(dtMs, Infinity, this.sendRate(index), PageState.SentClean, 'precopy');
    this.rounds.addSent(r.pages, r.zeroPages, r.bytes);
    this.roundBytes += r.bytes;
    this.roundBusyMs += r.busyMs;
    this.roundDone = s.toSend.nextFrom(this.sender.cursor) < 0;
    // The round ends when its last page has gone: the slice is cut there.
    const usedMs = this.roundDone ? r.busyMs : dtMs;
    s.counters.sourceBusyMs += r.busyMs;
    s.runGuestOnSource(usedMs, true);
    s.accountLink(usedMs, r.bytes);
    return usedMs;
  }

  settle(): Next | null {
    if (!this.roundDone) return null;
    this.roundDone = false;
    return this.endRound();
  }

  private endRound(): Next | null {
    const s = this.s;
    const roundRate = this.roundRate();
    const newPages = s.toSend.absorb(s.log);
    const dirty = s.toSend.count;
    const round = this.rounds.current!;
    const thresholdBytes = this.thresholdBytes(roundRate);
    this.closeRound(dirty, newPages, 'pass', thresholdBytes, roundRate);
    const throttled = this.periods.onSync(newPages);
    const stunned = maybeStunRogue(s, dirty, this.lastRoundDirty);
    const verdict = this.switchRequested?.(this.rounds.completed, s.tMs)
      ? ({ kind: 'postcopy-switch', reason: 'postcopy-switch' } as const)
      : (this.adaptiveVerdict(newPages, round.endMs - round.startMs, dirty) ??
        this.verdict(dirty, thresholdBytes, round.index));
    this.emit({
      kind: 'sync',
      round: round.index,
      pages: dirty,
      bytes: dirty * s.pageBytes,
      carriedPages: 0,
      newPages,
      nextRound: verdict ? null : round.index + 1,
    });
    if (throttled !== null) this.emit({ kind: 'throttle', throttlePct: throttled });
    if (stunned) this.emit({ kind: 'rogue-stunned', dirtyPages: dirty, previousDirtyPages: this.lastRoundDirty ?? 0 });
    if (this.decided) this.emit(this.decided);
    this.decided = null;
    this.lastRoundDirty = dirty;
    this.sender.cursor = 0;
    this.roundBytes = 0;
    this.roundBusyMs = 0;
    if (!verdict) {
      this.rounds.start(s.tMs, dirty, s.counters.writes);
      return null;
    }
    return verdict;
  }

  /** Dynamic rate limiting (Xen 2005): the next round's rate, or the end of pre-copy. */
  private adaptiveVerdict(newPages: number, roundMs: number, dirty: number): Next | null {
    const a = this.s.adaptiveRate;
    if (!a) return null;
    const bytes = this.s.pageBytes;
    const v = a.endRound(newPages * bytes, roundMs, dirty * bytes);
    if (v === 'continue') return null;
    // Emitted after the sync event, so the log reads in order.
    this.decided = {
      kind: 'stop-decision',
      rule: v === 'little-left' ? 'little-left' : 'rate-limit',
      pendingBytes: dirty * bytes,
      pendingPages: dirty,
      maxMbps: a.maxMbps,
    };
    return v === 'little-left'
      ? { kind: 'final-copy', converged: true, reason: 'little-left' }
      : { kind: 'final-copy', converged: false, reason: 'rate-above-max' };
  }

  /** The stop threshold in bytes under this rule. */
  private thresholdBytes(roundRate: number): number {
    const p = this.s.scenario.precopy;
    if (p.stopRule === 'no-progress') return roundRate * this.s.live.downtimeLimitMs;
    return p.xenTargetDirtyPages * this.s.pageBytes;
  }

  private verdict(dirty: number, thresholdBytes: number, roundsDone: number): Next | null {
    const s = this.s;
    const p = s.scenario.precopy;
    const capped = p.maxIterations > 0 && roundsDone >= p.maxIterations;
    const figures = {
      pendingBytes: dirty * s.pageBytes,
      pendingPages: dirty,
      thresholdBytes,
      estimateMbps: bytesPerMsToMbps(this.roundRate()),
      downtimeLimitMs: s.live.downtimeLimitMs,
    };
    // Emitted after the sync event, so the log reads in order.
    const decision = (rule: StopRuleApplied, extra: object = {}) => {
      this.decided = { kind: 'stop-decision', rule, ...figures, ...extra };
    };
    const stop = (converged: boolean, reason: StopReason, rule: StopRuleApplied, extra: object = {}): Next => {
      decision(rule, extra);
      if (converged) return { kind: 'final-copy', converged, reason };
      return p.onNoConvergence === 'abort' ? { kind: 'abort', reason } : { kind: 'final-copy', converged, reason };
    };
    if (p.stopRule === 'no-progress') {
      if (dirty * s.pageBytes <= thresholdBytes) return stop(true, 'converged', 'fits');
      const shrankBytes = this.lastRoundDirty === null ? null : (this.lastRoundDirty - dirty) * s.pageBytes;
      if (shrankBytes !== null && shrankBytes < mibToBytes(p.noProgressMiB))
        return stop(false, 'no-progress', 'no-progress', { shrankBytes, noProgressMiB: p.noProgressMiB });
    } else {
      const target = { targetPages: p.xenTargetDirtyPages };
      if (this.finalLiveRound) return stop(true, 'dirty-set-small', 'last-live-round-sent', target);
      if (dirty < p.xenTargetDirtyPages) {
        if (p.stopRule === 'xen-legacy' || capped) return stop(true, 'dirty-set-small', 'small-set', target);
        this.finalLiveRound = true;
        decision('last-live-round', target);
        return null;
      }
      if (p.stopRule === 'xen-legacy' && p.xenMaxSentFactor > 0) {
        // Xen counts pages sent against the guest's page count (its p2m size).
        const factor = (s.counters.normalPages + s.counters.zeroPages) / s.layout.pageCount;
        if (factor > p.xenMaxSentFactor)
          return stop(false, 'sent-factor', 'sent-factor', { sentFactor: factor, maxSentFactor: p.xenMaxSentFactor });
      }
    }
    if (capped) return stop(false, 'max-iterations', 'round-cap', { maxIterations: p.maxIterations });
    if (p.timeoutS > 0 && s.tMs >= p.timeoutS * 1000)
      return stop(false, 'timeout', 'timeout', { timeoutS: p.timeoutS });
    return null;
  }

  private closeRound(dirty: number, newPages: number, end: RoundEnd, thresholdBytes: number, rate: number): void {
    const s = this.s;
    const round = this.rounds.current!;
    this.rounds.close(s.tMs, s.counters.writes, {
      dirtyPagesAtEnd: dirty,
      newlyDirtiedPages: newPages,
      carriedPages: dirty - newPages,
      end,
      thresholdBytes,
      estimateBytesPerMs: rate,
      estimateWindowBytes: this.roundBytes,
      estimateWindowMs: this.roundBusyMs,
      downtimeLimitMs: s.live.downtimeLimitMs,
      capMbps: capMbpsForRound(s, round.index),
      throttlePct: Math.round(s.throttle * 100),
      writeRatePagesPerSec: s.writes.current.writesPerSec * s.writeSpeed(),
    });
  }

  /**
   * Pre-copy is over. A round still open (a fault or an abort cut it short, or the switch came mid-pass)
   * closes with what it sent; rounds that ended at their own end are already closed.
   */
  finish(newlyDirtiedPages: number, end: RoundEnd = 'stop'): void {
    const r = this.rounds.current;
    if (!r) return;
    if (r.pagesSent === 0 && r.startMs === this.s.tMs) {
      this.rounds.discard();
      return;
    }
    const rate = this.roundRate();
    this.closeRound(this.s.toSend.count, newlyDirtiedPages, end, this.thresholdBytes(rate), rate);
  }

  /** A fast-forward moved the clock and the byte counter on. */
  shift(deltaMs: number, deltaBytes: number): void {
    this.periods.shift(deltaMs, deltaBytes);
  }
}
