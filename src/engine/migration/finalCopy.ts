import { PageState } from '../memory/pageState';
import { kibToBytes } from '../units';
import type { Next, PhaseController } from './controller';
import { PageSender } from './sender';
import type { MigrationState } from './state';

/**
 * The blackout: the VM is paused on the source. Whatever is still marked goes at full link speed (QEMU
 * lifts the bandwidth cap here), then the device state, then the destination acknowledges (commit, one
 * round trip) and the vCPUs start there. With `pagesToo` false (the switch to post-copy) the pages stay
 * behind for post-copy and only device state moves.
 */
export class FinalCopy implements PhaseController {
  readonly phase = 'blackout' as const;
  private stage: 'pages' | 'device' | 'handover' | 'done';
  private deviceBytesLeft: number;
  private handoverMsLeft: number;
  /** Time the last page still needs before the next stage can start, ms. */
  private owedMs = 0;
  private readonly sender: PageSender;
  /** How long the link alone needed for what the blackout sent, ms. */
  linkOnlyMs = 0;

  constructor(
    private readonly s: MigrationState,
    pagesToo: boolean,
  ) {
    this.stage = pagesToo ? 'pages' : 'device';
    this.sender = new PageSender(s, s.toSend, true);
    this.deviceBytesLeft = kibToBytes(s.scenario.vm.deviceStateKiB);
    this.handoverMsLeft = s.scenario.host.switchoverMs + s.live.rttMs;
  }

  expectedDowntimeMs(): number {
    return 0;
  }

  /** The destination holds everything: pages and device state. Only the acknowledgement is left. */
  get dataComplete(): boolean {
    return this.stage === 'handover' || this.stage === 'done';
  }

  step(dtMs: number): number {
    const s = this.s;
    const rate = s.copyRateBytesPerMs('blackout');
    let left = dtMs;
    let sent = 0;
    if (this.stage === 'pages') {
      const r = this.sender.send(left, Infinity, rate, PageState.SentClean, 'downtime');
      sent += r.bytes;
      this.linkOnlyMs += rate > 0 ? r.bytes / rate : 0;
      left -= r.busyMs;
      if (s.toSend.count === 0) {
        this.stage = 'device';
        this.owedMs = this.sender.takeDebt();
      }
    }
    const owed = Math.min(this.owedMs, left);
    this.owedMs -= owed;
    left -= owed;
    if (this.stage === 'device' && left > 0) {
      const bytes = Math.min(this.deviceBytesLeft, rate * left);
      this.deviceBytesLeft -= bytes;
      s.countBytes(bytes, 0, 0, 'downtime');
      sent += bytes;
      this.linkOnlyMs += rate > 0 ? bytes / rate : 0;
      left -= rate > 0 ? bytes / rate : left;
      if (this.deviceBytesLeft <= 1e-9) this.stage = 'handover';
    }
    if (this.stage === 'handover' && left > 0) {
      const ms = Math.min(left, this.handoverMsLeft);
      this.handoverMsLeft -= ms;
      left -= ms;
      if (this.handoverMsLeft <= 1e-9) this.stage = 'done';
    }
    const usedMs = this.stage === 'done' ? dtMs - left : dtMs;
    s.counters.sourceBusyMs += usedMs;
    s.idleGuest(usedMs);
    s.accountLink(usedMs, sent);
    return usedMs;
  }

  settle(): Next | null {
    return this.stage === 'done' ? { kind: 'resumed' } : null;
  }
}
