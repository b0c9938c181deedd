import type { Emit } from '../trace/events';
import type { Probe } from '../trace/recorder';
import type { FastForward } from '../trace/types';
import type { PassPrecopy } from './passPrecopy';
import { QemuPrecopy } from './qemuPrecopy';
import type { RoundTracker } from './rounds';
import type { MigrationState } from './state';
import { addSteadyRounds, roundsToSkip, roundsUntilForcedEnd, SteadyStateWatch } from './steadyState';

export type SteadyResult =
  /** Nothing will ever end pre-copy: the run ends here as unfinished. */
  | { kind: 'never' }
  /** Rounds were computed up to the last one before the forced end; samples for the span come from `probeAt`. */
  | { kind: 'forward'; fromMs: number; forward: FastForward; probeAt: (tMs: number) => Probe };

/**
 * Finishes a steady pre-copy analytically. When the last rounds are alike and nothing scheduled can change
 * them, every further round is like them until the round cap, the timeout or the hybrid switch ends
 * pre-copy: those rounds are added with the steady figures (time, bytes, pages, writes, lost work, all
 * adding up), and only the last one is simulated again, so the end comes about as it would. With nothing
 * to end it (QEMU's own loop, no cap, no timeout), pre-copy would copy forever: the run says so and stops.
 */
export class SteadyRun {
  private readonly watch = new SteadyStateWatch();

  constructor(
    private readonly s: MigrationState,
    private readonly rounds: RoundTracker,
    private readonly emit: Emit,
  ) {}

  /**
   * Nothing in the scenario can change how the next rounds go (no throttle step, stun, burst, cap schedule
   * or dynamic rate limiting, which sets each round's rate from the round before).
   */
  private leversIdle(): boolean {
    const s = this.s;
    const { precopy, workload, network } = s.scenario;
    const throttleCanStep = s.live.autoConverge && Math.round(s.throttle * 100) < precopy.throttleMaxPct;
    const stunAhead = precopy.stunRogue && workload.rogueSharePct > 0 && !s.rogueStunned;
    const bursts = workload.burstPeriodMs > 0 && workload.burstDutyPct < 100;
    const schedule = network.capScheduleMbps.length >= (this.rounds.current?.index ?? 0);
    return !throttleCanStep && !stunAhead && !bursts && !schedule && s.adaptiveRate === null;
  }

  /** Call right after a round closed; `quiet` says no change, fault or pending failure lies ahead. */
  afterRound(quiet: boolean, precopy: QemuPrecopy | PassPrecopy, probe: Probe): SteadyResult | null {
    const s = this.s;
    const closed = this.rounds.rounds[this.rounds.completed - 1];
    this.watch.roundClosed(s, closed.index);
    const open = this.rounds.current;
    // The open round must be the one the sync just opened (the slice after a sync may already be under way).
    if (!quiet || !open || open.startMs !== closed.endMs || !this.leversIdle()) return null;
    const steady = this.watch.steady(s, this.rounds.rounds);
    if (!steady) return null;
    const { model, step } = steady;
    const roundMs = model.endMs - model.startMs;
    const left = roundsUntilForcedEnd(s.scenario, s.scenario.strategy, this.rounds.completed, s.tMs, roundMs);
    if (left === null) {
      this.emit({
        kind: 'stop-decision',
        rule: 'never-converges',
        pendingBytes: closed.dirtyPagesAtEnd * s.pageBytes,
        pendingPages: closed.dirtyPagesAtEnd,
        thresholdBytes: closed.thresholdBytes,
        estimateMbps: closed.estimateMbps,
        downtimeLimitMs: s.live.downtimeLimitMs,
      });
      return { kind: 'never' };
    }
    // XBZRLE's cache and its figures change page by page: those rounds are simulated, not computed.
    const n = s.xbzrle ? 0 : roundsToSkip(left);
    if (n === 0) return null;
    const t0 = s.tMs;
    const roundStart = open.startMs;
    const spanMs = n * roundMs;
    const forward: FastForward = {
      firstRound: this.rounds.completed + 1,
      lastRound: this.rounds.completed + n,
      fromMs: roundStart,
      durationMs: spanMs,
      bytes: n * step.precopyBytes,
    };
    this.emit(
      {
        kind: 'fast-forward',
        firstRound: forward.firstRound,
        lastRound: forward.lastRound,
        durationMs: spanMs,
        bytes: forward.bytes,
      },
      roundStart,
    );
    const base = { transferred: s.counters.transferredBytes, lost: s.counters.vmLostMs };
    addSteadyRounds(s.counters, step, n);
    s.tMs += spanMs;
    this.rounds.insertSteady(model, n, step.writes);
    if (precopy instanceof QemuPrecopy) precopy.shift(spanMs, n * step.transferredBytes, n);
    else precopy.shift(spanMs, n * step.transferredBytes);
    this.watch.reset();
    // Samples for the skipped stretch: counters grow by the steady step, what is marked saws down each round.
    const probeAt = (tMs: number): Probe => {
      const k = (tMs - t0) / roundMs;
      const sinceSync = (tMs - roundStart) / roundMs;
      const within = sinceSync - Math.floor(sinceSync);
      return {
        ...probe,
        transferredBytes: base.transferred + k * step.transferredBytes,
        vmLostMs: base.lost + k * step.vmLostMs,
        remainingBytes: Math.max(0, model.dirtyPagesAtStart - within * model.pagesSent) * s.pageBytes,
      };
    };
    return { kind: 'forward', fromMs: t0, forward, probeAt };
  }
}
