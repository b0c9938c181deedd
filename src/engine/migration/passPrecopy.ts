import { PageState } from '../memory/pageState';
import type { StopReason } from '../trace/types';
import { mbpsToBytesPerMs, mibToBytes } from '../units';
import { DirtyRatePeriods } from './autoConverge';
import type { Next, PhaseController } from './controller';
import { capMbpsForRound, maybeStunRogue } from './precopyRules';
import type { Emit, SwitchRequest } from './qemuPrecopy';
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
    this.rounds.close(s.tMs, s.counters.writes, {
      dirtyPagesAtEnd: dirty,
      newlyDirtiedPages: newPages,
      thresholdBytes,
      estimateBytesPerMs: roundRate,
      capMbps: capMbpsForRound(s, round.index),
      throttlePct: Math.round(s.throttle * 100),
      writeRatePagesPerSec: s.writes.current.writesPerSec * s.writeSpeed(),
    });
    this.emit('sync', `round ${round.index} done: ${dirty} pages dirtied meanwhile`);
    const throttled = this.periods.onSync(newPages);
    if (throttled !== null) this.emit('throttle', `auto-converge throttles the vCPUs to ${throttled} %`);
    if (maybeStunRogue(s, dirty, this.lastRoundDirty))
      this.emit('rogue-stunned', 'the guest stunned its rogue writer: the dirty set was not shrinking');
    const verdict = this.switchRequested?.(this.rounds.completed, s.tMs)
      ? ({ kind: 'postcopy-switch', reason: 'postcopy-switch' } as const)
      : (this.adaptiveVerdict(newPages, round.endMs - round.startMs, dirty) ??
        this.verdict(dirty, thresholdBytes, round.index));
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
    this.emit(
      'stop-decision',
      v === 'little-left'
        ? `less than 256 KiB left dirty: stop and copy at ${a.maxMbps} Mbit/s`
        : `keeping up would take more than ${a.maxMbps} Mbit/s: stop and copy at that rate`,
    );
    return v === 'little-left'
      ? { kind: 'final-copy', converged: true, reason: 'dirty-set-small' }
      : { kind: 'final-copy', converged: false, reason: 'no-progress' };
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
    const stop = (converged: boolean, reason: StopReason, text: string): Next => {
      this.emit('stop-decision', text);
      if (converged) return { kind: 'final-copy', converged, reason };
      return p.onNoConvergence === 'abort' ? { kind: 'abort', reason } : { kind: 'final-copy', converged, reason };
    };
    if (p.stopRule === 'no-progress') {
      if (dirty * s.pageBytes <= thresholdBytes)
        return stop(true, 'converged', `${dirty} dirty pages fit in bandwidth x downtime limit: stop and copy`);
      if (this.lastRoundDirty !== null && (this.lastRoundDirty - dirty) * s.pageBytes < mibToBytes(p.noProgressMiB))
        return stop(
          false,
          'no-progress',
          `the dirty set shrank by less than ${p.noProgressMiB} MiB: no forward progress`,
        );
    } else {
      if (this.finalLiveRound) return stop(true, 'dirty-set-small', 'last live round sent: stop and copy');
      if (dirty < p.xenTargetDirtyPages) {
        if (p.stopRule === 'xen-legacy' || capped)
          return stop(true, 'dirty-set-small', `${dirty} pages dirty < ${p.xenTargetDirtyPages}: stop and copy`);
        this.finalLiveRound = true;
        this.emit('stop-decision', `${dirty} pages dirty < ${p.xenTargetDirtyPages}: one more live round, then stop`);
        return null;
      }
      if (p.stopRule === 'xen-legacy' && p.xenMaxSentFactor > 0) {
        // Xen counts pages sent against the guest's page count (its p2m size).
        const factor = (s.counters.normalPages + s.counters.zeroPages) / s.layout.pageCount;
        if (factor > p.xenMaxSentFactor)
          return stop(
            false,
            'sent-factor',
            `${factor.toFixed(2)}x memory sent > ${p.xenMaxSentFactor}x: stop and copy`,
          );
      }
    }
    if (capped) return stop(false, 'max-iterations', `round cap of ${p.maxIterations} reached`);
    if (p.timeoutS > 0 && s.tMs >= p.timeoutS * 1000)
      return stop(false, 'timeout', `timeout of ${p.timeoutS} s reached`);
    return null;
  }

  /** The final sync has run; nothing is left open in pass mode (rounds close at their own end). */
  finish(): void {}
}
