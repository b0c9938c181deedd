import type { LifecycleStep, Trace } from '../../engine';
import { runEndMs } from '../../engine';

/**
 * Whether a control-plane action (resize, reconfigure) is accepted at the playhead: refused from the start
 * of the migration until it is over, whatever the strategy (in post-copy the VM runs on the destination
 * but still depends on the source until its last page has arrived), so the VM's definition cannot shift
 * underneath it.
 */
export function controlPlaneVerdict(
  trace: Trace & { lifecycle: LifecycleStep[] },
  tMs: number,
): { accepted: boolean; text: string } {
  const s = trace.summary;
  const copy = trace.lifecycle.find((step) => step.step === 'copy')!;
  const start = trace.lifecycle[0].startMs;
  const lostAt = trace.events.find((e) => e.kind === 'vm-lost')?.tMs;
  if (lostAt !== undefined && tMs >= lostAt) return { accepted: false, text: 'Refused: the VM is gone.' };
  const migrating = copy.status !== 'skipped' && tMs >= start && (tMs < runEndMs(s) || s.outcome === 'unfinished');
  if (migrating) {
    const postcopy = trace.phases.some((p) => p.kind === 'postcopy' && tMs >= p.startMs && tMs < p.endMs);
    return {
      accepted: false,
      text: postcopy
        ? 'Refused: the VM runs on the destination but still fetches pages from the source; the control plane stays blocked until the migration has finished.'
        : 'Refused: the VM is being migrated. Resizing or reconfiguring waits until the migration is over, so its definition cannot change underneath the copy.',
    };
  }
  if (s.vmLocation === 'lost') return { accepted: false, text: 'Refused: the VM is gone.' };
  const where = s.vmLocation === 'destination' && tMs >= runEndMs(s) ? 'destination' : 'source';
  return { accepted: true, text: `Accepted: the resize is applied to the VM on the ${where} host.` };
}
