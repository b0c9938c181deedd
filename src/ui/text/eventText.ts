import type { EventOf, TraceEvent } from '../../engine';
import type { Trace } from '../../engine';
import { formatBytes, formatMbps, formatMiB, formatMs } from '../format';
import { interventionParts } from '../timeline/timelineText';
import { failureText, STOP_REASON_LABELS, STRATEGY_NAMES } from './outcomeText';
import { count } from './plural';

/** The run's events as sentences: the engine records figures, this module words them (nothing else does). */

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const REFUSAL_STAGES: Record<EventOf<'refused'>['stage'], string> = {
  allocation: 'The destination cannot take the VM',
  compatibility: 'The destination cannot run this VM',
  'not live-migratable': 'The platform will not move this VM live',
};

const RECORD_STATUS: Record<EventOf<'record-status'>['status'], string> = {
  setup: 'QEMU started the migration (setup)',
  active: 'Setup done: pre-copy rounds began',
  'postcopy-active': 'Post-copy: the destination ran the VM and pulled the rest',
  completed: 'Migration complete',
  cancelled: 'Migration cancelled: the VM stayed on the source',
  failed: 'Migration failed: the VM stayed on the source',
  resumed: 'The VM ran again',
};

function syncText(e: EventOf<'sync'>): string {
  const marked = `${count(e.pages, 'page')} (${formatBytes(e.bytes)})`;
  const parts =
    e.carriedPages > 0
      ? `${count(e.carriedPages, 'page')} the round had not reached and ${count(e.newPages, 'page')} written since the last sync`
      : `${count(e.newPages, 'page')} written during the round`;
  const then =
    e.nextRound === null
      ? 'pre-copy ended there, so they went during the pause (or in post-copy)'
      : `they went to round ${e.nextRound}`;
  return `Round ${e.round} ended with a sync of the dirty log: ${marked} marked to send (${parts}); ${then}`;
}

function stopText(e: EventOf<'stop-decision'>): string {
  const pending = formatBytes(e.pendingBytes);
  const threshold = e.thresholdBytes !== undefined ? formatBytes(e.thresholdBytes) : '';
  const estimate = e.estimateMbps !== undefined ? formatMbps(e.estimateMbps) : '';
  const limit = e.downtimeLimitMs !== undefined ? formatMs(e.downtimeLimitMs) : '';
  switch (e.rule) {
    case 'threshold':
      return `Pre-copy stopped: the ${pending} still to send was under the threshold of ${threshold} (${estimate} × ${limit})`;
    case 'nothing-left':
      return 'Pre-copy stopped: nothing was left to send';
    case 'round-cap':
      return `The cap of ${count(e.maxIterations ?? 0, 'round')} was reached with ${pending} still to send, above the ${threshold} threshold`;
    case 'timeout':
      return `The ${formatMs((e.timeoutS ?? 0) * 1000)} timeout expired with ${pending} still to send`;
    case 'small-set':
      return `Only ${count(e.pendingPages, 'page')} dirty, fewer than ${e.targetPages}: stop and copy`;
    case 'last-live-round':
      return `Only ${count(e.pendingPages, 'page')} dirty, fewer than ${e.targetPages}: one more live round, then stop`;
    case 'last-live-round-sent':
      return 'The last live round was sent: stop and copy';
    case 'sent-factor':
      return `${(e.sentFactor ?? 0).toFixed(2)} times the memory had been sent, more than ${e.maxSentFactor}: stop and copy`;
    case 'no-progress':
      return `The dirty set shrank by only ${formatBytes(e.shrankBytes ?? 0)}, less than ${formatMiB(e.noProgressMiB ?? 0)}: no progress, stop and copy`;
    case 'fits':
      return `The ${pending} dirty fitted in bandwidth × downtime limit (${threshold}): stop and copy`;
    case 'little-left':
      return `Less than 256 KiB was left dirty: stop and copy at ${formatMbps(e.maxMbps ?? 0)}`;
    case 'rate-limit':
      return `Keeping up would have taken more than ${formatMbps(e.maxMbps ?? 0)}: stop and copy at that rate`;
    case 'never-converges':
      return (
        `Pre-copy would never converge: sync after sync marked ${pending}, far above the ${threshold} threshold, ` +
        'and nothing in this scenario (a round cap, a timeout, auto-converge) would end it. QEMU would go on copying; the simulation stopped here'
      );
  }
}

function faultText(e: EventOf<'fault'>): string {
  const what =
    e.fault === 'network-drop'
      ? `Network drop: the link carried nothing for ${formatMs(e.durationMs ?? 0)}`
      : e.fault === 'link-degradation'
        ? `The link degraded to ${e.factorPct} % of its speed (${formatMbps(e.linkMbps ?? 0)})`
        : e.fault === 'destination-crash'
          ? 'The destination host crashed'
          : 'The source host crashed';
  switch (e.effect) {
    case 'final-copy-complete':
      return `${what}, but the final copy was already complete: the destination had everything and took over`;
    case 'after-commit-harmless':
      return `${what} after the migration was over: the VM runs on the destination and needs nothing from the source`;
    case 'residual-dependencies-cut':
      return `${what} after the commit: the VM runs on the destination, but what it still needed from the source went down with it`;
    default:
      return what;
  }
}

function lifecycleText(e: EventOf<'lifecycle'>, trace: Trace): string {
  const step = trace.lifecycle?.find((s) => s.step === e.step);
  return step ? `${step.label}: ${step.detail}` : e.step;
}

/** One event as a sentence, with the figures it carries. */
export function eventSentence(e: TraceEvent, trace: Trace): string {
  const sc = trace.scenario;
  switch (e.kind) {
    case 'start':
      return `Migration started: ${STRATEGY_NAMES[e.strategy]} of a ${formatMiB(e.memoryMiB)} VM over ${formatMbps(e.linkMbps)}`;
    case 'allocated':
      return `The destination reserved ${formatMiB(e.memoryMiB)} and ${count(e.vcpus, 'vCPU')}`;
    case 'validated':
      if (e.result === 'compatible') return 'The destination checked out: CPU features, firmware and drivers match';
      if (e.result === 'paravirtual')
        return `Passthrough state swapped for paravirtual devices whose state can be captured (${count(e.reasons.length, 'device')})`;
      return `It could not move live (${e.reasons.join('; ')}): ${e.response === 'drain-checkpoint' ? 'advance notice, then drain and checkpoint' : 'terminate and restart'}`;
    case 'refused':
      return `${REFUSAL_STAGES[e.stage]}: ${e.reasons.join('; ')}`;
    case 'setup-done':
      return 'Connected; dirty logging on';
    case 'disk-copied':
      return `The local disk was copied (${formatBytes(e.diskBytes)}); its new writes were mirrored while memory moved`;
    case 'sync':
      return syncText(e);
    case 'throttle':
      return `Auto-converge throttled the vCPUs to ${e.throttlePct} %`;
    case 'rogue-stunned':
      return `The guest froze its rogue writer: the sync marked ${count(e.dirtyPages, 'page')} after ${count(e.previousDirtyPages, 'page')}, so the dirty set was not shrinking`;
    case 'intervention': {
      const { name, shown } = interventionParts(e);
      return `You set the ${name} to ${shown}`;
    }
    case 'workload-phase': {
      const parts = [
        e.writeRateMiBps !== undefined ? `write rate ${e.writeRateMiBps} MiB/s` : null,
        e.wssMiB !== undefined ? `working set ${formatMiB(e.wssMiB)}` : null,
        e.pattern !== undefined ? `write pattern ${e.pattern}` : null,
      ].filter((p) => p !== null);
      return `The workload changed: ${parts.join(', ')}`;
    }
    case 'stop-decision':
      return stopText(e);
    case 'fast-forward':
      return (
        `Rounds ${e.firstRound} to ${e.lastRound} were computed from the steady state, each like the rounds before, ` +
        `instead of being simulated page by page: ${formatMs(e.durationMs)}, ${formatBytes(e.bytes)} sent`
      );
    case 'simulation-limit':
      return `The simulation stopped after ${formatMs(e.limitMs)} of simulated time, its own limit and not the migration's: the migration was still under way (${e.phase})`;
    case 'paused':
      return e.how === 'blackout'
        ? 'The VM paused on the source: the blackout began'
        : 'The VM shut down on the source';
    case 'commit':
      return e.how === 'precopy'
        ? 'The destination acknowledged the final state: migration committed'
        : 'Switchover, the point of no return: from here the source’s copy was stale, and the destination depended on the source until every page had arrived';
    case 'switchover':
      return 'Execution moved to the destination';
    case 'resumed':
      return e.host === 'source'
        ? 'The VM ran again on the source'
        : e.how === 'boot'
          ? 'The VM booted on the destination'
          : 'The VM ran on the destination';
    case 'postcopy-done':
      return 'Every page was on the destination: the source was no longer needed';
    case 'aborted':
      return e.cause && e.cause !== 'refused'
        ? `The migration was abandoned: ${failureText(e.cause, sc)}; the VM kept running on the source`
        : e.cause === 'refused'
          ? 'Nothing was copied: the VM kept running on the source'
          : `The migration was abandoned (${STOP_REASON_LABELS[e.reason].toLowerCase()}); the VM kept running on the source`;
    case 'done':
      return {
        completed: 'Migration complete',
        aborted: 'Migration over: the VM stayed on the source',
        failed: 'Migration over: the VM was lost',
        unfinished: 'The simulation ended with the migration still under way',
      }[e.outcome];
    case 'fault':
      return faultText(e);
    case 'vm-lost':
      return `The VM was lost: ${failureText(e.cause, sc)}`;
    case 'postcopy-paused':
      return `Post-copy paused: vCPUs that fault waited for the link (this scenario gives up after ${formatMs(e.recoveryMs)}, its postcopy.recoveryMs)`;
    case 'postcopy-recovered':
      return `The link was back after ${formatMs(e.pausedMs)}: post-copy carried on`;
    case 'offline':
      return 'The workload drained and saved a checkpoint';
    case 'lifecycle':
      return upper(lifecycleText(e, trace));
    case 'record-pass':
      return `QEMU synced the dirty bitmap (dirty-sync-count ${e.pass})`;
    case 'record-status':
      return RECORD_STATUS[e.status];
    case 'record-command':
      return e.command === 'migrate-start-postcopy'
        ? 'The operator asked for post-copy (migrate-start-postcopy)'
        : 'The operator cancelled the migration (migrate_cancel)';
    case 'record-parameters':
      return `Parameters changed: ${Object.entries(e.parameters)
        .map(([k, v]) => `${k} = ${String(v)}`)
        .join(', ')}`;
  }
}
