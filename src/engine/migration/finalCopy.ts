import { PageState } from '../memory/pageState';
import { kibToBytes } from '../units';
import type { Next, PhaseController } from './controller';
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
  private cursor = 0;
  /** Bytes the blackout had to send, and how long the link alone needed for them. */
  linkOnlyMs = 0;
  finalPages = 0;

  constructor(
    private readonly s: MigrationState,
    pagesToo: boolean,
  ) {
    this.stage = pagesToo ? 'pages' : 'device';
    this.finalPages = pagesToo ? s.toSend.count : 0;
    this.deviceBytesLeft = kibToBytes(s.scenario.vm.deviceStateKiB);
    this.handoverMsLeft = s.scenario.host.switchoverMs + s.live.rttMs;
  }

  expectedDowntimeMs(): number {
    return 0;
  }

  step(dtMs: number): number {
    const s = this.s;
    const rate = s.linkSplit().migrationBytesPerMs;
    let left = dtMs;
    let sent = 0;
    if (this.stage === 'pages') {
      const r = s.send(s.toSend, this.cursor, true, left, Infinity, rate, PageState.SentClean, 'downtime');
      this.cursor = r.cursor;
      sent += r.bytes;
      this.linkOnlyMs += rate > 0 ? r.bytes / rate : 0;
      left -= Math.min(left, r.usedMs);
      if (s.toSend.count === 0) this.stage = 'device';
    }
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
