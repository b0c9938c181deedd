import { randomLcg } from 'd3-random';
import type { Next, PhaseController } from './migration/controller';
import { FinalCopy } from './migration/finalCopy';
import { initialLiveParams, timedChanges, type TimedChange } from './migration/liveParams';
import { PassPrecopy } from './migration/passPrecopy';
import { Postcopy } from './migration/postcopy';
import { QemuPrecopy, type SwitchRequest } from './migration/qemuPrecopy';
import { RoundTracker } from './migration/rounds';
import { MigrationState } from './migration/state';
import { scenarioOrThrow } from './scenario/validate';
import type { Scenario, ScenarioInput } from './scenario/schema';
import { Recorder, type Probe } from './trace/recorder';
import { buildSummary, type RunVerdict } from './trace/summary';
import { PHASE_CODES, type EventKind, type Trace } from './trace/types';
import { mbpsToBytesPerMs } from './units';
import { ENGINE_VERSION } from './version';

export interface RunOptions {
  /** Keep per-page versions on both hosts so tests can check every page ends current. */
  audit?: boolean;
}

/** Slice lengths the engine chooses from: short for small VMs, longer for huge ones. */
const STEP_CHOICES_MS = [1, 2, 5, 10, 20, 50];
/** Aim for about this many slices over one full pass of memory. */
const SLICES_PER_PASS = 20_000;

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
  private nextChange = 0;
  private controller: PhaseController | null = null;
  private precopy: QemuPrecopy | PassPrecopy | null = null;
  private finalCopy: FinalCopy | null = null;
  private postcopyAfterBlackout = false;
  private finished = false;
  private stalledSlices = 0;
  private verdict: RunVerdict = {
    outcome: 'completed',
    converged: false,
    stopReason: 'not-iterative',
    pausedAtMs: null,
    resumedAtMs: null,
    switchoverAtMs: null,
    blackoutCopyMs: 0,
    expectedDowntimeMs: 0,
    finalSyncs: 0,
  };

  constructor(input: Scenario | ScenarioInput, options: RunOptions = {}) {
    this.scenario = scenarioOrThrow(input);
    const random = randomLcg(this.scenario.seed / 4_294_967_296);
    this.state = new MigrationState(this.scenario, initialLiveParams(this.scenario), random, options.audit ?? false);
    const passMs = this.fullPassMs();
    this.recorder = new Recorder(
      this.state.mem,
      this.state.pageBytes,
      this.scenario.output.maxSamples,
      this.scenario.output.maxFrames,
      passMs * 1.2,
    );
    this.changes = timedChanges(this.scenario);
    this.stepMs = STEP_CHOICES_MS.filter((ms) => ms <= Math.max(1, passMs / SLICES_PER_PASS)).pop() ?? 1;
    this.limitMs = Math.max(600_000, 30 * passMs);
    this.start();
  }

  get done(): boolean {
    return this.finished;
  }

  get tMs(): number {
    return this.state.tMs;
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

  private start(): void {
    const s = this.state;
    const sc = this.scenario;
    this.emit('start', `migration starts: ${sc.strategy}, ${sc.vm.memoryMiB} MiB VM over ${s.live.linkMbps} Mbit/s`);
    this.recorder.enterPhase(0, 'setup');
    // Setup: connect and start dirty logging; the guest keeps running.
    const setupMs = s.live.rttMs;
    s.markInitialPages();
    s.runGuestOnSource(setupMs, sc.strategy !== 'stopcopy');
    s.tMs = setupMs;
    this.emit('setup-done', 'connection set up, dirty logging on');
    this.recorder.observe(s.tMs, () => this.probe());
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

  /** Advances the simulation by one slice (shorter when a timed change falls inside it). */
  step(): void {
    if (this.finished || !this.controller) return;
    const s = this.state;
    this.applyDueChanges();
    let dt = this.stepMs;
    const upcoming = this.changes[this.nextChange];
    if (upcoming && upcoming.atMs > s.tMs && upcoming.atMs < s.tMs + dt) dt = upcoming.atMs - s.tMs;
    const used = this.controller.step(dt);
    s.tMs += used;
    const next = this.controller.settle();
    this.recorder.observe(s.tMs, () => this.probe());
    if (next) this.transition(next);
    else if (used <= 0 && ++this.stalledSlices > 10_000) throw new Error('engine made no progress');
    if (used > 0) this.stalledSlices = 0;
    if (!this.finished && s.tMs >= this.limitMs && this.controller?.phase === 'precopy') {
      this.emit('stop-decision', 'pre-copy would never end on its own: the simulation stops here');
      this.transition({ kind: 'abort', reason: 'simulation-limit' });
    }
  }

  /** Runs to the end and returns the trace. */
  runToEnd(): Trace {
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

  private transition(next: Next): void {
    const s = this.state;
    const v = this.verdict;
    switch (next.kind) {
      case 'final-copy':
      case 'postcopy-switch': {
        v.converged = next.kind === 'final-copy' && next.converged;
        v.stopReason = next.reason;
        v.expectedDowntimeMs = this.controller?.expectedDowntimeMs() ?? 0;
        s.vmPaused = true;
        v.pausedAtMs = s.tMs;
        this.emit('paused', 'VM paused on the source: blackout begins');
        // The final sync: whatever the guest wrote since the last one must go too.
        const newPages = s.toSend.absorb(s.log);
        v.finalSyncs = 1;
        this.precopy?.finish(newPages);
        this.postcopyAfterBlackout = next.kind === 'postcopy-switch';
        this.finalCopy = new FinalCopy(s, next.kind === 'final-copy');
        this.enter(this.finalCopy);
        break;
      }
      case 'resumed': {
        s.vmHost = 'destination';
        s.vmPaused = false;
        s.throttle = 0;
        v.resumedAtMs = s.tMs;
        v.switchoverAtMs = s.tMs;
        v.blackoutCopyMs = this.finalCopy?.linkOnlyMs ?? 0;
        this.emit('commit', 'destination acknowledged the final state: migration committed');
        this.emit('switchover', 'execution moves to the destination');
        this.emit('resumed', 'VM running on the destination');
        if (this.postcopyAfterBlackout && s.toSend.count > 0) this.enter(new Postcopy(s));
        else this.finish();
        break;
      }
      case 'done':
        this.emit('postcopy-done', 'every page is on the destination: the source can go');
        this.finish();
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
      faults: s.counters.faults,
      throttlePct: Math.round(s.throttle * 100),
      expectedDowntimeMs: this.controller?.expectedDowntimeMs() ?? 0,
      phase: PHASE_CODES[this.finished ? 'done' : (this.controller?.phase ?? 'setup')],
    };
  }

  private finalTrace: Trace | null = null;

  /** The finished run's trace. */
  trace(): Trace {
    if (!this.finished) throw new Error('the run has not finished');
    if (this.finalTrace) return this.finalTrace;
    const recorded = this.recorder.finish(this.state.tMs, this.probe());
    const summary = buildSummary(this.state, this.rounds.rounds, recorded.phases, this.verdict, this.precopySyncs());
    this.finalTrace = {
      engineVersion: ENGINE_VERSION,
      scenario: this.scenario,
      summary,
      phases: recorded.phases,
      rounds: this.rounds.rounds,
      events: recorded.events,
      samples: recorded.samples,
      heatmap: recorded.heatmap,
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
export function runScenario(input: Scenario | ScenarioInput, options?: RunOptions): Trace {
  return new MigrationRun(input, options).runToEnd();
}
