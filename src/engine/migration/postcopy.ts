import { PageState } from '../memory/pageState';
import { kibToBytes, mbpsToBytesPerMs } from '../units';
import type { Next, PhaseController } from './controller';
import { PageSender } from './sender';
import type { MigrationState } from './state';

/** How far the bubbling pre-pager reaches on either side of a fault, in pages. */
export const BUBBLE_RADIUS_PAGES = 64;

/**
 * Post-copy: the VM runs on the destination while the source pushes the pages it still lacks. A touch of
 * a missing page is a fault: that vCPU waits a round trip plus the page's time on the wire (plus the queue
 * of pushed data ahead of it, unless postcopy-preempt gives faults their own channel), and the page comes
 * first. After a fault the push continues just past the faulting page (QEMU), or bubbles out around it
 * (Hines and Gopalan); with prepaging off it keeps its address order.
 */
export class Postcopy implements PhaseController {
  readonly phase = 'postcopy' as const;
  private readonly sender: PageSender;
  private bubbleCenter = -1;
  private bubbleRadius = 0;
  private finishedAt: number | null = null;

  constructor(private readonly s: MigrationState) {
    this.sender = new PageSender(s, s.toSend, true);
  }

  expectedDowntimeMs(): number {
    return 0;
  }

  step(dtMs: number): number {
    const s = this.s;
    const p = s.scenario.postcopy;
    const rate = s.linkSplit().migrationBytesPerMs;
    // vCPU time this slice, less what earlier faults still owe.
    const vcpuMs = s.scenario.vm.vcpus * dtMs;
    const stalled = Math.min(s.stallDebtMs, vcpuMs);
    s.stallDebtMs -= stalled;
    const speed = 1 - stalled / vcpuMs;
    s.loseWork(dtMs, false, 1 - speed);
    let faultBytes = 0;
    const queueMs = p.preempt || rate <= 0 ? 0 : kibToBytes(p.queueKiB) / rate;
    const { mem, toSend, audit, wire } = s;
    const states = mem.states;
    s.counters.writes += s.writes.advance(s.tMs, dtMs, s.writeSpeed() * speed, (page) => {
      if (toSend.delete(page)) {
        const bytes = states[page] === PageState.Untouched ? wire.zeroBytes : wire.normalBytes;
        // During a network drop the page can only come once the link is back.
        const waitMs = s.linkDown ? s.linkDownUntilMs - s.tMs : 0;
        const latency = waitMs + s.live.rttMs + (rate > 0 ? bytes / rate : 0) + queueMs;
        s.stallDebtMs += latency;
        s.counters.faults++;
        s.counters.faultStallMs += latency;
        s.countBytes(bytes, bytes === wire.normalBytes ? 1 : 0, bytes === wire.normalBytes ? 0 : 1, 'postcopy');
        faultBytes += bytes;
        mem.faulted(page);
        if (audit) audit.destination[page] = audit.version[page];
        this.afterFault(page);
      } else if (states[page] === PageState.Untouched) {
        mem.set(page, PageState.SentClean);
      }
      if (audit) {
        if (audit.destination[page] !== audit.version[page]) audit.staleTouches++;
        audit.version[page]++;
        audit.destination[page] = audit.version[page];
      }
    });
    const capBytesPerMs = p.capMbps > 0 ? Math.min(rate, mbpsToBytesPerMs(p.capMbps)) : rate;
    const pushMs = Math.max(0, dtMs - (rate > 0 ? faultBytes / rate : dtMs));
    let pushed = this.pushBubble(pushMs, capBytesPerMs);
    if (pushed.usedMs < pushMs) {
      const r = this.sender.send(pushMs - pushed.usedMs, Infinity, capBytesPerMs, PageState.Pushed, 'postcopy');
      pushed = { usedMs: pushed.usedMs + r.busyMs, bytes: pushed.bytes + r.bytes };
    }
    s.counters.sourceBusyMs += Math.min(dtMs, pushed.usedMs + (rate > 0 ? faultBytes / rate : 0));
    s.accountLink(dtMs, faultBytes + pushed.bytes);
    if (toSend.count === 0 && this.finishedAt === null) {
      const usedMs = Math.min(dtMs, pushed.usedMs + (rate > 0 ? faultBytes / rate : 0));
      this.finishedAt = s.tMs + usedMs;
      return Math.max(usedMs, 1e-6);
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
