import { PageState } from '../memory/pageState';
import type { BlackoutParts } from '../trace/types';
import { bytesPerMsToMbps, kibToBytes } from '../units';
import type { Next, PhaseController } from './controller';
import { PageSender } from './sender';
import type { MigrationState } from './state';

type Stage = 'pages' | 'device' | 'switchover' | 'ack' | 'done';

/**
 * The blackout: the VM is paused on the source. Whatever is still marked goes at the stream's full rate
 * (QEMU lifts the bandwidth cap here; the link share and the hosts' copy speed still bound it), then the device state, then the vCPUs stop for good on the source
 * (the switchover's fixed cost) and the destination acknowledges over one round trip, after which they
 * start there. With `pagesToo` false (the switch to post-copy) the pages stay behind and only device
 * state moves. Nothing that has to cross the link moves while it is down, not even an empty device
 * package or the acknowledgement.
 *
 * Every millisecond of the blackout is booked to one part (see BlackoutParts), so the parts add up to
 * the downtime by construction; the explanation panels show them as they are.
 */
export class FinalCopy implements PhaseController {
  readonly phase = 'blackout' as const;
  private stage: Stage;
  private deviceBytesLeft: number;
  private switchoverMsLeft: number;
  private ackMsLeft: number;
  private readonly sender: PageSender;
  /** Time the last page sent still owes before the next stage can start, ms. */
  private owedMs = 0;
  readonly parts: BlackoutParts = {
    pages: 0,
    encodedPages: 0,
    pageBytes: 0,
    pagesMs: 0,
    zeroPages: 0,
    zeroBytes: 0,
    zeroWireMs: 0,
    zeroScanMs: 0,
    encodeMs: 0,
    passStartMs: 0,
    deviceBytes: 0,
    deviceMs: 0,
    switchoverMs: 0,
    ackMs: 0,
    linkDownMs: 0,
    copyMbps: 0,
  };

  constructor(
    private readonly s: MigrationState,
    pagesToo: boolean,
  ) {
    this.stage = pagesToo ? 'pages' : 'device';
    this.sender = new PageSender(s, s.toSend, true);
    this.deviceBytesLeft = kibToBytes(s.scenario.vm.deviceStateKiB);
    this.switchoverMsLeft = s.scenario.host.switchoverMs;
    this.ackMsLeft = s.live.rttMs;
  }

  expectedDowntimeMs(): number {
    return 0;
  }

  /** The destination holds everything: pages and device state. Only the switchover and acknowledgement are left. */
  get dataComplete(): boolean {
    return this.stage === 'switchover' || this.stage === 'ack' || this.stage === 'done';
  }

  /**
   * The parts as far as the blackout got, for one cut short by a fault: the page still on the wire was
   * booked whole when it went, so what it still owes comes off again.
   */
  partsSoFar(): BlackoutParts {
    const p = { ...this.parts };
    let owed = this.sender.debtMs + this.owedMs;
    for (const key of ['pagesMs', 'encodeMs', 'zeroScanMs', 'zeroWireMs', 'passStartMs'] as const) {
      const back = Math.min(owed, p[key]);
      p[key] -= back;
      owed -= back;
    }
    return p;
  }

  /** Link-only time of what the blackout sent (pages and markers on the wire, device state), ms. */
  get linkOnlyMs(): number {
    return this.parts.pagesMs + this.parts.zeroWireMs + this.parts.deviceMs;
  }

  step(dtMs: number): number {
    const s = this.s;
    const p = this.parts;
    const rate = s.copyRateBytesPerMs('blackout');
    let left = dtMs;
    let sent = 0;
    if (this.stage === 'pages') {
      const r = this.sender.send(left, Infinity, rate, PageState.SentClean, 'downtime');
      sent += r.bytes;
      const normal = r.pages - r.zeroPages;
      const zeroBytes = r.zeroPages * s.wire.zeroBytes;
      p.pages += normal;
      p.encodedPages += r.encodedPages;
      p.pageBytes += r.bytes - zeroBytes;
      p.zeroPages += r.zeroPages;
      p.zeroBytes += zeroBytes;
      // Each page is booked at the rate it went at, whole, even the part that runs into the next slice.
      if (rate > 0) {
        p.pagesMs += (r.bytes - zeroBytes) / rate;
        p.zeroWireMs += zeroBytes / rate;
      }
      p.zeroScanMs += r.scanMs;
      p.encodeMs += r.encodeMs;
      p.passStartMs += r.startMs;
      p.linkDownMs += r.busyMs < left && s.toSend.count > 0 ? left - r.busyMs : 0;
      left = s.toSend.count > 0 ? 0 : left - r.busyMs;
      if (s.toSend.count === 0) {
        this.stage = 'device';
        this.owedMs = this.sender.takeDebt();
      }
    }
    const owed = Math.min(this.owedMs, left);
    this.owedMs -= owed;
    left -= owed;
    if (this.stage === 'device' && left > 0) {
      if (rate <= 0) {
        p.linkDownMs += left;
        left = 0;
      } else {
        const bytes = Math.min(this.deviceBytesLeft, rate * left);
        this.deviceBytesLeft -= bytes;
        s.countBytes(bytes, 0, 0, 'downtime');
        sent += bytes;
        p.deviceBytes += bytes;
        p.deviceMs += bytes / rate;
        left -= bytes / rate;
        if (this.deviceBytesLeft <= 1e-9) this.stage = 'switchover';
      }
    }
    if (this.stage === 'switchover' && left > 0) {
      const ms = Math.min(left, this.switchoverMsLeft);
      this.switchoverMsLeft -= ms;
      p.switchoverMs += ms;
      left -= ms;
      if (this.switchoverMsLeft <= 1e-9) this.stage = 'ack';
    }
    if (this.stage === 'ack' && left > 0) {
      // The acknowledgement is a round trip: it waits while the link is down.
      if (s.linkDown) {
        p.linkDownMs += left;
        left = 0;
      } else {
        const ms = Math.min(left, this.ackMsLeft);
        this.ackMsLeft -= ms;
        p.ackMs += ms;
        left -= ms;
        if (this.ackMsLeft <= 1e-9) this.stage = 'done';
      }
    }
    const usedMs = this.stage === 'done' ? dtMs - left : dtMs;
    const wireMs = p.pagesMs + p.zeroWireMs;
    p.copyMbps = wireMs > 0 ? bytesPerMsToMbps((p.pageBytes + p.zeroBytes) / wireMs) : 0;
    s.counters.sourceBusyMs += usedMs;
    s.idleGuest(usedMs);
    s.accountLink(usedMs, sent);
    return usedMs;
  }

  settle(): Next | null {
    return this.stage === 'done' ? { kind: 'resumed' } : null;
  }
}
