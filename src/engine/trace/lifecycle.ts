import { attestationNote, validateStepMs } from '../confidential/tdxFacts';
import type { Scenario } from '../scenario/schema';
import { runEndMs, type RunVerdict } from './summary';
import type { LifecycleStep, LifecycleStepKind, Phase, StepStatus, Summary } from './types';

const LABELS: Record<LifecycleStepKind, string> = {
  allocate: 'Allocate at the destination',
  validate: 'Validate compatibility',
  copy: 'Iterative copy (brownout)',
  blackout: 'Stop-and-copy (blackout) and commit',
  redirect: 'Redirect the network',
  resume: 'Resume on the target (target brownout)',
  'delete-source': 'Delete the source',
};

const ms = (t: number) => `${(t / 1000).toFixed(t < 10_000 ? 2 : 1)} s`;

/**
 * The seven steps of a migration as this run went through them, with times, a status each and what
 * happened in it. Steps after a refusal or a failure are skipped; deleting the source is blocked while
 * something still depends on it.
 */
export function buildLifecycle(s: Scenario, phases: Phase[], v: RunVerdict, summary: Summary): LifecycleStep[] {
  const steps: LifecycleStep[] = [];
  const add = (step: LifecycleStepKind, startMs: number, endMs: number, status: StepStatus, detail: string) =>
    steps.push({ step, label: LABELS[step], startMs, endMs: Math.max(startMs, endMs), status, detail });
  // The run's end on its own timeline (under the qemu profile the total time starts later, at migrate).
  const end = runEndMs(summary);
  const allocEnd = Math.min(s.host.allocateMs, end);
  const validEnd = Math.min(s.host.allocateMs + validateStepMs(s), end);

  if (v.refusedAt === 'allocate') {
    add('allocate', 0, allocEnd, 'refused', v.refusals.join('; '));
  } else
    add(
      'allocate',
      0,
      allocEnd,
      'done',
      `${s.vm.memoryMiB} MiB and ${s.vm.vcpus} ${s.vm.vcpus === 1 ? 'vCPU' : 'vCPUs'} reserved`,
    );
  if (v.refusedAt === 'validate') add('validate', allocEnd, validEnd, 'refused', v.refusals.join('; '));
  else if (v.refusedAt === null)
    add(
      'validate',
      allocEnd,
      validEnd,
      'done',
      v.offline
        ? `cannot move live: ${v.offline === 'drain-checkpoint' ? 'drain and checkpoint after notice' : 'terminate and restart'}`
        : `CPU features, firmware and drivers compatible${attestationNote(s)}`,
    );
  if (v.refusedAt) {
    for (const step of ['copy', 'blackout', 'redirect', 'resume', 'delete-source'] as const)
      add(step, end, end, 'skipped', 'not reached: refused before anything was copied');
    if (v.refusedAt === 'allocate') add('validate', end, end, 'skipped', 'not reached');
    return order(steps);
  }

  const paused = v.pausedAtMs;
  const resumed = v.resumedAtMs;
  const unfinished = v.outcome === 'unfinished';
  const failedText = unfinished ? 'still under way when the simulation stopped' : (v.failure ?? 'migration abandoned');
  // Step 3: from the connection to the pause (or to the end, when it never paused).
  const copyEnd = paused ?? end;
  const copyStatus: StepStatus =
    paused === null && unfinished ? 'unfinished' : paused === null && v.outcome !== 'completed' ? 'failed' : 'done';
  const copyDetail =
    v.offline === 'drain-checkpoint'
      ? 'advance notice: the workload drained and checkpointed'
      : v.offline
        ? 'nothing copied live: the VM is terminated'
        : s.strategy === 'stopcopy' || s.strategy === 'postcopy'
          ? 'no live rounds: this strategy copies everything later'
          : copyStatus === 'failed' || copyStatus === 'unfinished'
            ? failedText
            : `${summary.iterations} ${summary.iterations === 1 ? 'round' : 'rounds'} while the VM ran (control-plane actions refused meanwhile)`;
  add('copy', validEnd, copyEnd, copyStatus, copyDetail);

  if (paused === null) {
    for (const step of ['blackout', 'redirect', 'resume', 'delete-source'] as const)
      add(
        step,
        end,
        end,
        'skipped',
        v.outcome === 'failed' || unfinished ? failedText : 'not reached: the VM stays on the source',
      );
    return order(steps);
  }
  const blackoutEnd = resumed ?? end;
  const blackoutFailed = resumed === null;
  add(
    'blackout',
    paused,
    blackoutEnd,
    blackoutFailed ? (unfinished ? 'unfinished' : 'failed') : 'done',
    blackoutFailed
      ? failedText
      : v.offline
        ? `VM down for ${ms(blackoutEnd - paused)} while it restarts on the destination`
        : phases.some((p) => p.kind === 'postcopy')
          ? `VM stopped for ${ms(blackoutEnd - paused)} while its device state moved; the switchover is the point of no return: the destination runs the VM from here and fetches the rest from the source`
          : `VM stopped for ${ms(blackoutEnd - paused)}; committed when the destination acknowledged; the guest clock is ${ms(summary.clockJumpMs)} behind on resume`,
  );
  if (resumed === null) {
    for (const step of ['redirect', 'resume', 'delete-source'] as const)
      add(step, end, end, 'skipped', v.outcome === 'aborted' ? 'the VM resumed on the source' : failedText);
    return order(steps);
  }
  add(
    'redirect',
    resumed,
    resumed + s.host.announceMs,
    'done',
    'gratuitous ARP: the VM keeps its IP and MAC addresses, and the switches learn the MAC now sits behind the destination; packets sent during the blackout were lost and are retransmitted',
  );
  const postcopyEnd = phases.filter((p) => p.kind === 'postcopy').reduce((e, p) => Math.max(e, p.endMs), resumed);
  const resumeEnd = Math.max(resumed + s.host.forwardingMs, postcopyEnd);
  const lost = v.outcome === 'failed';
  // Only a completed migration frees the source: a lost VM, an abort or a run still going never do.
  const notDone = v.outcome !== 'completed';
  add(
    'resume',
    resumed,
    lost ? Math.max(resumed, v.lostAtMs ?? resumed) : unfinished ? end : resumeEnd,
    lost ? 'failed' : unfinished ? 'unfinished' : v.outcome === 'aborted' ? 'failed' : 'done',
    lost || notDone
      ? failedText
      : `running on the destination; the source forwards stray packets for ${ms(s.host.forwardingMs)}${postcopyEnd > resumed ? `, and serves missing pages until ${ms(postcopyEnd)}` : ''}`,
  );
  if (notDone) add('delete-source', end, end, 'skipped', failedText);
  else if (summary.residualDependencies.length)
    add(
      'delete-source',
      resumeEnd,
      resumeEnd,
      'blocked',
      `the source must stay: ${summary.residualDependencies.join('; ')}`,
    );
  else
    add(
      'delete-source',
      resumeEnd,
      resumeEnd + s.host.teardownMs,
      'done',
      'no residual dependencies: the source is free',
    );
  return order(steps);
}

const ORDER: LifecycleStepKind[] = ['allocate', 'validate', 'copy', 'blackout', 'redirect', 'resume', 'delete-source'];
const order = (steps: LifecycleStep[]) => ORDER.map((k) => steps.find((s) => s.step === k)!);
