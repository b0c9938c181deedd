import { randomLcg } from 'd3-random';
import type { Next, PhaseController } from './migration/controller';
import { DiskCopy } from './migration/diskCopy';
import { FaultPlan } from './migration/faults';
import { FinalCopy } from './migration/finalCopy';
import { initialLiveParams, timedChanges, type TimedChange } from './migration/liveParams';
import { OfflineMove } from './migration/offlineMove';
import { PassPrecopy } from './migration/passPrecopy';
import { Postcopy } from './migration/postcopy';
import { Prepare } from './migration/prepare';
import { QemuPrecopy, type SwitchRequest } from './migration/qemuPrecopy';
import { RoundTracker } from './migration/rounds';
import { MigrationState } from './migration/state';
import type { Fault, Scenario, ScenarioInput } from './scenario/schema';
import { scenarioOrThrow } from './scenario/validate';
import { buildLifecycle } from './trace/lifecycle';
import { Recorder, type Probe } from './trace/recorder';
import { buildSummary, type RunVerdict } from './trace/summary';
import { PHASE_CODES, TRACE_FORMAT, type EventKind, type PhaseKind, type SimulatedTrace } from './trace/types';
import { TRACE_FORMAT_VERSION } from './trace/versions';
import { mbpsToBytesPerMs } from './units';
import { ENGINE_VERSION } from './version';
import { effectiveScenario } from './variants/effective';
import { variantReport } from './variants/report';

export interface RunOptions {
  /** Keep per-page versions on both hosts so tests can check every page ends current. */
  audit?: boolean;
}

/** Slice lengths the engine chooses from: short for small VMs, longer for huge ones. */
const STEP_CHOICES_MS = [1, 2, 5, 10, 20, 50];
/** Aim for about this many slices over one full pass of memory. */
const SLICES_PER_PASS = 20_000;

const fmtS = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/**
 * One migration being simulated: deterministic, page by page, in slices of simulated time.
 * `step()` advances one slice; `runToEnd()` finishes it; `trace()` gives the result.
 */
export class MigrationRun {
  readonly scenario: Scenario;
  readonly state: MigrationState;
  readonly stepMs: number;
  /** Pre-copy without a cap or timeout could run forever; past this the simulation gives up. */
  readonly limitMs: number;
  private readonly recorder: Recorder;
  private readonly rounds = new RoundTracker();
  private readonly changes: TimedChange[];
  private readonly faults: FaultPlan;
  private nextChange = 0;
  private controller: PhaseController | null = null;
  private prepare: Prepare;
  private precopy: QemuPrecopy | PassPrecopy | null = null;
  private finalCopy: FinalCopy | null = null;
  private postcopyAfterBlackout = false;
  /** A failure already decided, waiting for its moment (a broken stream, an unrecoverable post-copy). */
  private pendingFailure: { atMs: number; lose: boolean; text: string } | null = null;
  private finished = false;
  private stalledSlices = 0;
  private readonly verdict: RunVerdict = {
    outcome: 'completed',
    converged: false,
    stopReason: 'not-iterative',
    pausedAtMs: null,
    resumedAtMs: null,
    switchoverAtMs: null,
    blackoutCopyMs: 0,
    expectedDowntimeMs: 0,
    finalSyncs: 0,
    failure: null,
    refusals: [],
    refusedAt: null,
    offline: null,
    lostAtMs: null,
  };

  constructor(input: Scenario | ScenarioInput, options: RunOptions = {}) {
    this.scenario = scenarioOrThrow(input);
    const random = randomLcg(this.scenario.seed / 4_294_967_296);
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
    this.stepMs = STEP_CHOICES_MS.filter((ms) => ms <= Math.max(1, passMs / SLICES_PER_PASS)).pop() ?? 1;
    this.limitMs = Math.max(600_000, 30 * passMs);
    const sc = this.scenario;
    this.emit(
      'start',
      `migration starts: ${sc.strategy}, ${sc.vm.memoryMiB} MiB VM over ${this.state.live.linkMbps} Mbit/s`,
    );
    this.prepare = new Prepare(
      this.state,
      (k, t) => this.emit(k, t),
      () => this.state.markInitialPages(),
    );
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

  /** Time one pass over all of memory takes at the migration's rate. */
  private fullPassMs(): number {
    const s = this.state;
    const { usedPages, pageCount } = s.layout;
    const cap = this.scenario.network.capMbps;
    const rate = mbpsToBytesPerMs(cap > 0 ? Math.min(cap, s.live.linkMbps) : s.live.linkMbps);
    const zeroPages = pageCount - usedPages;
    return (usedPages * s.wire.normalBytes + zeroPages * s.wire.zeroBytes) / rate + zeroPages * s.wire.zeroScanMs;
  }

  private emit(kind: EventKind, text: string): void {
    this.recorder.event(this.state.tMs, kind, text);
  }

  private startStrategy(): void {
    const s = this.state;
    const sc = this.scenario;
    this.faults.anchor('brownout', s.tMs);
    const emit = (kind: EventKind, text: string) => this.emit(kind, text);
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
      this.pendingFailure && this.pendingFailure.atMs > tMs ? this.pendingFailure.atMs : Infinity,
    );
  }

  /** Advances the simulation by one slice (shorter when something scheduled falls inside it). */
  step(): void {
    if (this.finished || !this.controller) return;
    const s = this.state;
    this.applyDueChanges();
    this.applyDueFaults();
    if (this.finished || !this.controller) return;
    const dt = Math.min(this.stepMs, this.nextEventAfter(s.tMs) - s.tMs);
    const used = this.controller.step(dt);
    s.tMs += used;
    const next = this.controller.settle();
    this.recorder.observe(s.tMs, () => this.probe());
    if (next) this.transition(next);
    else if (used <= 0 && ++this.stalledSlices > 10_000) throw new Error('engine made no progress');
    if (used > 0) this.stalledSlices = 0;
    const phase = this.controller?.phase;
    if (!this.finished && s.tMs >= this.limitMs && (phase === 'precopy' || phase === 'disk')) {
      this.emit('stop-decision', 'pre-copy would never end on its own: the simulation stops here');
      this.transition({ kind: 'abort', reason: 'simulation-limit' });
    }
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
      this.emit(change.source === 'intervention' ? 'intervention' : 'workload-phase', change.label);
    }
  }

  private applyDueFaults(): void {
    const s = this.state;
    if (this.pendingFailure && this.pendingFailure.atMs <= s.tMs) {
      const { lose, text } = this.pendingFailure;
      this.pendingFailure = null;
      if (lose) this.loseVm(text);
      else this.abortCleanly(text);
      return;
    }
    for (const fault of this.faults.takeDue(s.tMs)) {
      this.applyFault(fault);
      if (this.finished) return;
    }
  }

  private applyFault(f: Fault): void {
    const s = this.state;
    const phase = this.controller?.phase;
    switch (f.kind) {
      case 'link-degradation': {
        const linkMbps = (s.live.linkMbps * f.factorPct) / 100;
        s.applyLive({ linkMbps });
        this.emit('fault', `link degraded to ${f.factorPct} % of its speed (${linkMbps.toFixed(0)} Mbit/s)`);
        return;
      }
      case 'network-drop': {
        s.linkDownUntilMs = Math.max(s.linkDownUntilMs, s.tMs + f.durationMs);
        this.emit('fault', `network drop: the link carries nothing for ${fmtS(f.durationMs)}`);
        if (phase === 'postcopy') {
          const recoveryMs = this.scenario.postcopy.recoveryMs;
          this.emit('postcopy-paused', 'post-copy paused: faulting vCPUs wait for the link');
          if (f.durationMs > recoveryMs)
            this.pendingFailure = {
              atMs: s.tMs + recoveryMs,
              lose: true,
              text: `the network stayed down longer than post-copy can recover (${fmtS(recoveryMs)}) while the destination still needed pages from the source`,
            };
          return;
        }
        const timeoutMs = this.scenario.host.streamTimeoutMs;
        if (f.durationMs > timeoutMs && s.vmHost === 'source')
          this.pendingFailure = {
            atMs: s.tMs + timeoutMs,
            lose: false,
            text: `the migration stream moved nothing for ${fmtS(timeoutMs)} during a network drop and was declared broken`,
          };
        return;
      }
      case 'destination-crash':
        this.emit('fault', 'the destination host crashed');
        if (s.vmHost === 'destination')
          this.loseVm('the destination crashed after it had taken over; the copy left on the source is out of date');
        else if (s.side?.sourceCannotAbortAlone(phase === 'blackout' && !!this.finalCopy?.dataComplete))
          this.loseVm(
            'the destination crashed after the start token: the source TD may resume only with an abort token from the destination, which can no longer make one',
          );
        else this.abortCleanly('the destination crashed before the commit');
        return;
      case 'source-crash':
        this.emit('fault', 'the source host crashed');
        if (phase === 'postcopy') this.loseVm('the source crashed while the destination still fetched pages from it');
        else if (s.vmHost === 'source' && !s.vmPaused)
          this.loseVm('the source host crashed while the VM was running on it');
        else if (phase === 'blackout' && this.finalCopy && !this.finalCopy.dataComplete)
          this.loseVm('the source crashed during the blackout, before the final copy was complete');
        else if (phase === 'blackout')
          this.emit('fault', 'the final copy was already complete: the destination has everything and takes over');
        return;
    }
  }

  /** The migration stops; the VM runs (again) on the source with nothing lost. */
  private abortCleanly(text: string): void {
    const s = this.state;
    const v = this.verdict;
    v.outcome = 'aborted';
    v.stopReason = 'fault';
    v.failure = text;
    v.expectedDowntimeMs = this.controller?.expectedDowntimeMs() ?? 0;
    if (this.controller?.phase === 'precopy') this.precopy?.finish(0);
    if (s.vmPaused) {
      s.vmPaused = false;
      s.lastVmSpeed = 1;
      this.emit('resumed', 'the VM resumes on the source');
    }
    this.emit('aborted', `migration aborted: ${text}; the VM keeps running on the source`);
    this.finish();
  }

  /** The VM is gone: neither host can run it. Only post-copy (and host crashes) can end this way. */
  private loseVm(text: string): void {
    const v = this.verdict;
    v.outcome = 'failed';
    v.stopReason = 'fault';
    v.failure = text;
    v.lostAtMs = this.state.tMs;
    this.state.vmPaused = true;
    this.emit('vm-lost', `the VM is lost: ${text}`);
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
        v.failure = `refused before anything was copied: ${next.reasons.join('; ')}`;
        this.emit('aborted', 'nothing was copied: the VM keeps running on the source');
        this.finish();
        break;
      case 'disk-done':
        this.emit('disk-copied', 'local disk copied; further disk writes are mirrored while memory moves');
        this.startStrategy();
        break;
      case 'drained':
        this.emit('offline', 'workload drained and checkpointed');
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
        this.emit('paused', 'VM paused on the source: blackout begins');
        // The final sync: whatever the guest wrote since the last one must go too.
        const newPages = s.toSend.absorb(s.log);
        v.finalSyncs = 1;
        this.precopy?.finish(newPages);
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
        v.blackoutCopyMs = this.finalCopy?.linkOnlyMs ?? 0;
        this.faults.anchor('after-commit', s.tMs);
        if (v.offline) this.emit('resumed', 'VM booted on the destination');
        else {
          this.emit('commit', 'destination acknowledged the final state: migration committed');
          this.emit('switchover', 'execution moves to the destination');
          this.emit('resumed', 'VM running on the destination');
        }
        s.side?.atResume(s);
        if (this.postcopyAfterBlackout && s.toSend.count > 0) this.enter(new Postcopy(s));
        else this.finishAfterCommit();
        break;
      }
      case 'done':
        this.emit('postcopy-done', 'every page is on the destination: the source can go');
        this.finishAfterCommit();
        break;
      case 'abort':
        v.outcome = 'aborted';
        v.stopReason = next.reason;
        v.expectedDowntimeMs = this.controller?.expectedDowntimeMs() ?? 0;
        this.precopy?.finish(0);
        this.emit('aborted', 'migration abandoned: the VM keeps running on the source');
        this.finish();
        break;
    }
  }

  private goOffline(): void {
    const s = this.state;
    s.vmPaused = true;
    this.verdict.pausedAtMs = s.tMs;
    this.emit('paused', 'VM shut down on the source');
    this.enter(new OfflineMove(s, 'offline'));
  }

  /**
   * Memory has fully moved. Faults set for after the commit that the run did not reach (pre-copy ends at
   * the resume) still count: a destination crash then loses the VM, the source's copy being stale.
   */
  private finishAfterCommit(): void {
    const crash = this.scenario.faults.find((f) => f.when === 'after-commit' && f.kind === 'destination-crash');
    if (crash && this.faults.pendingAfterCommit().includes(crash)) {
      this.state.tMs = Math.max(this.state.tMs, (this.verdict.resumedAtMs ?? this.state.tMs) + crash.atMs);
      this.emit('fault', 'the destination host crashed');
      this.loseVm('the destination crashed after it had taken over; the copy left on the source is out of date');
      return;
    }
    this.finish();
  }

  private finish(): void {
    this.finished = true;
    this.controller = null;
    this.emit('done', this.verdict.outcome === 'completed' ? 'migration complete' : 'migration ended');
  }

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
    const summary = buildSummary(this.state, this.rounds.rounds, recorded.phases, this.verdict, this.precopySyncs());
    const lifecycle = buildLifecycle(this.scenario, recorded.phases, this.verdict, summary);
    for (const step of lifecycle)
      if (step.startMs >= this.state.tMs && step.status === 'done' && step.step !== 'resume')
        recorded.events.push({ tMs: step.startMs, kind: 'lifecycle', text: `${step.label}: ${step.detail}` });
    this.finalTrace = {
      format: TRACE_FORMAT,
      formatVersion: TRACE_FORMAT_VERSION,
      engineVersion: ENGINE_VERSION,
      scenario: this.scenario,
      summary,
      phases: recorded.phases,
      lifecycle,
      rounds: this.rounds.rounds,
      events: recorded.events,
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
