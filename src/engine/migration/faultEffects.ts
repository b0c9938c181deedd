import type { Fault } from '../scenario/schema';
import type { Emit, FailureCode } from '../trace/events';
import { residualDependencies } from '../trace/summary';
import type { PhaseKind } from '../trace/types';
import type { MigrationState } from './state';

/** A failure decided now that happens later: a stream timing out, a post-copy that cannot recover. */
export interface PendingFailure {
  atMs: number;
  cause: 'stream-timeout' | 'postcopy-unrecoverable';
}

/** What the fault rules need from the run. */
export interface FaultHooks {
  phase(): PhaseKind | null;
  /** The blackout has sent the pages and the device state: the destination could take over. */
  blackoutDataComplete(): boolean;
  /** The blackout leads to post-copy and pages are still on the source. */
  pagesLeftForPostcopy(): boolean;
  abort(cause: FailureCode): void;
  lose(cause: FailureCode): void;
}

/**
 * What an injected fault does, judged in the phase where it takes effect. A failure decided earlier (a
 * stream timeout scheduled when a drop began in pre-copy) is judged again when it fires: if the VM has
 * moved meanwhile, the rule of the phase it is in then applies, never the one it was decided in.
 */
export class FaultEffects {
  private pendingFailure: PendingFailure | null = null;
  private postcopyPausedAt: number | null = null;

  constructor(
    private readonly s: MigrationState,
    private readonly emit: Emit,
    private readonly hooks: FaultHooks,
  ) {}

  get pending(): boolean {
    return this.pendingFailure !== null || this.postcopyPausedAt !== null;
  }

  nextAfter(tMs: number): number {
    const p = this.pendingFailure;
    return p && p.atMs > tMs ? p.atMs : Infinity;
  }

  /** Fires what is due now: a pending failure first, then the faults the plan hands over. */
  fireDue(faults: readonly Fault[]): void {
    const s = this.s;
    const due = this.pendingFailure;
    if (due && due.atMs <= s.tMs) {
      this.pendingFailure = null;
      this.judge(due);
      if (this.hooks.phase() === null) return;
    }
    if (this.postcopyPausedAt !== null && !s.linkDown) {
      this.emit({ kind: 'postcopy-recovered', pausedMs: s.tMs - this.postcopyPausedAt });
      this.postcopyPausedAt = null;
    }
    for (const f of faults) {
      this.apply(f);
      if (this.hooks.phase() === null) return;
    }
  }

  /** A failure decided earlier, judged by where the VM is now. */
  private judge(due: PendingFailure): void {
    const s = this.s;
    // The link came back in time: nothing broke.
    if (!s.linkDown) return;
    if (this.hooks.phase() === 'postcopy') {
      if (due.cause === 'postcopy-unrecoverable') this.hooks.lose('postcopy-unrecoverable');
      // Decided before the switch, it fires after it: post-copy pauses and may still recover.
      else this.pausePostcopy();
      return;
    }
    if (due.cause === 'stream-timeout' && s.vmHost === 'source') this.hooks.abort('stream-timeout');
  }

  /** Post-copy waits for the link; past the scenario's recovery limit the VM is lost. */
  private pausePostcopy(): void {
    const s = this.s;
    const recoveryMs = s.scenario.postcopy.recoveryMs;
    if (this.postcopyPausedAt === null) {
      this.postcopyPausedAt = s.tMs;
      this.emit({ kind: 'postcopy-paused', recoveryMs });
    }
    const giveUpAt = this.postcopyPausedAt + recoveryMs;
    if (s.linkDownUntilMs > giveUpAt) this.pendingFailure = { atMs: giveUpAt, cause: 'postcopy-unrecoverable' };
  }

  private apply(f: Fault): void {
    const s = this.s;
    const phase = this.hooks.phase();
    switch (f.kind) {
      case 'link-degradation': {
        const linkMbps = (s.live.linkMbps * f.factorPct) / 100;
        s.applyLive({ linkMbps });
        this.emit({ kind: 'fault', fault: f.kind, factorPct: f.factorPct, linkMbps });
        return;
      }
      case 'network-drop': {
        s.linkDownUntilMs = Math.max(s.linkDownUntilMs, s.tMs + f.durationMs);
        this.emit({ kind: 'fault', fault: f.kind, durationMs: f.durationMs });
        if (phase === 'postcopy') return this.pausePostcopy();
        const timeoutMs = s.scenario.host.streamTimeoutMs;
        if (s.linkDownUntilMs - s.tMs > timeoutMs && s.vmHost === 'source' && !this.pendingFailure)
          this.pendingFailure = { atMs: s.tMs + timeoutMs, cause: 'stream-timeout' };
        return;
      }
      case 'destination-crash':
        this.emit({ kind: 'fault', fault: f.kind });
        if (s.vmHost === 'destination') this.hooks.lose('destination-crash-after-takeover');
        else if (s.side?.sourceCannotAbortAlone(phase === 'blackout' && this.hooks.blackoutDataComplete()))
          this.hooks.lose('destination-crash-after-start-token');
        else this.hooks.abort('destination-crash-before-commit');
        return;
      case 'source-crash': {
        const dataSafe = this.hooks.blackoutDataComplete() && !this.hooks.pagesLeftForPostcopy();
        const harmless = phase === 'blackout' && dataSafe;
        this.emit({ kind: 'fault', fault: f.kind, ...(harmless ? { effect: 'final-copy-complete' as const } : {}) });
        if (phase === 'postcopy') this.hooks.lose('source-crash-postcopy');
        else if (s.vmHost === 'source' && !s.vmPaused) this.hooks.lose('source-crash-running');
        else if (phase === 'blackout' && !dataSafe) this.hooks.lose('source-crash-blackout');
        return;
      }
    }
  }

  /** A fault set for after the commit that falls after the run's end: logged for what it means then. */
  afterTheEnd(f: Fault, atMs: number): void {
    const cut = f.kind === 'source-crash' && residualDependencies(this.s.scenario).length > 0;
    // The fault's own figures go with it, as when it strikes mid-run (a drop still lasts its duration).
    const figures =
      f.kind === 'network-drop'
        ? { durationMs: f.durationMs }
        : f.kind === 'link-degradation'
          ? { factorPct: f.factorPct, linkMbps: (this.s.live.linkMbps * f.factorPct) / 100 }
          : {};
    this.emit(
      { kind: 'fault', fault: f.kind, ...figures, effect: cut ? 'residual-dependencies-cut' : 'after-commit-harmless' },
      atMs,
    );
  }
}
