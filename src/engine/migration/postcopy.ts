import { PageState } from '../memory/pageState';
import { kibToBytes, mbpsToBytesPerMs } from '../units';
import type { Next, PhaseController } from './controller';
import { PageSender } from './sender';
import type { MigrationState } from './state';

/** How far the bubbling pre-pager reaches on either side of a fault, in pages. */
export const BUBBLE_RADIUS_PAGES = 64;

/**
 * Post-copy: the VM runs on the destination while the source pushes the pages it still lacks. A read or a
 * write of a missing page is a fault: that vCPU stops until the page has arrived, a round trip plus the
 * page's time on the wire plus the pushed data already queued ahead of it on the socket (at most the queue,
 * never more than is left to push; none with postcopy-preempt, which gives faults their own channel). A
 * stalled vCPU makes no accesses, so one vCPU is never stalled for longer than the time that passes. After a
 * fault the push continues just past the faulting page (QEMU), or bubbles out around it (Hines and Gopalan);
 * with prepaging off it keeps its address order. The phase ends when the last page has arrived.
 */
export class Postcopy implements PhaseController {
  readonly phase = 'postcopy' as const;
  private readonly sender: PageSender;
  /** When each vCPU's page arrives and it runs again, ms. */
  private readonly readyAtMs: Float64Array;
  private bubbleCenter = -1;
  private bubbleRadius = 0;
  private finishedAt: number | null = null;

  constructor(private readonly s: MigrationState) {
    this.sender = new PageSender(s, s.toSend, true);
    this.readyAtMs = new Float64Array(s.scenario.vm.vcpus).fill(s.tMs);
  }

  expectedDowntimeMs(): number {
    return 0;
  }

  step(dtMs: number): number {
    const s = this.s;
    const p = s.scenario.postcopy;
    const rate = s.copyRateBytesPerMs('postcopy');
    const t0 = s.tMs;
    const t1 = t0 + dtMs;
    const ready = this.readyAtMs;
    const vcpus = ready.length;
    // vCPU time lost this slice to stalls that began earlier; faults made below add theirs.
    let stalledMs = 0;
    for (let v = 0; v < vcpus; v++) stalledMs += Math.max(0, Math.min(ready[v], t1) - t0);
    const running = 1 - stalledMs / (vcpus * dtMs);
    let faultBytes = 0;
    const { mem, toSend, audit, wire } = s;
    const states = mem.states;
    // Reads go over the same pages as writes: one stream of accesses, (1 + reads per write) times the
    // writes, each one a write with chance 1 / (1 + reads per write). Whether it wrote only matters for a
    // zero page already there (it now holds data) and for the audit.
    const readsPerWrite = s.scenario.workload.readsPerWrite;
    const writeShare = 1 / (1 + readsPerWrite);
    const wrote = () => readsPerWrite === 0 || s.random() < writeShare;
    const touch = (page: number) => {
      if (toSend.has(page)) {
        // The access that wants a missing page: the vCPU free soonest makes it, if it is free in this slice.
        let v = 0;
        for (let i = 1; i < vcpus; i++) if (ready[i] < ready[v]) v = i;
        const atMs = Math.max(t0, ready[v]);
        if (atMs >= t1) return;
        toSend.delete(page);
        const bytes = states[page] === PageState.Untouched ? wire.zeroBytes : wire.normalBytes;
        // During a network drop the page can only come once the link is back.
        const waitMs = s.linkDown ? s.linkDownUntilMs - atMs : 0;
        const queued = p.preempt ? 0 : Math.min(kibToBytes(p.queueKiB), toSend.count * wire.normalBytes);
        const latency = waitMs + s.live.rttMs + (rate > 0 ? (queued + bytes) / rate : 0);
        ready[v] = atMs + latency;
        stalledMs += Math.min(ready[v], t1) - atMs;
        s.counters.faults++;
        s.counters.faultStallMs += latency;
        s.countBytes(bytes, bytes === wire.normalBytes ? 1 : 0, bytes === wire.normalBytes ? 0 : 1, 'postcopy');
        faultBytes += bytes;
        mem.faulted(page);
        if (audit) audit.destination[page] = audit.version[page];
        this.afterFault(page);
      } else if (states[page] === PageState.Untouched && wrote()) mem.set(page, PageState.SentClean);
      if (audit) {
        // Read or written, the destination's copy is the current one after the access.
        if (audit.destination[page] !== audit.version[page]) audit.staleTouches++;
        audit.version[page]++;
        audit.destination[page] = audit.version[page];
      }
    };
    const accesses = s.writes.advance(t0, dtMs, s.writeSpeed() * (1 + readsPerWrite) * running, touch);
    s.counters.writes += accesses * writeShare;
    s.loseWork(dtMs, false, Math.min(1, stalledMs / (vcpus * dtMs)));
    const capBytesPerMs = p.capMbps > 0 ? Math.min(rate, mbpsToBytesPerMs(p.capMbps)) : rate;
    const faultMs = rate > 0 ? faultBytes / rate : dtMs;
    const pushMs = Math.max(0, dtMs - faultMs);
    let pushed = this.pushBubble(pushMs, capBytesPerMs);
    if (pushed.usedMs < pushMs) {
      const r = this.sender.send(pushMs - pushed.usedMs, Infinity, capBytesPerMs, PageState.Pushed, 'postcopy');
      pushed = { usedMs: pushed.usedMs + r.busyMs, bytes: pushed.bytes + r.bytes };
    }
    const busyMs = Math.min(dtMs, pushed.usedMs + (rate > 0 ? faultBytes / rate : 0));
    s.counters.sourceBusyMs += busyMs;
    s.accountLink(dtMs, faultBytes + pushed.bytes);
    if (toSend.count === 0 && this.finishedAt === null) {
      // Done once the push is out and every fetched page has arrived.
      const lastArrival = ready.reduce((m, r) => Math.max(m, r), t0);
      const endMs = Math.max(t0 + busyMs, lastArrival);
      if (endMs <= t1) {
        this.finishedAt = endMs;
        return Math.max(endMs - t0, 1e-6);
      }
    }
    return dtMs;
  }

  settle(): Next | null {
    return this.finishedAt !== null ? { kind: 'done' } : null;
  }

  private afterFault(page: number): void {
    const mode = this.s.scenario.postcopy.prepaging;
    if (mode === 'forward') this.sender.cursor = page + 1 < this.s.layout.pageCount ? page + 1 : 0;
    else if (mode === 'bubble') {
      this.bubbleCenter = page;
      this.bubbleRadius = 1;
    }
  }

  /** Bubbling: push the neighbours of the last fault, alternating after and before it. */
  private pushBubble(budgetMs: number, rate: number): { usedMs: number; bytes: number } {
    const s = this.s;
    let usedMs = 0;
    let bytes = 0;
    while (this.bubbleCenter >= 0 && usedMs < budgetMs && rate > 0) {
      if (this.bubbleRadius > BUBBLE_RADIUS_PAGES) {
        this.sender.cursor = Math.min(s.layout.pageCount - 1, this.bubbleCenter + BUBBLE_RADIUS_PAGES + 1);
        this.bubbleCenter = -1;
        break;
      }
      for (const page of [this.bubbleCenter + this.bubbleRadius, this.bubbleCenter - this.bubbleRadius]) {
        if (page < 0 || page >= s.layout.pageCount || !s.toSend.has(page)) continue;
        const r = s.send(s.toSend, page, false, budgetMs - usedMs, 1, rate, PageState.Pushed, 'postcopy');
        usedMs += r.usedMs;
        bytes += r.bytes;
      }
      this.bubbleRadius++;
    }
    return { usedMs, bytes };
  }
}
