import { mibToBytes } from '../units';
import type { Next, PhaseController } from './controller';
import type { MigrationState } from './state';

/**
 * For a VM that cannot move live. drain: after advance notice the workload stops taking new work and
 * checkpoints what it holds (the guest runs, doing little). offline: the VM is shut down, its local disk
 * (if any) copied, and it boots on the destination; nothing of its memory moves.
 */
export class OfflineMove implements PhaseController {
  private leftMs: number;

  constructor(
    private readonly s: MigrationState,
    readonly phase: 'drain' | 'offline',
  ) {
    const sc = s.scenario;
    if (phase === 'drain') this.leftMs = sc.devices.checkpointS * 1000;
    else {
      const rate = s.linkSplit().migrationBytesPerMs;
      const diskBytes = sc.resources.disk === 'copy' ? mibToBytes(sc.resources.diskGiB * 1024) : 0;
      s.counters.diskBytes += diskBytes;
      s.counters.transferredBytes += diskBytes;
      this.leftMs = (rate > 0 ? diskBytes / rate : 0) + sc.devices.restartS * 1000;
    }
  }

  expectedDowntimeMs(): number {
    return 0;
  }

  step(dtMs: number): number {
    const used = Math.min(dtMs, this.leftMs);
    this.leftMs -= used;
    if (this.phase === 'drain') {
      this.s.lastVmSpeed = 0.5;
      this.s.counters.vmLostMs += 0.5 * used;
      this.s.counters.lost.drainMs += 0.5 * used;
    } else this.s.idleGuest(used);
    this.s.accountLink(used, 0);
    return used;
  }

  settle(): Next | null {
    if (this.leftMs > 1e-9) return null;
    return this.phase === 'drain' ? { kind: 'drained' } : { kind: 'resumed' };
  }
}
