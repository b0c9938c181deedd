import type { Trace } from '../../engine';
import { formatBytes, formatMbps, formatMs, formatPct } from '../format';
import { STOP_REASON_LABELS, summaryFailure } from '../text/outcomeText';
import { count } from '../text/plural';
import { info, type Step } from './explanation';

export type DiagnosisKind = 'healthy' | 'workload' | 'network' | 'postcopy' | 'stopcopy' | 'aborted' | 'unfinished';

export interface Diagnosis {
  kind: DiagnosisKind;
  /** One line, the headline. */
  text: string;
  /** The trace's own figures the verdict was read from, with how each was judged. */
  figures: Step[];
}

/** The TCP-timeout reference the lab measures downtime against. */
export const TCP_TIMEOUT_MS = 750;
/** A dirty set left for the blackout is "modest" up to this share of memory. */
export const MODEST_DIRTY_SHARE = 0.1;
/** The dirty set is "not shrinking" when each of the last syncs marked at least this share of the one before. */
export const NOT_SHRINKING_RATIO = 0.9;

/** What the rule reads from the trace: the trend at the syncs, what was left, how long copying it took. */
function readFigures(trace: Trace) {
  const s = trace.summary;
  const pageBytes = trace.scenario.vm.pageKiB * 1024;
  const marked = s.rounds.filter((r) => r.index > 1).map((r) => r.dirtyPagesAtEnd * pageBytes);
  const trend = marked.slice(-4);
  const notShrinking = trend.length >= 3 && trend.slice(1).every((bytes, i) => bytes >= NOT_SHRINKING_RATIO * trend[i]);
  const b = s.blackout;
  const leftBytes = b ? b.pageBytes + b.zeroBytes : (s.rounds.at(-1)?.dirtyPagesAtEnd ?? 0) * pageBytes;
  const copyMs = b ? b.pagesMs + b.zeroWireMs + b.zeroScanMs + b.encodeMs + b.passStartMs : 0;
  const limitMs = trace.scenario.precopy.downtimeLimitMs;
  const share = leftBytes / s.memoryBytes;
  return {
    trend,
    notShrinking,
    leftBytes,
    share,
    modest: share <= MODEST_DIRTY_SHARE,
    copyMs,
    copyMbps: b?.copyMbps ?? 0,
    long: copyMs > limitMs,
    limitMs,
  };
}

function figureSteps(f: ReturnType<typeof readFigures>, memoryBytes: number): Step[] {
  const steps: Step[] = [];
  const pct = (share: number) => `${share * 100} %`;
  if (f.trend.length >= 2)
    steps.push(
      info(
        'Marked at the last syncs',
        `${f.trend.map((b) => formatBytes(b)).join(' → ')} (not shrinking: each at least ${pct(NOT_SHRINKING_RATIO)} of the one before)`,
        f.notShrinking ? 'not shrinking' : 'shrinking',
      ),
    );
  steps.push(
    info(
      'Left for the blackout',
      `${formatBytes(f.leftBytes)} of ${formatBytes(memoryBytes)} of memory (modest: at most ${pct(MODEST_DIRTY_SHARE)})`,
      `${formatPct(100 * f.share)}: ${f.modest ? 'modest' : 'high'}`,
    ),
  );
  if (f.copyMs > 0)
    steps.push(
      info(
        'Copying it in the blackout',
        `${formatBytes(f.leftBytes)} at ${formatMbps(f.copyMbps)} (long: more than the ${formatMs(f.limitMs)} limit)`,
        `${formatMs(f.copyMs)}: ${f.long ? 'long' : 'within the limit'}`,
      ),
    );
  return steps;
}

/**
 * Reads the run the way the course notes teach, on the trace's own figures: a dirty set that does not
 * shrink from sync to sync means workload pressure (the guest writes as fast as pages go out); a long
 * blackout with a modest dirty set means network pressure (the final copy is slow because the link is the
 * bottleneck, not the amount of data). "Long" is a copy longer than the downtime limit; "modest" is at
 * most a tenth of memory. The figures that decided it come with the verdict.
 */
export function diagnose(trace: Trace): Diagnosis {
  const s = trace.summary;
  const sc = trace.scenario;
  if (s.stopReason === 'refused')
    return { kind: 'aborted', text: `Refused before anything was copied: ${s.refusals.join('; ')}.`, figures: [] };
  if (s.outcome === 'failed')
    return { kind: 'aborted', text: `The VM is lost: ${summaryFailure(s, sc)}.`, figures: [] };
  if (s.stopReason === 'fault')
    return {
      kind: 'aborted',
      text: `Stopped by a fault: ${summaryFailure(s, sc)}; the VM keeps running on the source.`,
      figures: [],
    };
  if (s.stopReason === 'offline-move')
    return {
      kind: 'stopcopy',
      text: `Could not move live: moved offline, down for ${formatMs(s.downtimeMs)}, losing ${s.stateLost}.`,
      figures: [],
    };
  if (s.strategy === 'stopcopy' && s.outcome === 'completed')
    return {
      kind: 'stopcopy',
      text: `Stop-and-copy: all ${formatBytes(s.bytesTransferred)} moved while the VM was paused for ${formatMs(s.downtimeMs)}.`,
      figures: [],
    };
  if (s.strategy === 'postcopy' && s.outcome === 'completed')
    return {
      kind: 'postcopy',
      text: `Post-copy: a ${formatMs(s.downtimeMs)} pause, then ${count(s.postcopyFaults, 'fault')}; the destination needed the source for ${formatMs(s.dependencyWindowMs)}.`,
      figures: [],
    };

  const f = readFigures(trace);
  const figures = figureSteps(f, s.memoryBytes);
  const left = `${formatBytes(f.leftBytes)} (${formatPct(100 * f.share)} of memory)`;
  const network = f.long && f.modest;
  const workload = (f.notShrinking && !s.converged && !f.modest) || (f.long && !f.modest);

  if (s.outcome === 'unfinished')
    return {
      kind: 'unfinished',
      text:
        s.stopReason === 'never-converges'
          ? `Never converges: the dirty set stays at ${formatBytes(f.trend.at(-1) ?? 0)}, above the threshold, round after round; nothing in this scenario would end pre-copy.`
          : `Unfinished: the simulation stopped at its limit of ${formatMs(s.simulationLimitMs)} with the migration still under way.`,
      figures,
    };
  if (s.outcome === 'aborted')
    return {
      kind: 'aborted',
      text: `Aborted (${STOP_REASON_LABELS[s.stopReason].toLowerCase()})${f.notShrinking ? `: the dirty set stayed near ${formatBytes(f.trend.at(-1) ?? 0)}` : ''}; the VM keeps running on the source.`,
      figures,
    };
  if (network) {
    const capMbps = s.rounds.at(-1)?.capMbps ?? 0;
    const capped = capMbps > 0 && capMbps < f.copyMbps;
    return {
      kind: 'network',
      text: capped
        ? `Network pressure: only ${left} was left, yet pre-copy, capped at ${formatMbps(capMbps)}, could not bring it under the threshold and the final copy took ${formatMs(f.copyMs)}: the migration's bandwidth is the bottleneck, not the amount of data.`
        : `Network pressure: only ${left} was left, yet the final copy took ${formatMs(f.copyMs)} at ${formatMbps(f.copyMbps)}: the link is the bottleneck, not the amount of data.`,
      figures,
    };
  }
  if (workload)
    return {
      kind: 'workload',
      text: f.notShrinking
        ? `Workload pressure: the dirty set is not shrinking (${left} still to send after ${count(s.iterations, 'round')}), so the guest writes about as fast as pages go out.`
        : `Workload pressure: ${left} was still dirty at the stop, so the blackout lasted ${formatMs(s.downtimeMs)}.`,
      figures,
    };
  if (s.strategy === 'hybrid')
    return {
      kind: 'healthy',
      text: `Hybrid: ${count(s.iterations, 'pre-copy round')}, the planned switch, a ${formatMs(s.downtimeMs)} pause, then ${count(s.postcopyFaults, 'post-copy fault')}.`,
      figures,
    };
  if (!s.converged)
    return {
      kind: 'healthy',
      text: `Stopped by ${STOP_REASON_LABELS[s.stopReason].toLowerCase()} after ${count(s.iterations, 'round')}, but the ${left} left went in a ${formatMs(s.downtimeMs)} blackout.`,
      figures,
    };
  // What fitted is what the stop test weighed (pages at their size), not the bytes that then crossed (with headers).
  const stop = trace.events.findLast((e) => e.kind === 'stop-decision');
  const fitted =
    stop?.kind === 'stop-decision' && stop.rule === 'threshold' && stop.thresholdBytes !== undefined
      ? `the last ${formatBytes(stop.pendingBytes)} fitted under the ${formatBytes(stop.thresholdBytes)} threshold`
      : `${STOP_REASON_LABELS[s.stopReason].toLowerCase()}, the last ${formatBytes(f.leftBytes)} went`;
  return {
    kind: 'healthy',
    text: `Converged in ${count(s.iterations, 'round')}: ${fitted}, a ${formatMs(s.downtimeMs)} blackout (limit ${formatMs(f.limitMs)}).`,
    figures,
  };
}
