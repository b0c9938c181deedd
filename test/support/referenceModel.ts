/**
 * A slow, obvious model of the same migration, for tests only: plain arrays instead of bitmaps, a linear
 * scan instead of word tricks, counts recomputed from scratch instead of kept incrementally. It takes the
 * same write stream (the workload is input, not what is being checked) and the same slice length, and must
 * agree with the fast engine after every slice.
 *
 * Covers: QEMU pre-copy (rate windows, chunks, sync when the estimate drops under the threshold, no test
 * before the first pass has checked the never-written pages), Xen pre-copy passes, the blackout,
 * stop-and-copy and post-copy with forward or no pre-paging (reads and writes fault; each vCPU waits for its
 * page, behind what is queued to push). Not covered:
 * auto-converge, stunning, interventions, competing traffic (the generators leave them out).
 */
import { randomLcg } from 'd3-random';
import { layoutMemory, wssRange } from '../../src/engine/memory/layout';
import { PageState } from '../../src/engine/memory/pageState';
import { wireSizes } from '../../src/engine/network/wire';
import type { Scenario } from '../../src/engine/scenario/schema';
import { kibToBytes, mbpsToBytesPerMs, mibToBytes } from '../../src/engine/units';
import { WriteStream } from '../../src/engine/workload/writeStream';

export interface ReferenceRound {
  startMs: number;
  endMs: number;
  pagesSent: number;
  bytesSent: number;
  dirtyPagesAtEnd: number;
}

export class ReferenceModel {
  readonly state: number[];
  readonly marked: boolean[];
  readonly logged: boolean[];
  tMs = 0;
  phase: 'precopy' | 'blackout' | 'postcopy' | 'done' = 'precopy';
  transferred = 0;
  precopyBytes = 0;
  downtimeBytes = 0;
  postcopyBytes = 0;
  faults = 0;
  readonly rounds: ReferenceRound[] = [];
  outcome: 'completed' | 'aborted' = 'completed';
  blackoutStartMs = 0;
  blackoutEndMs = 0;
  private round: ReferenceRound | null = null;
  private readonly pageBytes: number;
  private readonly pageCount: number;
  private readonly wire: ReturnType<typeof wireSizes>;
  private readonly writes: WriteStream;
  private readonly random: () => number;
  private readyAt: number[] = [];
  private passStartOwed: number;
  private cursor = 0;
  private debtMs = 0;
  // QEMU loop
  private mode: 'decide' | 'send' | 'sleep' = 'decide';
  private windowStart = 0;
  private windowBytes = 0;
  private thresholdBytes = 0;
  private chunkStart = 0;
  private pendingBlackout: 'copy' | 'switch' | 'abort' | null = null;
  /** The threshold test waits until the first pass is past the last never-written page it has to check. */
  private firstPassDone = false;
  private lastZeroMarked = -1;
  // Xen passes
  private roundDone = false;
  private finalLive = false;
  // blackout
  private stage: 'pages' | 'device' | 'handover' | 'done' = 'pages';
  private deviceLeft = 0;
  private handoverLeft = 0;
  private postcopyAfter = false;
  private owedMs = 0;
  private finishedPostcopy = false;

  constructor(
    private readonly s: Scenario,
    private readonly stepMs: number,
  ) {
    const layout = layoutMemory(s);
    this.pageBytes = layout.pageBytes;
    this.pageCount = layout.pageCount;
    this.wire = wireSizes(this.pageBytes, s.precopy.zeroPageDetection, s.host.zeroScanUs);
    this.state = Array.from({ length: this.pageCount }, (_, p) =>
      p < layout.usedPages ? PageState.NotSent : PageState.Untouched,
    );
    this.marked = Array.from(
      { length: this.pageCount },
      (_, p) => p < (s.precopy.trackFromBoot ? layout.usedPages : this.pageCount),
    );
    this.logged = new Array<boolean>(this.pageCount).fill(false);
    const [wssFrom, wssTo] = wssRange(layout, s.workload.wssMiB);
    this.random = randomLcg(s.seed / 4_294_967_296);
    this.passStartOwed = s.host.passStartMs;
    this.writes = new WriteStream(
      {
        pattern: s.workload.pattern,
        writesPerSec: mibToBytes(s.workload.writeRateMiBps) / this.pageBytes,
        wssFrom,
        wssTo,
        hotFraction: s.workload.hotFractionPct / 100,
        hotWriteShare: s.workload.hotWriteSharePct / 100,
        zipfExponent: s.workload.zipfExponent,
        burstPeriodMs: s.workload.burstPeriodMs,
        burstDuty: s.workload.burstDutyPct / 100,
      },
      this.random,
    );
    // setup: one round trip with the guest running
    this.guestOnSource(s.network.rttMs);
    this.tMs = s.network.rttMs;
    this.windowStart = this.tMs;
    if (s.strategy === 'stopcopy') this.startBlackout('copy');
    else if (s.strategy === 'postcopy') this.startBlackout('switch');
    else this.round = { startMs: this.tMs, endMs: 0, pagesSent: 0, bytesSent: 0, dirtyPagesAtEnd: 0 };
    if (this.wire.zeroScanMs > 0)
      for (let p = 0; p < this.pageCount; p++)
        if (this.marked[p] && this.state[p] === PageState.Untouched) this.lastZeroMarked = p;
  }

  count(predicate: (p: number) => boolean): number {
    let n = 0;
    for (let p = 0; p < this.pageCount; p++) if (predicate(p)) n++;
    return n;
  }

  get markedCount(): number {
    return this.count((p) => this.marked[p]);
  }

  get loggedCount(): number {
    return this.count((p) => this.logged[p]);
  }

  stateCount(state: number): number {
    return this.count((p) => this.state[p] === state);
  }

  private get rate(): number {
    return mbpsToBytesPerMs(this.s.network.linkMbps);
  }

  private guestOnSource(dtMs: number): void {
    this.writes.advance(this.tMs, dtMs, 1, (p) => {
      if (this.state[p] === PageState.Untouched) this.state[p] = PageState.NotSent;
      else if (this.state[p] !== PageState.NotSent) this.state[p] = PageState.Dirtied;
      this.logged[p] = true;
    });
  }

  /** Sends marked pages from the cursor, one at a time, by looking at every page in turn. */
  private sendPages(wrap: boolean, budgetMs: number, budgetBytes: number, rate: number, arrived: number) {
    // The first pass over memory starts with a fixed cost.
    let usedMs = this.passStartOwed;
    this.passStartOwed = 0;
    let bytes = 0;
    let pages = 0;
    let page = this.cursor;
    let left = this.markedCount;
    while (usedMs < budgetMs && bytes < budgetBytes && left > 0) {
      let next = -1;
      for (let p = page; p < this.pageCount; p++)
        if (this.marked[p]) {
          next = p;
          break;
        }
      if (next < 0) {
        if (!wrap) {
          page = this.pageCount;
          break;
        }
        for (let p = 0; p < this.pageCount; p++)
          if (this.marked[p]) {
            next = p;
            break;
          }
      }
      this.marked[next] = false;
      left--;
      if (this.state[next] === PageState.Untouched) {
        bytes += this.wire.zeroBytes;
        usedMs += this.wire.zeroBytes / rate + this.wire.zeroScanMs;
      } else {
        bytes += this.wire.normalBytes;
        usedMs += this.wire.normalBytes / rate;
        this.state[next] = arrived;
      }
      pages++;
      page = next + 1;
    }
    this.cursor = page >= this.pageCount && wrap ? 0 : page;
    return { usedMs, bytes, pages };
  }

  /** One slice of sending: first the time the previous page still needs, then new pages. */
  private sendSlice(sliceMs: number, budgetBytes: number, rate: number, arrived: number, wrap: boolean) {
    const owed = Math.min(this.debtMs, sliceMs);
    this.debtMs -= owed;
    if (this.debtMs > 0) return { bytes: 0, pages: 0, busyMs: sliceMs };
    const budgetMs = sliceMs - owed;
    const r = this.sendPages(wrap, budgetMs, budgetBytes, rate, arrived);
    this.debtMs = Math.max(0, r.usedMs - budgetMs);
    return { bytes: r.bytes, pages: r.pages, busyMs: Math.min(sliceMs, owed + r.usedMs) };
  }

  private syncLog(): void {
    for (let p = 0; p < this.pageCount; p++)
      if (this.logged[p]) {
        this.marked[p] = true;
        this.logged[p] = false;
      }
  }

  step(): void {
    if (this.phase === 'done') return;
    const dt = this.stepMs;
    let used = dt;
    if (this.phase === 'precopy') used = this.s.precopy.stopRule === 'qemu' ? this.qemuStep(dt) : this.xenStep(dt);
    else if (this.phase === 'blackout') used = this.blackoutStep(dt);
    else if (this.phase === 'postcopy') used = this.postcopyStep(dt);
    this.tMs += used;
    this.settle();
  }

  private qemuStep(dt: number): number {
    if (this.mode === 'decide') {
      this.pendingBlackout = this.qemuDecide();
      if (this.pendingBlackout) return 0;
      this.mode = 'send';
      this.chunkStart = this.tMs;
    }
    if (this.mode === 'send') {
      const cap = this.s.network.capMbps;
      const budget = cap > 0 ? mbpsToBytesPerMs(cap) * 100 : Number.POSITIVE_INFINITY;
      const before = this.cursor;
      const r = this.sendSlice(dt, budget - this.windowBytes, this.rate, PageState.SentClean, true);
      if (!this.firstPassDone) {
        let ahead = false;
        for (let p = this.cursor; p < this.pageCount && !ahead; p++) ahead = this.marked[p];
        if (this.cursor < before || !ahead) this.firstPassDone = true;
      }
      this.windowBytes += r.bytes;
      this.account(r, 'precopy');
      if (this.windowBytes >= budget) this.mode = 'sleep';
      else if (this.tMs + dt - this.chunkStart >= 50 || this.markedCount === 0) this.mode = 'decide';
    }
    this.guestOnSource(dt);
    return dt;
  }

  private qemuDecide(): 'copy' | 'switch' | 'abort' | null {
    let synced = false;
    const mayTest = this.firstPassDone || this.lastZeroMarked < 0 || this.cursor > this.lastZeroMarked;
    if (mayTest && this.markedCount * this.pageBytes < this.thresholdBytes) {
      this.syncLog();
      this.closeRound(this.markedCount, true);
      synced = true;
    }
    const pending = this.markedCount * this.pageBytes;
    if (pending === 0 || pending < this.thresholdBytes) return 'copy';
    if (this.s.strategy === 'hybrid' && this.rounds.length >= this.s.hybrid.switchAfterRounds) return 'switch';
    const cap = this.s.precopy.maxIterations;
    if (synced && cap > 0 && this.rounds.length >= cap)
      return this.s.precopy.onNoConvergence === 'abort' ? 'abort' : 'copy';
    return null;
  }

  private closeRound(dirtyAtEnd: number, reopen: boolean): void {
    if (this.round) {
      this.round.endMs = this.tMs;
      this.round.dirtyPagesAtEnd = dirtyAtEnd;
      this.rounds.push(this.round);
    }
    this.round = reopen ? { startMs: this.tMs, endMs: 0, pagesSent: 0, bytesSent: 0, dirtyPagesAtEnd: 0 } : null;
  }

  private account(r: { bytes: number; pages: number }, bucket: 'precopy' | 'downtime' | 'postcopy'): void {
    this.transferred += r.bytes;
    if (bucket === 'precopy') this.precopyBytes += r.bytes;
    else if (bucket === 'downtime') this.downtimeBytes += r.bytes;
    else this.postcopyBytes += r.bytes;
    if (this.round && bucket === 'precopy') {
      this.round.pagesSent += r.pages;
      this.round.bytesSent += r.bytes;
    }
  }

  private xenStep(dt: number): number {
    const cap = this.s.network.capMbps;
    const rate = cap > 0 ? Math.min(this.rate, mbpsToBytesPerMs(cap)) : this.rate;
    const r = this.sendSlice(dt, Infinity, rate, PageState.SentClean, false);
    this.account(r, 'precopy');
    let after = false;
    for (let p = this.cursor; p < this.pageCount; p++) after ||= this.marked[p];
    this.roundDone = !after;
    const used = this.roundDone ? r.busyMs : dt;
    this.guestOnSource(used);
    return used;
  }

  private xenRoundEnd(): 'copy' | 'switch' | 'abort' | null {
    this.syncLog();
    const dirty = this.markedCount;
    const p = this.s.precopy;
    this.closeRound(dirty, false);
    this.cursor = 0;
    if (this.s.strategy === 'hybrid' && this.rounds.length >= this.s.hybrid.switchAfterRounds) return 'switch';
    const capped = p.maxIterations > 0 && this.rounds.length >= p.maxIterations;
    if (this.finalLive) return 'copy';
    if (dirty < p.xenTargetDirtyPages) {
      if (capped) return 'copy';
      this.finalLive = true;
    } else if (capped) return p.onNoConvergence === 'abort' ? 'abort' : 'copy';
    this.round = { startMs: this.tMs, endMs: 0, pagesSent: 0, bytesSent: 0, dirtyPagesAtEnd: 0 };
    return null;
  }

  private settle(): void {
    let next: 'copy' | 'switch' | 'abort' | 'resumed' | 'done' | null = null;
    if (this.phase === 'precopy') {
      if (this.s.precopy.stopRule === 'qemu') {
        next = this.pendingBlackout;
        this.pendingBlackout = null;
        if (!next && this.mode !== 'send' && this.tMs - this.windowStart >= 100) {
          this.thresholdBytes = (this.windowBytes / (this.tMs - this.windowStart)) * this.s.precopy.downtimeLimitMs;
          this.windowStart = this.tMs;
          this.windowBytes = 0;
          this.mode = 'decide';
        }
      } else if (this.roundDone) {
        this.roundDone = false;
        next = this.xenRoundEnd();
      }
    } else if (this.phase === 'blackout' && this.stage === 'done') next = 'resumed';
    else if (this.phase === 'postcopy' && this.finishedPostcopy) next = 'done';
    if (next === 'copy' || next === 'switch') this.startBlackout(next);
    else if (next === 'abort') {
      if (this.round && !(this.round.startMs === this.tMs && this.round.pagesSent === 0))
        this.closeRound(this.markedCount, false);
      this.outcome = 'aborted';
      this.phase = 'done';
    } else if (next === 'resumed') {
      this.blackoutEndMs = this.tMs;
      this.phase = this.postcopyAfter && this.markedCount > 0 ? 'postcopy' : 'done';
      this.cursor = 0;
      this.debtMs = 0;
      if (this.phase === 'postcopy') this.readyAt = new Array<number>(this.s.vm.vcpus).fill(this.tMs);
    } else if (next === 'done') this.phase = 'done';
  }

  private startBlackout(kind: 'copy' | 'switch'): void {
    this.syncLog();
    if (this.round) {
      if (this.round.startMs === this.tMs && this.round.pagesSent === 0) this.round = null;
      else this.closeRound(this.markedCount, false);
    }
    this.phase = 'blackout';
    this.debtMs = 0;
    this.owedMs = 0;
    this.blackoutStartMs = this.tMs;
    this.postcopyAfter = kind === 'switch';
    this.stage = kind === 'copy' ? 'pages' : 'device';
    this.cursor = 0;
    this.deviceLeft = kibToBytes(this.s.vm.deviceStateKiB);
    this.handoverLeft = this.s.host.switchoverMs + this.s.network.rttMs;
  }

  private blackoutStep(dt: number): number {
    let left = dt;
    const rate = this.rate;
    if (this.stage === 'pages') {
      const r = this.sendSlice(left, Infinity, rate, PageState.SentClean, true);
      this.account(r, 'downtime');
      left -= r.busyMs;
      if (this.markedCount === 0) {
        this.stage = 'device';
        this.owedMs = this.debtMs;
        this.debtMs = 0;
      }
    }
    const owed = Math.min(this.owedMs, left);
    this.owedMs -= owed;
    left -= owed;
    if (this.stage === 'device' && left > 0) {
      const bytes = Math.min(this.deviceLeft, rate * left);
      this.deviceLeft -= bytes;
      this.account({ bytes, pages: 0 }, 'downtime');
      left -= bytes / rate;
      if (this.deviceLeft <= 1e-9) this.stage = 'handover';
    }
    if (this.stage === 'handover' && left > 0) {
      const ms = Math.min(left, this.handoverLeft);
      this.handoverLeft -= ms;
      left -= ms;
      if (this.handoverLeft <= 1e-9) this.stage = 'done';
    }
    return this.stage === 'done' ? dt - left : dt;
  }

  private postcopyStep(dt: number): number {
    const rate = this.rate;
    const p = this.s.postcopy;
    const t0 = this.tMs;
    const t1 = t0 + dt;
    const ready = this.readyAt;
    let stalled = 0;
    for (const r of ready) stalled += Math.max(0, Math.min(r, t1) - t0);
    const running = 1 - stalled / (ready.length * dt);
    let faultBytes = 0;
    // Pages still to push, counted once a slice and kept as faults take them.
    let left = this.markedCount;
    const reads = this.s.workload.readsPerWrite;
    const touch = (page: number) => {
      if (this.marked[page]) {
        // The vCPU that is free soonest makes the access, if it is free before the slice ends.
        let v = 0;
        for (let i = 1; i < ready.length; i++) if (ready[i] < ready[v]) v = i;
        const at = Math.max(t0, ready[v]);
        if (at >= t1) return;
        this.marked[page] = false;
        left--;
        const bytes = this.state[page] === PageState.Untouched ? this.wire.zeroBytes : this.wire.normalBytes;
        const queued = p.preempt ? 0 : Math.min(kibToBytes(p.queueKiB), left * this.wire.normalBytes);
        ready[v] = at + this.s.network.rttMs + (queued + bytes) / rate;
        this.faults++;
        this.account({ bytes, pages: 1 }, 'postcopy');
        faultBytes += bytes;
        this.state[page] = PageState.Fetched;
        if (p.prepaging === 'forward') this.cursor = page + 1 < this.pageCount ? page + 1 : 0;
      } else if (this.state[page] === PageState.Untouched && (reads === 0 || this.random() < 1 / (1 + reads)))
        this.state[page] = PageState.SentClean;
    };
    // Reads and writes as one stream of accesses; an access writes with chance 1 / (1 + reads per write).
    this.writes.advance(t0, dt, running * (1 + reads), touch);
    const pushMs = Math.max(0, dt - faultBytes / rate);
    const r = this.sendSlice(pushMs, Infinity, rate, PageState.Pushed, true);
    this.account(r, 'postcopy');
    if (this.markedCount === 0) {
      const busy = Math.min(dt, r.busyMs + faultBytes / rate);
      const end = Math.max(t0 + busy, ...ready);
      if (end <= t1) {
        this.finishedPostcopy = true;
        return Math.max(end - t0, 1e-6);
      }
    }
    return dt;
  }
}
