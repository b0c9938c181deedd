import type { EventOf, Round, Trace } from '../../engine';
import { formatBytes, formatCount, formatMbps, formatMs } from '../format';
import { STOP_REASON_LABELS, stopReasonText } from '../text/outcomeText';
import { count } from '../text/plural';
import { info, result, term, type Explanation, type Step } from './explanation';

/** Why pre-copy stopped when it did: the threshold it weighed, its rounds and the stop rule that fired. */

export function explainThreshold(trace: Trace): Explanation {
  const s = trace.summary;
  const sc = trace.scenario;
  const last = [...s.rounds].reverse().find((r) => r.end !== 'fast-forward');
  const title = 'Stop threshold';
  if (!last) return { title, summary: 'This run has no pre-copy rounds, so no stop threshold.', steps: [] };
  const pageBytes = sc.vm.pageKiB * 1024;
  const marked = last.dirtyPagesAtEnd * pageBytes;
  const rule = sc.precopy.stopRule;
  if (rule === 'xen' || rule === 'xen-legacy')
    return {
      title,
      summary: `Xen stops when fewer than ${sc.precopy.xenTargetDirtyPages} pages are dirty, or at the round cap${rule === 'xen-legacy' ? `, or once ${sc.precopy.xenMaxSentFactor} times the memory has been sent` : ''}${sc.network.adaptiveMinMbps > 0 ? `; with dynamic rate limiting also when less than 256 KiB is left or keeping up would take more than ${formatMbps(sc.network.adaptiveMaxMbps)}` : ''}.`,
      steps: [
        info(
          'Dirty after the last round',
          `${count(last.dirtyPagesAtEnd, 'page')} vs ${sc.precopy.xenTargetDirtyPages}`,
          last.dirtyPagesAtEnd < sc.precopy.xenTargetDirtyPages ? 'small enough' : 'still too many',
        ),
      ],
    };
  const estimateBytesPerMs = (last.estimateMbps * 1000) / 8;
  const steps: Step[] = [
    result(
      'Threshold',
      `measured bandwidth ${formatMbps(last.estimateMbps)} × downtime limit ${formatMs(last.downtimeLimitMs)}`,
      formatBytes(last.thresholdBytes),
      last.thresholdBytes,
    ),
    term(
      'Measured bandwidth',
      `${formatBytes(last.estimateWindowBytes)} sent in the ${formatMs(last.estimateWindowMs)} ${rule === 'qemu' ? 'rate window before the sync' : 'the round spent sending'}`,
      formatMbps(last.estimateMbps),
      estimateBytesPerMs,
    ),
    term('Downtime limit', 'in force at the sync', formatMs(last.downtimeLimitMs), last.downtimeLimitMs),
    info(
      'Marked at the last sync',
      `${count(last.dirtyPagesAtEnd, 'page')} × ${formatBytes(pageBytes)}`,
      `${formatBytes(marked)} ${marked < last.thresholdBytes ? '<' : '≥'} threshold`,
    ),
  ];
  return {
    title,
    summary:
      rule === 'qemu'
        ? `Pre-copy stops once what is marked could be sent within the downtime limit at the measured bandwidth. QEMU measures that bandwidth over each window of at least 100 ms of its migration thread, not over a round: in round ${last.index} the last window averaged ${formatMbps(last.estimateMbps)}, the round as a whole ${formatMbps(last.bandwidthMbps)}.`
        : 'This rule measures the bandwidth over the time the round spent sending and stops once what is marked fits the downtime limit at that rate.',
    steps,
    combine: 'product',
    note:
      last.capMbps > 0
        ? 'The measured bandwidth is the capped one, but the final copy runs uncapped: the real blackout lands below the limit.'
        : undefined,
  };
}

/** Runs of fast-forwarded rounds shown as one line each. */
function roundLines(rounds: readonly Round[]): Step[] {
  const lines: Step[] = [];
  for (let i = 0; i < rounds.length; i++) {
    const r = rounds[i];
    if (r.end === 'fast-forward') {
      let j = i;
      while (j + 1 < rounds.length && rounds[j + 1].end === 'fast-forward') j++;
      lines.push(
        info(
          `Rounds ${r.index} to ${rounds[j].index}`,
          `computed from the steady state: each sent ${formatBytes(r.bytesSent)} in ${formatMs(r.endMs - r.startMs)}`,
          `${count(r.dirtyPagesAtEnd, 'page')} marked at each sync`,
        ),
      );
      i = j;
      continue;
    }
    lines.push(
      info(
        `Round ${r.index}`,
        `sent ${formatCount(r.pagesSent)} of ${count(r.dirtyPagesAtStart, 'marked page')} in ${formatMs(r.endMs - r.startMs)}`,
        `${count(r.dirtyPagesAtEnd, 'page')} marked at the sync`,
      ),
    );
  }
  return lines;
}

export function explainRounds(trace: Trace): Explanation {
  const s = trace.summary;
  const sc = trace.scenario;
  const rule =
    sc.precopy.stopRule === 'qemu'
      ? 'Under QEMU’s rule a round ends at a sync of the dirty log, made when the estimate of what is left falls under the threshold; pages the round had not reached carry over into the next.'
      : 'Each round sends every page that was marked when it began; pages written meanwhile wait for the next round.';
  return {
    title: 'Rounds',
    summary: `${rule} This run ${s.iterations === 0 ? 'had no pre-copy rounds' : `ended pre-copy after ${count(s.iterations, 'round')}`}: ${stopReasonText(s, sc)}.`,
    steps: roundLines(s.rounds),
    note:
      `QEMU counts ${count(s.dirtySyncCount, 'dirty-log sync')} (dirty-sync-count): the setup sync, one per later round and the final one.` +
      (s.fastForward
        ? ` Rounds ${s.fastForward.firstRound} to ${s.fastForward.lastRound} were computed from the steady state, not simulated page by page.`
        : ''),
  };
}

export function explainStopReason(trace: Trace): Explanation {
  const s = trace.summary;
  const decision = trace.events.find((e) => e.kind === 'stop-decision') as EventOf<'stop-decision'> | undefined;
  const steps: Step[] = [];
  if (decision) {
    steps.push(
      info('Still to send', `${count(decision.pendingPages, 'page')} marked`, formatBytes(decision.pendingBytes)),
    );
    if (decision.thresholdBytes !== undefined && decision.rule !== 'small-set')
      steps.push(
        info(
          'Threshold',
          `${formatMbps(decision.estimateMbps ?? 0)} × ${formatMs(decision.downtimeLimitMs ?? 0)}`,
          formatBytes(decision.thresholdBytes),
        ),
      );
    if (decision.maxIterations !== undefined)
      steps.push(info('Round cap', 'precopy.maxIterations', count(decision.maxIterations, 'round')));
    if (decision.timeoutS !== undefined)
      steps.push(info('Timeout', 'precopy.timeoutS', formatMs(decision.timeoutS * 1000)));
  }
  return {
    title: 'Stop reason',
    summary: `${STOP_REASON_LABELS[s.stopReason]}: ${stopReasonText(s, trace.scenario)}.`,
    steps,
    note: s.converged ? 'Converged: the stop came from the threshold, not from a cap or a timeout.' : undefined,
  };
}
