import { mibToBytes, mibpsToBytesPerMs } from '../units';
import type { Next, PhaseController } from './controller';
import type { MigrationState } from './state';

/**
 * A local disk moved ahead of memory (a local name: the state has to travel). The bulk copy sends every
 * block; the guest keeps writing, and writes to blocks already sent must go again. Once the bulk is done,
 * further writes are mirrored to the destination as they happen, which costs link bandwidth while memory
 * migrates.
 */
export class DiskCopy implements PhaseController {
  readonly phase = 'disk' as const;
  private readonly totalBytes: number;
  private remainingBytes: number;

  constructor(private readonly s: MigrationState) {
    this.totalBytes = mibToBytes(s.scenario.resources.diskGiB * 1024);
    this.remainingBytes = this.totalBytes;
  }

  expectedDowntimeMs(): number {
    return 0;
  }

  step(dtMs: number): number {
    const s = this.s;
    const rate = s.linkSplit().migrationBytesPerMs;
    const copiedShare = 1 - this.remainingBytes / this.totalBytes;
    this.remainingBytes += mibpsToBytesPerMs(s.scenario.resources.diskWriteMiBps) * dtMs * copiedShare;
    const usedMs = Math.min(dtMs, rate > 0 ? this.remainingBytes / rate : dtMs);
    const bytes = rate * usedMs;
    this.remainingBytes = Math.max(0, this.remainingBytes - bytes);
    s.counters.diskBytes += bytes;
    s.counters.transferredBytes += bytes;
    s.counters.sourceBusyMs += usedMs;
    s.runGuestOnSource(usedMs, true);
    s.accountLink(usedMs, bytes);
    return usedMs;
  }

  settle(): Next | null {
    if (this.remainingBytes > 1e-6) return null;
    this.s.diskMirrorBytesPerMs = mibpsToBytesPerMs(this.s.scenario.resources.diskWriteMiBps);
    return { kind: 'disk-done' };
  }
}
