import { distinctDirtied, writingMs, type DirtyClass } from './dirtyClasses';
import type { FlowParams } from './flowParams';
import { QemuClock, WINDOW_MS } from './qemuClock';

const EPS_PAGES = 1e-3;
const EPS_MS = 1e-9;

export type FlowPhase = 'setup' | 'precopy' | 'blackout' | 'handover' | 'done';
export type FlowStopReason = 'converged' | 'max-iterations' | 'timeout' | 'simulation-limit';

/** How one migration went, in the page engine's terms. */
export interface FlowResult {
  outcome: 'completed' | 'aborted';
  converged: boolean;
  stopReason: FlowStopReason;
  /** Live pre-copy rounds (syncs of the dirty log), as the page engine counts them. */
  iterations: number;
  startMs: number;
  precopyStartMs: number;
  /** null when the migration was abandoned before its blackout. */
  blackoutStartMs: number | null;
  endMs: number;
  downtimeMs: number;
  totalTimeMs: number;
  bytesTransferred: number;
  precopyBytes: number;
  downtimeBytes: number;
}

interface Segment {
  zero: boolean;
  /** The segment's classes (shared by every flow with the same parameters). */
  classes: readonly DirtyClass[];
  /** Pages of each class still marked for sending. */
  marked: Float64Array;
  total: number;
}

/**
 * One pre-copy migration as a flow: QEMU's loop (section 1 of the fact sheet) in closed form between
 * events instead of page by page. The sender drains marked pages segment by segment in address order at
 * whatever rate the network grants; the dirty log fills per class as K (1 - e^(-w t / K)) (section 4.2);
 * on a decision point (every 50 ms chunk) QEMU syncs when the bytes still marked fall under
 * threshold = bandwidth x downtime limit (section 1.2), folds the log into the marked set and stops when
 * what is left fits; a cap on rounds or a timeout forces the stop. The blackout sends the rest at the full
 * rate granted, then device state, then the switchover.
 *
 * Time is in the fleet's milliseconds. The owner asks `nextEventMs(rate)`, advances to it (or to any
 * earlier moment the rate changes) with `advanceTo`, and calls `fire` when an event is due.
 */
export class FastMigration {
  phase: FlowPhase = 'setup';
  tMs: number;
  private readonly segs: Segment[];
  private cursor = 0;
  /** Time the sender still owes the first pass's start before its first page goes, ms. */
  private startOwedMs = 0;
  private rounds = 0;
  private roundBytes = 0;
  private lastSyncMs: number;
  private precopyStartMs = NaN;
  private blackoutStartMs: number | null = null;
  private blackoutBytesLeft = 0;
  private blackoutScanLeftMs = 0;
  private handoverLeftMs = 0;
  private precopyBytes = 0;
  private downtimeBytes = 0;
  private converged = false;
  private stopReason: FlowStopReason = 'converged';
  private aborted = false;
  private clock: QemuClock;

  constructor(
    readonly params: FlowParams,
    readonly startMs: number,
  ) {
    this.tMs = startMs;
    this.lastSyncMs = startMs;
    this.clock = new QemuClock(startMs, params.stepMs);
    this.segs = params.segments.map((s) => ({
      zero: s.zero,
      classes: s.classes,
      marked: Float64Array.from(s.initialMarked),
      total: s.initialMarked.reduce((a, b) => a + b, 0),
    }));
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  /** What the flow asks of the network now, bytes per ms: nothing, its cap, or all it can get. */
  demandBytesPerMs(): number {
    if (this.phase === 'precopy') return this.params.capBytesPerMs > 0 ? this.params.capBytesPerMs : Infinity;
    return this.phase === 'blackout' ? Infinity : 0;
  }

  /** Bytes still marked for sending, counted as QEMU's `remaining` counts them (a full page each). */
  get remainingBytes(): number {
    let pages = 0;
    for (const s of this.segs) pages += s.total;
    return pages * this.params.pageBytes;
  }

  /** When the next thing happens if the rate stays `rate` (bytes per ms); Infinity if nothing will. */
  nextEventMs(rate: number): number {
    const p = this.params;
    switch (this.phase) {
      case 'setup':
        return this.startMs + p.setupMs;
      case 'handover':
        return this.tMs + this.handoverLeftMs;
      case 'blackout':
        return this.tMs + this.blackoutNeedMs(rate);
      case 'precopy':
        return this.nextPrecopyEvent(rate);
      case 'done':
        return Infinity;
    }
  }

  private nextPrecopyEvent(rate: number): number {
    const p = this.params;
    const clock = this.clock;
    let next = this.startMs + p.limitMs;
    const burst = this.bursting(rate);
    // A capped sender that spent the window's budget sleeps to the window's end, deciding nothing.
    if (burst && this.sleeping) return Math.min(next, clock.sleepEndMs());
    if (p.timeoutMs > 0) next = Math.min(next, clock.tickAtOrAfter(Math.max(this.tMs, this.startMs + p.timeoutMs)));
    const seg = this.segs[this.cursor];
    // Run dry: the loop decides where the slice ends.
    if (!seg || seg.total <= EPS_PAGES) return Math.min(next, clock.gridAtOrAfter(this.tMs));
    if (burst) next = Math.min(next, clock.windowEndMs());
    if (this.startOwedMs > 0 && rate > 0) {
      // Nothing goes until the pass has started: the estimate may change, nothing else can happen.
      return Math.min(next, this.tMs + this.startOwedMs, clock.nextEstimateChange(this.tMs, 0));
    }
    const pageMs = this.pageMs(seg, rate);
    if (!Number.isFinite(pageMs)) return next;
    next = Math.min(next, this.tMs + seg.total * pageMs);
    const bytesPerMs = (seg.zero ? p.zeroBytes : p.normalBytes) / pageMs;
    if (burst) next = Math.min(next, this.tMs + this.budgetLeftBytes / bytesPerMs);
    next = Math.min(next, clock.nextEstimateChange(this.tMs, bytesPerMs));
    const threshold = clock.thresholdBytes(p.downtimeLimitMs);
    if (threshold > 0 && this.mayTest) {
      // The first decision point at which the bytes still marked are under the threshold.
      const over = this.remainingBytes - threshold;
      const crossMs = over < 0 ? this.tMs : this.tMs + (over / p.pageBytes) * pageMs + 1e-6;
      next = Math.min(next, clock.tickAtOrAfter(crossMs));
    }
    return next;
  }

  /**
   * The sender outruns its bandwidth cap: as QEMU's rate limit does, it sends each 100 ms window's budget
   * at the rate it is granted, then sleeps to the window's end. (On a fleet link the network grants a
   * capped flow at most its cap, so there it sends steadily.)
   */
  private bursting(rate: number): boolean {
    const cap = this.params.capBytesPerMs;
    return cap > 0 && rate > cap * (1 + 1e-9);
  }

  private get budgetLeftBytes(): number {
    return Math.max(0, this.params.capBytesPerMs * WINDOW_MS - this.clock.windowSentBytes);
  }

  private get sleeping(): boolean {
    return this.budgetLeftBytes <= 1e-9 * this.params.capBytesPerMs * WINDOW_MS;
  }

  /** The network gives the flow a new rate from now on (call after advancing to now at the old one). */
  rateChanged(oldRate: number, newRate: number): void {
    if (this.phase !== 'precopy') return;
    const seg = this.segs[this.cursor];
    const sending = seg && seg.total > EPS_PAGES && !(this.startOwedMs > 0);
    const bytes = seg?.zero ? this.params.zeroBytes : this.params.normalBytes;
    const oldBytesPerMs = sending && oldRate > 0 ? bytes / this.pageMs(seg, oldRate) : 0;
    const newBytesPerMs = sending && newRate > 0 ? bytes / this.pageMs(seg, newRate) : 0;
    this.clock.rebase(this.tMs, oldBytesPerMs, newBytesPerMs);
  }

  /** Moves time on to `toMs` at `rate`; never past the next event. */
  advanceTo(toMs: number, rate: number): void {
    const dt = toMs - this.tMs;
    if (dt <= 0) return;
    this.tMs = toMs;
    this.work(dt, rate);
  }

  /** The work of `dtMs` at `rate`, ending at the current time. */
  private work(dtMs: number, rate: number): void {
    let dt = dtMs;
    if (this.phase === 'handover') this.handoverLeftMs = Math.max(0, this.handoverLeftMs - dt);
    else if (this.phase === 'blackout') this.advanceBlackout(dt, rate);
    else if (this.phase === 'precopy') {
      if (this.startOwedMs > 0 && rate > 0) {
        const owedMs = Math.min(this.startOwedMs, dt);
        this.startOwedMs = this.due(this.startOwedMs - owedMs) ? 0 : this.startOwedMs - owedMs;
        this.clock.add(this.tMs - dt + owedMs, owedMs, 0);
        dt -= owedMs;
      }
      const burst = this.bursting(rate);
      while (dt > 0) {
        const seg = this.segs[this.cursor];
        if (!seg || seg.total <= EPS_PAGES) break;
        const pageMs = this.pageMs(seg, rate);
        if (!Number.isFinite(pageMs)) break;
        const pageBytes = seg.zero ? this.params.zeroBytes : this.params.normalBytes;
        const pages = Math.min(seg.total, dt / pageMs, burst ? this.budgetLeftBytes / pageBytes : Infinity);
        if (!(pages > 0)) break;
        this.drain(seg, pages);
        const bytes = pages * pageBytes;
        this.precopyBytes += bytes;
        this.roundBytes += bytes;
        this.clock.add(this.tMs - dt + pages * pageMs, pages * pageMs, bytes);
        dt -= pages * pageMs;
        if (seg.total <= EPS_PAGES) this.moveCursor();
      }
    }
  }

  private advanceBlackout(dt: number, rate: number): void {
    const needMs = this.blackoutNeedMs(rate);
    const share = needMs > 0 && Number.isFinite(needMs) ? dt / needMs : needMs === 0 ? 1 : 0;
    if (share >= 1 - 1e-9) {
      this.downtimeBytes += this.blackoutBytesLeft;
      this.blackoutBytesLeft = 0;
      this.blackoutScanLeftMs = 0;
      return;
    }
    const bytes = this.blackoutBytesLeft * share;
    this.blackoutBytesLeft -= bytes;
    this.blackoutScanLeftMs -= this.blackoutScanLeftMs * share;
    this.downtimeBytes += bytes;
  }

  /** Handles whatever is due at the current time (call after advancing to `nextEventMs`). */
  fire(rate: number): void {
    const p = this.params;
    switch (this.phase) {
      case 'setup':
        if (this.due(this.startMs + p.setupMs - this.tMs)) {
          this.phase = 'precopy';
          this.precopyStartMs = this.tMs;
          this.clock = new QemuClock(this.tMs, p.stepMs);
          this.startOwedMs = p.passStartMs;
          this.moveCursor(0);
        }
        return;
      case 'precopy': {
        // A segment (or the pass's start) whose end is closer than the clock can tell is over now.
        if (this.due(this.startOwedMs)) this.startOwedMs = 0;
        const seg = this.segs[this.cursor];
        const restMs = seg && seg.total > EPS_PAGES ? seg.total * this.pageMs(seg, rate) : Infinity;
        if (this.due(restMs)) this.work(restMs, rate);
        return this.decide(rate);
      }
      case 'blackout': {
        if (this.due(this.blackoutNeedMs(rate))) {
          this.downtimeBytes += this.blackoutBytesLeft;
          this.blackoutBytesLeft = 0;
          this.blackoutScanLeftMs = 0;
          this.phase = 'handover';
          this.handoverLeftMs = p.handoverMs;
          if (this.due(this.handoverLeftMs)) this.phase = 'done';
        }
        return;
      }
      case 'handover':
        if (this.due(this.handoverLeftMs)) this.phase = 'done';
        return;
    }
  }

  /** Time the blackout's copy still needs at `rate` (Infinity when it has bytes left and no rate). */
  private blackoutNeedMs(rate: number): number {
    if (this.blackoutBytesLeft <= 0) return this.blackoutScanLeftMs;
    return rate > 0 ? this.blackoutBytesLeft / rate + this.blackoutScanLeftMs : Infinity;
  }

  /** Whether `dtMs` from now is no time at all (below what the clock can resolve at this hour). */
  private due(dtMs: number): boolean {
    return dtMs <= EPS_MS || this.tMs + dtMs <= this.tMs;
  }

  /** migration_iteration_run at a decision point (a chunk's end, or the sender running dry). */
  private decide(rate: number): void {
    const p = this.params;
    if (this.tMs >= this.startMs + p.limitMs - EPS_MS) return this.abandon('simulation-limit');
    const seg = this.segs[this.cursor];
    const dry = !seg || seg.total <= EPS_PAGES;
    if (this.bursting(rate) && this.sleeping) {
      if (this.tMs < this.clock.sleepEndMs() - 1e-6) return;
    } else if (dry ? !this.clock.onGrid(this.tMs) : !this.clock.isTick(this.tMs)) return;
    this.clock.settle(this.tMs);
    const threshold = this.clock.thresholdBytes(p.downtimeLimitMs);
    let synced = false;
    if (this.mayTest && this.remainingBytes < threshold) {
      this.sync();
      synced = true;
    }
    const remaining = this.remainingBytes;
    if (remaining <= EPS_PAGES * p.pageBytes || (synced && remaining < threshold)) {
      this.converged = true;
      return this.startBlackout();
    }
    if (synced && p.maxIterations > 0 && this.rounds >= p.maxIterations) return this.giveUp('max-iterations');
    if (p.timeoutMs > 0 && this.tMs >= this.startMs + p.timeoutMs - EPS_MS) return this.giveUp('timeout');
    this.clock.startChunk(this.tMs);
  }

  /**
   * The threshold test may run: the first pass is past the never-written pages it had to check (they sit
   * above the used ones), as the page engine waits for it (see QemuPrecopy). Zero checks that cost no time,
   * or none marked, let it run from the start, as QEMU's does.
   */
  private get mayTest(): boolean {
    const zero = this.segs.find((s) => s.zero);
    return this.params.zeroScanMs <= 0 || !zero || zero.total <= EPS_PAGES;
  }

  private giveUp(reason: FlowStopReason): void {
    this.stopReason = reason;
    if (this.params.onNoConvergence === 'abort') return this.abandon(reason);
    this.startBlackout();
  }

  private abandon(reason: FlowStopReason): void {
    this.stopReason = reason;
    this.aborted = true;
    if (this.roundBytes > 0) this.rounds++;
    this.phase = 'done';
  }

  /** A sync of the dirty log: it ends one round and starts the next. */
  private sync(): void {
    this.foldLog();
    this.rounds++;
    this.roundBytes = 0;
    if (this.segs[this.cursor]?.total <= EPS_PAGES) this.moveCursor(this.cursor);
  }

  /** Folds the dirty log into the marked set: per class, marked ∪ dirtied with the two independent. */
  private foldLog(): void {
    const active = writingMs(
      this.params.burstPeriodMs,
      this.params.burstDuty,
      this.lastSyncMs - this.startMs,
      this.tMs - this.startMs,
    );
    for (const s of this.segs) {
      let total = 0;
      for (let c = 0; c < s.classes.length; c++) {
        const cls = s.classes[c];
        const K = cls.pages;
        if (K <= 0) continue;
        if (cls.sweepPagesPerMs > 0) {
          // A sweep writes the pages after the ones it wrote last, which the sender has mostly not reached
          // yet: the two sets hardly overlap until the sweep has covered the whole class.
          s.marked[c] = Math.min(K, s.marked[c] + Math.min(K, cls.sweepPagesPerMs * active));
        } else {
          const dirtied = distinctDirtied(cls, active);
          s.marked[c] = s.marked[c] + dirtied - (s.marked[c] * dirtied) / K;
        }
        total += s.marked[c];
      }
      s.total = total;
    }
    this.lastSyncMs = this.tMs;
  }

  private startBlackout(): void {
    const p = this.params;
    if (this.roundBytes > 0) this.rounds++;
    this.roundBytes = 0;
    // The final sync at the pause: whatever was written since the last one goes too.
    this.foldLog();
    let normal = 0;
    let zero = 0;
    for (const s of this.segs) {
      if (s.zero) zero += s.total;
      else normal += s.total;
      s.marked.fill(0);
      s.total = 0;
    }
    this.phase = 'blackout';
    this.blackoutStartMs = this.tMs;
    this.blackoutBytesLeft = normal * p.normalBytes + zero * p.zeroBytes + p.deviceStateBytes;
    this.blackoutScanLeftMs = zero * p.zeroScanMs;
  }

  private pageMs(seg: Segment, rate: number): number {
    const p = this.params;
    if (rate <= 0) return Infinity;
    return seg.zero ? p.zeroBytes / rate + p.zeroScanMs : p.normalBytes / rate;
  }

  private drain(seg: Segment, pages: number): void {
    const keep = seg.total > 0 ? Math.max(0, (seg.total - pages) / seg.total) : 0;
    let total = 0;
    for (let c = 0; c < seg.marked.length; c++) total += seg.marked[c] *= keep;
    seg.total = total <= EPS_PAGES ? 0 : total;
  }

  /** The scan goes on to the next segment with marked pages, wrapping at the end of memory. */
  private moveCursor(from = this.cursor + 1): void {
    const n = this.segs.length;
    for (let i = 0; i < n; i++) {
      const at = (from + i) % n;
      if (this.segs[at].total > EPS_PAGES) {
        this.cursor = at;
        return;
      }
    }
    this.cursor = from % Math.max(1, n);
  }

  result(): FlowResult {
    const endMs = this.tMs;
    const downtimeMs = this.blackoutStartMs === null || this.aborted ? 0 : endMs - this.blackoutStartMs;
    return {
      outcome: this.aborted ? 'aborted' : 'completed',
      converged: this.converged,
      stopReason: this.stopReason,
      iterations: this.rounds,
      startMs: this.startMs,
      precopyStartMs: this.precopyStartMs,
      blackoutStartMs: this.aborted ? null : this.blackoutStartMs,
      endMs,
      downtimeMs,
      totalTimeMs: endMs - this.startMs,
      bytesTransferred: this.precopyBytes + this.downtimeBytes,
      precopyBytes: this.precopyBytes,
      downtimeBytes: this.downtimeBytes,
    };
  }
}

/** Runs one migration alone on a link of constant speed: the model's answer for a single VM. */
export function runFlowAlone(params: FlowParams, startMs = 0): FlowResult {
  const flow = new FastMigration(params, startMs);
  let guard = 0;
  while (!flow.done) {
    // The link's whole speed whenever the flow sends: a cap is the sender's own pacing.
    const rate = flow.demandBytesPerMs() > 0 ? params.linkBytesPerMs : 0;
    const at = flow.nextEventMs(rate);
    if (!Number.isFinite(at)) throw new Error('flow model: no next event');
    flow.advanceTo(at, rate);
    flow.fire(rate);
    if (++guard > 10_000_000) throw new Error('flow model made no progress');
  }
  return flow.result();
}
