import type { Trace } from '../../engine';
import { formatMbps, formatMiB, formatMs } from '../format';

export type DiagnosisKind = 'healthy' | 'workload' | 'network' | 'postcopy' | 'stopcopy' | 'aborted';

export interface Diagnosis {
  kind: DiagnosisKind;
  /** One line, the headline. */
  text: string;
}

/** The TCP-timeout reference the lab measures downtime against. */
export const TCP_TIMEOUT_MS = 750;

/**
 * Reads the run the way the course notes teach: a dirty set that will not shrink means workload pressure
 * (the guest writes as fast as pages go out); a long blackout with a modest dirty set means network
 * pressure (the final copy is slow because the link is the bottleneck, not the amount of data).
 */
export function diagnose(trace: Trace): Diagnosis {
  const s = trace.summary;
  const sc = trace.scenario;
  const pageBytes = sc.vm.pageKiB * 1024;
  const limit = sc.precopy.downtimeLimitMs;
  if (s.strategy === 'stopcopy')
    return {
      kind: 'stopcopy',
      text: `Stop-and-copy: all ${formatMiB(s.bytesTransferred / 1048576)} moved while the VM was paused for ${formatMs(s.downtimeMs)}.`,
    };
  if (s.strategy === 'postcopy')
    return {
      kind: 'postcopy',
      text: `Post-copy: a ${formatMs(s.downtimeMs)} pause, then ${s.postcopyFaults.toLocaleString('en-US')} faults; the destination needed the source for ${formatMs(s.dependencyWindowMs)}.`,
    };

  const later = s.rounds.slice(1).map((r) => r.dirtyPagesAtEnd);
  const notShrinking =
    later.length >= 2 && later[later.length - 1] >= 0.7 * Math.min(...later.slice(0, -1)) && !s.converged;
  const finalDirtyBytes = (s.rounds[s.rounds.length - 1]?.dirtyPagesAtEnd ?? 0) * pageBytes;
  const wssBytes = sc.workload.wssMiB * 1048576;
  const longBlackout = s.downtimeMs > Math.max(limit, TCP_TIMEOUT_MS);

  if (s.stopReason === 'refused')
    return { kind: 'aborted', text: `Refused before anything was copied: ${s.refusals.join('; ')}.` };
  if (s.outcome === 'failed') return { kind: 'aborted', text: `The VM is lost: ${s.failure}.` };
  if (s.stopReason === 'fault')
    return { kind: 'aborted', text: `Stopped by a fault: ${s.failure}; the VM keeps running on the source.` };
  if (s.stopReason === 'offline-move')
    return {
      kind: 'stopcopy',
      text: `Could not move live: moved offline, down for ${formatMs(s.downtimeMs)}, losing ${s.stateLost}.`,
    };
  if (s.outcome === 'aborted')
    return {
      kind: 'aborted',
      text: notShrinking
        ? `Aborted under workload pressure: the dirty set stayed near ${formatMiB(finalDirtyBytes / 1048576)}; the VM keeps running on the source.`
        : `Aborted: pre-copy gave up (${s.stopReason}); the VM keeps running on the source.`,
    };
  if (notShrinking || (!s.converged && s.maxThrottlePct > 0))
    return {
      kind: 'workload',
      text: `Workload pressure: the dirty set is not shrinking (${formatMiB(finalDirtyBytes / 1048576)} still dirty after ${s.iterations} rounds), so the guest writes about as fast as pages go out.`,
    };
  if (longBlackout && finalDirtyBytes <= Math.max(wssBytes, 0.1 * s.memoryBytes))
    return {
      kind: 'network',
      text: `Network pressure: only ${formatMiB(finalDirtyBytes / 1048576)} was left, yet the final copy took ${formatMs(s.blackoutCopyMs)} at ${formatMbps(sc.network.linkMbps)}: the link is the bottleneck.`,
    };
  if (longBlackout)
    return {
      kind: 'workload',
      text: `Workload pressure: ${formatMiB(finalDirtyBytes / 1048576)} was still dirty at the stop, so the blackout lasted ${formatMs(s.downtimeMs)}.`,
    };
  if (s.strategy === 'hybrid')
    return {
      kind: 'healthy',
      text: `Hybrid: ${s.iterations} pre-copy rounds, a ${formatMs(s.downtimeMs)} pause, then ${s.postcopyFaults.toLocaleString('en-US')} post-copy faults.`,
    };
  return {
    kind: 'healthy',
    text: `Converged in ${s.iterations} rounds: the last ${formatMiB(finalDirtyBytes / 1048576)} fitted the threshold, a ${formatMs(s.downtimeMs)} blackout (limit ${formatMs(limit)}).`,
  };
}
