import { seededRandom } from './random';
import type { Next, PhaseController } from './migration/controller';
import { DiskCopy } from './migration/diskCopy';
import { FaultEffects } from './migration/faultEffects';
import { FaultPlan } from './migration/faults';
import { FinalCopy } from './migration/finalCopy';
import { simulationLimitMs } from './migration/limits';
import { initialLiveParams, timedChanges, type TimedChange } from './migration/liveParams';
import { OfflineMove } from './migration/offlineMove';
import { PassPrecopy } from './migration/passPrecopy';
import { Postcopy } from './migration/postcopy';
import { Prepare } from './migration/prepare';
import { QemuPrecopy, type SwitchRequest } from './migration/qemuPrecopy';
import { RoundTracker } from './migration/rounds';
import { MigrationState } from './migration/state';
import { sliceMsFor } from './migration/sliceLength';
import { SteadyRun } from './migration/steadyRun';
import type { Scenario, ScenarioInput } from './scenario/schema';
import { scenarioOrThrow } from './scenario/validate';
import type { EventBody, FailureCode, TraceEvent } from './trace/events';
import { failureSentence } from './trace/failures';
import { buildLifecycle } from './trace/lifecycle';
import { Recorder, type Probe } from './trace/recorder';
import { buildSummary, type RunVerdict } from './trace/summary';
import { PHASE_CODES, TRACE_FORMAT, type PhaseKind, type SimulatedTrace } from './trace/types';
import { TRACE_FORMAT_VERSION } from './trace/versions';
import { mbpsToBytesPerMs } from './units';
import { ENGINE_VERSION } from './version';
import { effectiveScenario } from './variants/effective';
import { variantReport } from './variants/report';

export interface RunOptions {
  /** Keep per-page versions on both hosts so tests can check every page ends current. */
  audit?: boolean;
}

/**
 * One migration being simulated: deterministic, page by page, in slices of simulated time.
 * `step()` advances one slice; `runToEnd()` finishes it; `trace()` gives the result.
 */
export class MigrationRun {
  readonly scenario: Scenario;
  readonly state: MigrationState;
  readonly stepMs: number;
  /** The simulation's own limit on simulated time (see limits.ts); fast-forwards move it on. */
  limitMs: number;
  private readonly recorder: Recorder;
  private readonly rounds = new RoundTracker();
  private readonly changes: TimedChange[];
  private readonly faults: FaultPlan;
  private readonly effects: FaultEffects;
  private readonly steady: SteadyRun;
  private nextChange = 0;
  private controller: PhaseController | null = null;
  private prepare: Prepare;
  private precopy: QemuPrecopy | PassPrecopy | null = null;
  private finalCopy: FinalCopy | null = null;
  private postcopyAfterBlackout = false;
  private finished = false;
  private stalledSlices = 0;
  readonly verdict: RunVerdict = {
    outcome: 'completed',
    converged: false,
    stopReason: 'not-iterative',
    pausedAtMs: null,
    resumedAtMs: null,
    switchoverAtMs: null,
    blackoutCopyMs: 0,
    blackout: null,
    expectedDowntimeMs: 0,
    finalSyncs: 0,
    failure: null,
    failureCode: null,
    refusals: [],
    refusedAt: null,
    offline: null,
    lostAtMs: null,
    fastForward: null,
  };

  constructor(input: Scenario | ScenarioInput, options: RunOptions = {}) {
    this.scenario = scenarioOrThrow(input);
    const random = seededRandom(this.scenario.seed / 4_294_967_296);
    this.state = new MigrationState(
      effectiveScenario(this.scenario),
      initialLiveParams(this.scenario),
      random,
      options.audit ?? false,
    );
    const passMs = this.fullPassMs();
    this.recorder = new Recorder(
      this.state.mem,
      this.state.pageBytes,
      this.scenario.output.maxSamples,
      this.scenario.output.maxFrames,
      passMs * 1.2,
    );
    this.changes = timedChanges(this.scenario);
    this.faults = new FaultPlan(this.scenario.faults);
    this.stepMs = sliceMsFor(passMs);
    this.limitMs = simulationLimitMs(this.scenario, this.passAllMs());
    const emit = (e: EventBody, atMs?: number) => this.emit(e, atMs);
    this.effects = new FaultEffects(this.state, emit, {
      phase: () => this.controller?.phase ?? null,
      blackoutDataComplete: () => this.finalCopy?.dataComplete ?? false,
      pagesLeftForPostcopy: () => this.postcopyAfterBlackout && this.state.toSend.count > 0,
      abort: (cause) => this.abortCleanly(cause),
      lose: (cause) => this.loseVm(cause),
    });
    this.steady = new SteadyRun(this.state, this.rounds, emit);
    const sc = this.scenario;
    this.emit({ kind: 'start', strategy: sc.strategy, memoryMiB: sc.vm.memoryMiB, linkMbps: this.state.live.linkMbps });
    this.prepare = new Prepare(this.state, emit, () => this.state.markInitialPages());
    this.enter(this.prepare);
  }

  get done(): boolean {
    return this.finished;
  }

  get tMs(): number {
    return this.state.tMs;
  }

  /** The phase in progress, or 'done'. */
  get phase(): PhaseKind | 'done' {
    return this.finished ? 'done' : (this.controller?.phase ?? 'setup');
  }

  /** Rough share of the work done, 0..1, for progress bars. */
  progress(): number {
    if (this.finished) return 1;
    const byBytes = this.state.counters.transferredBytes / Math.max(1, this.state.memoryBytes * 1.2);
    return Math.min(0.99, Math.max(byBytes, this.state.tMs / this.limitMs));
  }

  private rateBytesPerMs(): number {
    const cap = this.scenario.network.capMbps;
    const link = this.state.live.linkMbps;
    return mbpsToBytesPerMs(cap > 0 ? Math.min(cap, link) : link);
  }

  /** Time one pass over all of memory takes at the migration's rate (zero pages as markers). */
  private fullPassMs(): number {
    const s = this.state;
    const { usedPages, pageCount } = s.layout;
    const zeroPages = pageCount - usedPages;
    const bytes = usedPages * s.wire.normalBytes + zeroPages * s.wire.zeroBytes;
    return bytes / this.rateBytesPerMs() + zeroPages * s.wire.zeroScanMs;
  }

  /** Time one pass takes when every page goes in full: the longest a round can be at the starting rate. */
  private passAllMs(): number {
    const s = this.state;
    return (s.layout.pageCount * s.wire.normalBytes) / this.rateBytesPerMs();
  }

  private emit(body: EventBody, atMs?: number): void {
    this.recorder.event({ tMs: atMs ?? this.state.tMs, ...body } as TraceEvent);
  }

  private startStrategy(): void {
    const s = this.state;
    const sc = this.scenario;
    this.faults.anchor('brownout', s.tMs);
    const emit = (e: EventBody) => this.emit(e);
    switch (sc.strategy) {
      case 'precopy':
      case 'hybrid': {
        const request = sc.strategy === 'hybrid' ? this.switchRequest() : null;
        this.precopy =
          sc.precopy.stopRule === 'qemu'
            ? new QemuPrecopy(s, this.rounds, emit, request)
            : new PassPrecopy(s, this.rounds, emit, request);
        this.enter(this.precopy);
        break;
      }
      case 'postcopy':
        this.transition({ kind: 'postcopy-switch', reason: 'not-iterative' });
        break;
      case 'stopcopy':
        this.transition({ kind: 'final-copy', converged: false, reason: 'not-iterative' });
        break;
    }
  }

  private switchRequest(): SwitchRequest {
    const h = this.scenario.hybrid;
    return (roundsDone, tMs) => (h.switchAtMs > 0 ? tMs >= h.switchAtMs : roundsDone >= h.switchAfterRounds);
  }

  private enter(controller: PhaseController): void {
    this.controller = controller;
    this.recorder.enterPhase(this.state.tMs, controller.phase);
  }

  /** The next moment something scheduled happens: a change, a fault, the end of a drop, a failure. */
  private nextEventAfter(tMs: number): number {
    const change = this.changes[this.nextChange];
    return Math.min(
      change && change.atMs > tMs ? change.atMs : Infinity,
      this.faults.nextAfter(tMs),
      this.state.linkDownUntilMs > tMs ? this.state.linkDownUntilMs : Infinity,
      this.effects.nextAfter(tMs),
    );
  }

  /** Advances the simulation by one slice (shorter when something scheduled falls inside it). */
  step(): void {
    if (this.finished || !this.controller) return;
    const s = this.state;
    this.applyDueChanges();
    this.effects.fireDue(this.faults.takeDue(s.tMs));
    if (this.finished || !this.controller) return;
    const dt = Math.min(this.stepMs, this.nextEventAfter(s.tMs) - s.tMs);
    const roundsBefore = this.rounds.completed;
    const used = this.controller.step(dt);
    s.tMs += used;
    const next = this.controller.settle();
    this.recorder.observe(s.tMs, this.probeNow);
    if (next) this.transition(next);
    else if (used <= 0 && ++this.stalledSlices > 10_000) throw new Error('engine made no progress');
    if (used > 0) this.stalledSlices = 0;
    if (!this.finished && this.rounds.completed > roundsBefore && this.precopy && this.controller === this.precopy)
      this.afterRound();
    if (!this.finished && s.tMs >= this.limitMs) this.endUnfinished('simulation-limit');
  }

  /** A round just closed: watch for a steady state, and skip ahead (or stop) when the outcome is decided. */
  private afterRound(): void {
    const precopy = this.precopy!;
    const quiet =
      this.nextChange >= this.changes.length &&
      this.faults.nextAfter(this.state.tMs) === Infinity &&
      !this.effects.pending &&
      !this.state.linkDown;
    const result = this.steady.afterRound(quiet, precopy, this.probe());
    if (!result) return;
    if (result.kind === 'never') return this.endUnfinished('never-converges');
    this.recorder.observeSpan(result.fromMs, this.state.tMs, result.probeAt);
    this.limitMs += result.forward.durationMs;
    this.verdict.fastForward = result.forward;
  }

  /** Runs to the end and returns the trace. */
  runToEnd(): SimulatedTrace {
    while (!this.finished) this.step();
    return this.trace();
  }

  private applyDueChanges(): void {
    const s = this.state;
    while (this.nextChange < this.changes.length && this.changes[this.nextChange].atMs <= s.tMs) {
      const change = this.changes[this.nextChange++];
      s.applyLive(change.patch);
      this.emit(change.event);
    }
  }

  private fail(code: FailureCode): void {
    this.verdict.failureCode = code;
    this.verdict.failure = failureSentence(code, this.scenario);
    // A blackout cut short keeps its parts as far as it got.
    if (this.finalCopy && this.controller === this.finalCopy) this.verdict.blackout = this.finalCopy.partsSoFar();
  }

  /** The migration stops; the VM runs (again) on the source with nothing lost. */
  private abortCleanly(cause: FailureCode): void {
    const s = this.state;
    const v = this.verdict;
    v.outcome = 'aborted';
    v.stopReason = 'fault';
    this.fail(cause);
    v.expectedDowntimeMs = this.controller?.expectedDowntimeMs() ?? 0;
    if (this.controller?.phase === 'precopy') this.precopy?.finish(0, 'fault');
    if (s.vmPaused) {
      s.vmPaused = false;
      s.lastVmSpeed = 1;
      this.emit({ kind: 'resumed', host: 'source', how: 'live' });
    }
    this.emit({ kind: 'aborted', reason: 'fault', cause });
    this.finish();
  }

  /**
   * The VM is gone: neither host can run it. Only post-copy (and host crashes) can end this way. `atMs`
   * is later than now for a crash after the migration had ended (the run's own time stays at its end).
   */
  private loseVm(cause: FailureCode, atMs = this.state.tMs): void {
    const v = this.verdict;
    v.outcome = 'failed';
    v.stopReason = 'fault';
    this.fail(cause);
    v.lostAtMs = atMs;
    if (this.controller?.phase === 'precopy') this.precopy?.finish(0, 'fault');
    this.state.vmPaused = true;
    this.emit({ kind: 'vm-lost', cause }, atMs);
    this.finish();
  }

  /**
   * The run ends with the migration still going: pre-copy that would never converge, or the simulation's
   * own time limit. Nothing is decided for the migration; the VM stays where it runs.
   */
  private endUnfinished(reason: 'never-converges' | 'simulation-limit'): void {
    const v = this.verdict;
    v.outcome = 'unfinished';
    v.stopReason = reason;
    v.expectedDowntimeMs = this.controller?.expectedDowntimeMs() ?? 0;
    if (this.finalCopy && this.controller === this.finalCopy) v.blackout = this.finalCopy.partsSoFar();
    const phase = this.controller?.phase ?? 'setup';
    if (phase === 'precopy') this.precopy?.finish(0, 'stop');
    if (reason === 'simulation-limit') this.emit({ kind: 'simulation-limit', limitMs: this.limitMs, phase });
    this.finish();
  }

  private transition(next: Next): void {
    const s = this.state;
    const v = this.verdict;
    switch (next.kind) {
      case 'prepared':
        if (this.prepare.offline) {
          v.offline = this.prepare.offline;
          v.stopReason = 'offline-move';
          if (this.prepare.offline === 'drain-checkpoint') this.enter(new OfflineMove(s, 'drain'));
          else this.goOffline();
        } else if (this.scenario.resources.disk === 'copy') this.enter(new DiskCopy(s));
        else this.startStrategy();
        break;
      case 'refused':
        v.outcome = 'aborted';
        v.stopReason = 'refused';
        v.refusals = next.reasons;
        v.refusedAt = s.tMs <= this.scenario.host.allocateMs ? 'allocate' : 'validate';
        v.failureCode = 'refused';
        v.failure = `refused before anything was copied: ${next.reasons.join('; ')}`;
        this.emit({ kind: 'aborted', reason: 'refused', cause: 'refused' });
        this.finish();
        break;
      case 'disk-done':
        this.emit({ kind: 'disk-copied', diskBytes: s.counters.diskBytes });
        this.startStrategy();
        break;
      case 'drained':
        this.emit({ kind: 'offline', how: 'drained' });
        this.goOffline();
        break;
      case 'final-copy':
      case 'postcopy-switch': {
        v.converged = next.kind === 'final-copy' && next.converged;
        v.stopReason = next.reason;
        v.expectedDowntimeMs = this.controller?.expectedDowntimeMs() ?? 0;
        s.vmPaused = true;
        v.pausedAtMs = s.tMs;
        this.faults.anchor('blackout', s.tMs);
        this.emit({ kind: 'paused', how: 'blackout' });
        // The final sync: whatever the guest wrote since the last one must go too.
        const newPages = s.toSend.absorb(s.log);
        v.finalSyncs = 1;
        this.precopy?.finish(newPages, 'stop');
        this.postcopyAfterBlackout = next.kind === 'postcopy-switch';
        s.side?.atPause(s, this.postcopyAfterBlackout);
        // A TD re-sends its dirtied pages in the pause even when post-copy follows (none: nothing to send).
        const resend = !!s.side?.blackoutResendsDirty && s.toSend.count > 0;
        this.finalCopy = new FinalCopy(s, next.kind === 'final-copy' || resend);
        this.enter(this.finalCopy);
        break;
      }
      case 'resumed': {
        s.vmHost = 'destination';
        s.vmPaused = false;
        s.lastVmSpeed = 1;
        s.throttle = 0;
        s.diskMirrorBytesPerMs = 0;
        v.resumedAtMs = s.tMs;
        v.switchoverAtMs = s.tMs;
        if (this.finalCopy) {
          v.blackoutCopyMs = this.finalCopy.linkOnlyMs;
          v.blackout = { ...this.finalCopy.parts };
        }
        this.faults.anchor('after-commit', s.tMs);
        if (v.offline) this.emit({ kind: 'resumed', host: 'destination', how: 'boot' });
        else {
          this.emit({ kind: 'commit', how: this.postcopyAfterBlackout ? 'postcopy' : 'precopy' });
          this.emit({ kind: 'switchover' });
          this.emit({ kind: 'resumed', host: 'destination', how: 'live' });
        }
        s.side?.atResume(s);
        if (this.postcopyAfterBlackout && s.toSend.count > 0) this.enter(new Postcopy(s));
        else this.finishAfterCommit();
        break;
      }
      case 'done':
        this.emit({ kind: 'postcopy-done' });
        this.finishAfterCommit();
        break;
      case 'abort':
        v.outcome = 'aborted';
        v.stopReason = next.reason;
        v.expectedDowntimeMs = this.controller?.expectedDowntimeMs() ?? 0;
        this.precopy?.finish(0, 'stop');
        this.emit({ kind: 'aborted', reason: next.reason, cause: null });
        this.finish();
        break;
    }
  }

  private goOffline(): void {
    const s = this.state;
    s.vmPaused = true;
    this.verdict.pausedAtMs = s.tMs;
    this.emit({ kind: 'paused', how: 'shutdown' });
    this.enter(new OfflineMove(s, 'offline'));
  }

  /**
   * Memory has fully moved. Faults set for after the commit that the run did not reach (pre-copy ends at
   * the resume) still count: a destination crash then loses the VM, the source's copy being stale; a
   * source crash is logged for what it is (harmless, unless something still depended on the source).
   */
  private finishAfterCommit(): void {
    const resumedAt = this.verdict.resumedAtMs ?? this.state.tMs;
    for (const fault of this.faults.pendingAfterCommit()) {
      const atMs = resumedAt + (fault.when === 'after-commit' ? fault.atMs : 0);
      if (fault.kind === 'destination-crash') {
        const crashMs = Math.max(this.state.tMs, atMs);
        this.emit({ kind: 'fault', fault: 'destination-crash' }, crashMs);
        this.loseVm('destination-crash-after-takeover', crashMs);
        return;
      }
      this.effects.afterTheEnd(fault, Math.max(this.state.tMs, atMs));
    }
    this.finish();
  }

  private finish(): void {
    this.finished = true;
    this.controller = null;
    this.emit({ kind: 'done', outcome: this.verdict.outcome });
  }

  /** probe, bound once: the recorder takes it after every step. */
  private readonly probeNow = (): Probe => this.probe();

  private probe(): Probe {
    const s = this.state;
    return {
      dirtyPages: s.stalePages,
      remainingBytes: s.toSend.count * s.pageBytes,
      transferredBytes: s.counters.transferredBytes,
      vmSpeedPct: s.lastVmSpeed * 100,
      vmLostMs: s.counters.vmLostMs,
      faults: s.counters.faults,
      throttlePct: Math.round(s.throttle * 100),
      expectedDowntimeMs: this.controller?.expectedDowntimeMs() ?? 0,
      phase: PHASE_CODES[this.phase],
    };
  }

  private finalTrace: SimulatedTrace | null = null;

  /** The finished run's trace. */
  trace(): SimulatedTrace {
    if (!this.finished) throw new Error('the run has not finished');
    if (this.finalTrace) return this.finalTrace;
    const recorded = this.recorder.finish(this.state.tMs, this.probe());
    const summary = buildSummary(this.state, this.rounds.rounds, recorded.phases, this.verdict, {
      precopySyncs: this.precopySyncs(),
      simulationLimitMs: this.limitMs,
    });
    const lifecycle = buildLifecycle(this.scenario, recorded.phases, this.verdict, summary);
    const events: TraceEvent[] = [...recorded.events];
    for (const step of lifecycle)
      if (step.startMs >= this.state.tMs && step.status === 'done' && step.step !== 'resume')
        events.push({ tMs: step.startMs, kind: 'lifecycle', step: step.step });
    // Stable: events at the same time keep the order they happened in.
    events.sort((a, b) => a.tMs - b.tMs);
    this.finalTrace = {
      format: TRACE_FORMAT,
      formatVersion: TRACE_FORMAT_VERSION,
      engineVersion: ENGINE_VERSION,
      scenario: this.scenario,
      summary,
      phases: recorded.phases,
      lifecycle,
      rounds: this.rounds.rounds,
      events,
      samples: recorded.samples,
      heatmap: recorded.heatmap,
      variant: variantReport(this.scenario, this.state),
    };
    return this.finalTrace;
  }

  private precopySyncs(): number {
    const p = this.precopy;
    if (!p) return 0;
    return p instanceof QemuPrecopy ? p.syncs : this.rounds.completed;
  }
}

/** Runs a scenario from start to finish: scenario in, trace out. */
export function runScenario(input: Scenario | ScenarioInput, options?: RunOptions): SimulatedTrace {
  return new MigrationRun(input, options).runToEnd();
}
