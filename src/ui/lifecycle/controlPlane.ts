import type { LifecycleStep, Trace } from '../../engine';

/**
 * Whether a control-plane action (resize, reconfigure) is accepted at the playhead: refused while the
 * migration is under way, so the VM's definition cannot shift underneath it.
 */
export function controlPlaneVerdict(
  trace: Trace & { lifecycle: LifecycleStep[] },
  tMs: number,
): { accepted: boolean; text: string } {
  const copy = trace.lifecycle.find((s) => s.step === 'copy')!;
  const blackout = trace.lifecycle.find((s) => s.step === 'blackout')!;
  const migratingUntil = blackout.status === 'done' ? blackout.endMs : trace.summary.totalTimeMs;
  const start = trace.lifecycle[0].startMs;
  if (tMs >= start && tMs < migratingUntil && copy.status !== 'skipped')
    return {
      accepted: false,
      text: 'Refused: the VM is being migrated. Resizing or reconfiguring waits until the migration is over, so its definition cannot change underneath the copy.',
    };
  if (trace.summary.vmLocation === 'lost') return { accepted: false, text: 'Refused: the VM is gone.' };
  const where = trace.summary.vmLocation === 'destination' && tMs >= migratingUntil ? 'destination' : 'source';
  return { accepted: true, text: `Accepted: the resize is applied to the VM on the ${where} host.` };
}
