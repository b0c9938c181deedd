import type { Round, Trace } from '../../engine';
import { formatBytes, formatCount, formatMbps, formatMs } from '../format';
import { count } from '../text/plural';
import { info, result, term, type Explanation, type Step } from './explanation';

/** How the round ended, in words. */
function endText(r: Round, nextLabel: string): string {
  switch (r.end) {
    case 'sync':
      return `The estimate of what was left fell under the threshold, so the dirty log was synced: that ended round ${r.index}, and what it marked goes to ${nextLabel}.`;
    case 'pass':
      return `Every page marked at its start had been sent, so the log was synced: what it marked goes to ${nextLabel}.`;
    case 'stop':
      return `Pre-copy stopped in this round; what was still marked, and what the final sync added, went during the pause (or in post-copy).`;
    case 'fault':
      return 'A fault cut this round short.';
    case 'fast-forward':
      return 'This round was computed from the steady state (it repeats the last simulated round), not simulated page by page.';
  }
}

/** Why round `index` took as long as it did and left what it left marked. */
export function explainRound(index: number, trace: Trace): Explanation {
  const r = trace.rounds.find((x) => x.index === index);
  if (!r) return { title: `Round ${index}`, summary: 'This round is not in the current run.', steps: [] };
  const sc = trace.scenario;
  const { normalBytes } = trace.summary.wire;
  const pageBytes = sc.vm.pageKiB * 1024;
  const ms = r.endMs - r.startMs;
  const next = trace.rounds.find((x) => x.index === index + 1);
  const nextLabel = next ? `round ${next.index}` : 'the blackout';
  const full = r.pagesSent - r.zeroPagesSent;
  const steps: Step[] = [
    info('Marked at its start', 'what the sync before it left to send', count(r.dirtyPagesAtStart, 'page')),
    info(
      'Sent',
      `${formatCount(full)} full × ${formatCount(normalBytes)} B + ${count(r.zeroPagesSent, 'zero marker')}`,
      `${count(r.pagesSent, 'page')}, ${formatBytes(r.bytesSent)}`,
    ),
    info(
      'Duration',
      `${formatBytes(r.bytesSent)} at ${formatMbps(r.bandwidthMbps)} on average${r.capMbps > 0 ? ` (cap ${formatMbps(r.capMbps)})` : ''}`,
      formatMs(ms),
    ),
    info(
      'Writes meanwhile',
      `at ${formatCount(r.writeRatePagesPerSec)} page writes/s by the round's end${r.throttlePct > 0 ? ` (throttled ${r.throttlePct} %)` : ''}`,
      count(r.writes, 'write'),
    ),
  ];
  const wssPages = Math.round((sc.workload.wssMiB * 1048576) / pageBytes);
  if (wssPages > 0 && !sc.interventions.some((iv) => iv.path === 'workload.wssMiB'))
    steps.push(
      info(
        'Closed form for uniform writes, for comparison',
        `N(1 − e^(−w·t/N)) with N = ${formatCount(wssPages)} working-set pages and w·t = ${formatCount(r.writes)} writes`,
        `${formatCount(wssPages * -Math.expm1(-r.writes / wssPages))} distinct pages`,
      ),
    );
  steps.push(
    term(
      'Not reached by the round',
      r.end === 'sync'
        ? `marked ${formatCount(r.dirtyPagesAtStart)} − sent ${formatCount(r.pagesSent)}`
        : 'still marked',
      count(r.carriedPages, 'page'),
      r.carriedPages,
    ),
    term(
      'Newly marked at the sync',
      'written since the last sync and not marked already',
      count(r.newlyDirtiedPages, 'page'),
      r.newlyDirtiedPages,
    ),
    result(
      'Marked at the sync that ended the round',
      `for ${nextLabel}; the chart's dirty set counts only pages rewritten since they were sent, so it can be lower`,
      `${count(r.dirtyPagesAtEnd, 'page')} (${formatBytes(r.dirtyPagesAtEnd * pageBytes)})`,
      r.dirtyPagesAtEnd,
    ),
  );
  if (r.thresholdBytes > 0 && sc.precopy.stopRule === 'qemu')
    steps.push(
      info(
        'Measured bandwidth behind the threshold',
        `${formatBytes(r.estimateWindowBytes)} in the last ${formatMs(r.estimateWindowMs)} rate window before the sync (QEMU measures per window of at least 100 ms, not per round; this round averaged ${formatMbps(r.bandwidthMbps)})`,
        formatMbps(r.estimateMbps),
      ),
    );
  if (r.thresholdBytes > 0)
    steps.push(
      info(
        'Against the stop threshold',
        `${formatMbps(r.estimateMbps)} × ${formatMs(r.downtimeLimitMs)}`,
        `${formatBytes(r.thresholdBytes)}: ${r.dirtyPagesAtEnd * pageBytes < r.thresholdBytes ? 'fits, stop' : 'too much, go on'}`,
      ),
    );
  const rule =
    sc.precopy.stopRule === 'qemu'
      ? `Under QEMU's rule round ${index} began with ${count(r.dirtyPagesAtStart, 'page')} marked and sent ${formatCount(r.pagesSent)} of them.`
      : `Round ${index} sent the ${count(r.dirtyPagesAtStart, 'page')} marked when it began.`;
  return {
    title: `Round ${index}`,
    summary: `${rule} ${endText(r, nextLabel)}`,
    steps,
    combine: 'sum',
    note:
      sc.workload.pattern === 'uniform'
        ? 'With uniform writes, rewriting a page that is already dirty adds nothing: the dirty set saturates at the working set.'
        : `This workload is ${sc.workload.pattern}: its hot pages saturate sooner than uniform writes would.`,
  };
}
