import type { Trace } from '../../engine';
import { formatBytes, formatCount, formatMbps, formatMs } from '../format';
import { STOP_REASON_LABELS, summaryFailure } from '../text/outcomeText';
import { count } from '../text/plural';
import { TCP_TIMEOUT_MS } from './diagnosis';
import { result, term, type Explanation, type Step } from './explanation';

/** The blackout, part by part: what was sent in it, the device state and the switchover, each as the engine timed it. */

const mbpsOf = (bytes: number, ms: number) => (ms > 0 ? (bytes * 8) / ms / 1000 : 0);

export function explainDowntime(trace: Trace): Explanation {
  const s = trace.summary;
  const sc = trace.scenario;
  const title = 'Downtime';
  if (s.outcome === 'failed')
    return {
      title,
      summary: `The VM is lost: it never runs again, so its downtime has no end. What happened: ${summaryFailure(s, sc)}.`,
      steps: [],
    };
  if (s.pausedAtMs === null)
    return {
      title,
      summary:
        s.outcome === 'unfinished'
          ? 'The VM never paused: the migration had not reached its blackout when the simulation stopped.'
          : 'The VM never paused: the migration was abandoned and the VM kept running on the source.',
      steps: [],
    };
  if (!s.blackout)
    return {
      title,
      summary:
        'The VM could not move live: it was down from its shutdown on the source until it was up again on the destination.',
      steps: [
        term(
          'Offline move',
          'shut down, disk copy (if any) and boot on the destination',
          formatMs(s.downtimeMs),
          s.downtimeMs,
        ),
        result('Downtime', 'the offline move', formatMs(s.downtimeMs), s.downtimeMs),
      ],
      combine: 'sum',
    };
  const b = s.blackout;
  const steps: Step[] = [];
  if (b.pages > 0 || (sc.strategy !== 'postcopy' && sc.strategy !== 'hybrid'))
    steps.push(
      term(
        'Final copy of the dirty pages',
        `${count(b.pages, 'page')}${b.encodedPages > 0 ? ` (${formatCount(b.encodedPages)} as XBZRLE deltas)` : ''}, ${formatBytes(b.pageBytes)} ÷ ${formatMbps(b.copyMbps)} (the rate the stream got then)`,
        formatMs(b.pagesMs),
        b.pagesMs,
      ),
    );
  if (b.zeroPages > 0) {
    steps.push(
      term(
        'Zero-page markers on the wire',
        `${count(b.zeroPages, 'marker')} × ${s.wire.zeroBytes} B`,
        formatMs(b.zeroWireMs),
        b.zeroWireMs,
      ),
    );
    steps.push(
      term(
        'Checking never-written pages for zeros',
        `${count(b.zeroPages, 'page')} × ${((1000 * b.zeroScanMs) / b.zeroPages).toFixed(2)} µs each`,
        formatMs(b.zeroScanMs),
        b.zeroScanMs,
      ),
    );
  }
  if (b.encodeMs > 0)
    steps.push(
      term(
        'XBZRLE cache look-ups and encoding',
        `${sc.precopy.xbzrleEncodeUs} µs per 4 KiB page looked up`,
        formatMs(b.encodeMs),
        b.encodeMs,
      ),
    );
  if (b.passStartMs > 0)
    steps.push(
      term('Starting the pass over memory', 'the first pass’s fixed cost', formatMs(b.passStartMs), b.passStartMs),
    );
  steps.push(
    term(
      'Device and CPU state',
      b.deviceBytes > 0
        ? `${formatBytes(b.deviceBytes)} ÷ ${formatMbps(mbpsOf(b.deviceBytes, b.deviceMs))}`
        : 'no device state in this scenario',
      formatMs(b.deviceMs),
      b.deviceMs,
    ),
  );
  steps.push(
    term(
      'Switchover and acknowledgement',
      `${formatMs(b.switchoverMs)} to stop and start the vCPUs + one round trip ${formatMs(b.ackMs)}`,
      formatMs(b.switchoverMs + b.ackMs),
      b.switchoverMs + b.ackMs,
    ),
  );
  if (b.linkDownMs > 0)
    steps.push(
      term('Waiting for the link', 'a network drop: nothing could cross', formatMs(b.linkDownMs), b.linkDownMs),
    );
  steps.push(result('Downtime (blackout)', 'sum of the above', formatMs(s.downtimeMs), s.downtimeMs));
  const postcopy = b.pages === 0 && (sc.strategy === 'postcopy' || sc.strategy === 'hybrid');
  return {
    title,
    summary: trace.variant?.confidential
      ? 'A confidential VM: every page dirtied since its export is re-sent during the pause (post-copy may take only pages never sent), then the TD and vCPU state and the start token; then the destination commits.'
      : postcopy
        ? 'Post-copy moves execution first: only the device state crosses during the pause, so the blackout does not depend on memory size.'
        : 'The VM is paused while the last pages and its device state cross the link. The final copy gets all the link gives the migration: the bandwidth cap does not apply.',
    steps,
    combine: 'sum',
    note:
      s.outcome === 'aborted'
        ? 'The blackout was cut short: the migration was abandoned and the VM resumed on the source.'
        : !s.converged && !postcopy && s.stopReason !== 'not-iterative'
          ? `This blackout was forced (${STOP_REASON_LABELS[s.stopReason].toLowerCase()}): the threshold did not bound it.`
          : `Reference: most TCP stacks ride out a pause under about ${TCP_TIMEOUT_MS} ms; this run's limit was ${formatMs(sc.precopy.downtimeLimitMs)}.`,
  };
}
