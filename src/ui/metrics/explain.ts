import type { EventOf } from '../../engine';
import { runEndMs } from '../../engine';
import type { Round, Trace } from '../../engine';
import type { MetricKey } from '../../state/workspace';
import { formatBytes, formatCount, formatMbps, formatMs, formatPct } from '../format';
import { STOP_REASON_LABELS, stopReasonText, summaryFailure } from '../text/outcomeText';
import { count } from '../text/plural';
import { phaseName } from '../timeline/timelineText';
import { diagnose, TCP_TIMEOUT_MS } from './diagnosis';
import { info, result, term, type Explanation, type Step } from './explanation';
import { confidentialBytes } from '../variants/confidentialFigures';

export { explainRound } from './explainRound';
export type { Explanation, Step } from './explanation';

/**
 * The "why?" panels. Every term is a figure the engine recorded (the blackout part by part, bytes by
 * kind, the rate window behind the threshold, lost work by cause), never the UI redoing the engine's
 * arithmetic with its own constants or the scenario's starting values, so each adds up in every run.
 */

const mbpsOf = (bytes: number, ms: number) => (ms > 0 ? (bytes * 8) / ms / 1000 : 0);

function explainDowntime(trace: Trace): Explanation {
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

function explainTotalTime(trace: Trace): Explanation {
  const s = trace.summary;
  // Under the qemu profile the clock starts at the migrate command: what ran before it is not counted.
  const from = s.migrateStartMs;
  const steps: Step[] = trace.phases
    .filter((p) => from === 0 || p.endMs > from)
    .map((p) => {
      const startMs = Math.max(p.startMs, from);
      return term(
        p.kind === 'precopy' ? `Pre-copy (${count(s.iterations, 'round')})` : phaseName(p.kind),
        `${formatMs(startMs)} → ${formatMs(p.endMs)}`,
        formatMs(p.endMs - startMs),
        p.endMs - startMs,
      );
    });
  steps.push(result('Total migration time', 'sum of the phases', formatMs(s.totalTimeMs), s.totalTimeMs));
  const after = s.lifecycleEndMs - runEndMs(s);
  return {
    title: 'Total migration time',
    summary:
      from > 0
        ? `Counted as QEMU counts its total-time (profile qemu): from the migrate command, ${formatMs(from)} into the run once the destination was reserved and checked, until memory has fully moved.`
        : 'From the start of the migration (allocation on the destination included) until memory has fully moved.',
    steps,
    combine: 'sum',
    note:
      after > 0
        ? `The last steps (redirecting the network, forwarding stray packets, deleting the source) run on for ${formatMs(after)} after this.`
        : undefined,
  };
}

function explainBytes(trace: Trace): Explanation {
  const c = trace.variant?.confidential;
  if (c)
    return {
      title: 'Bytes transferred',
      summary:
        'A confidential VM: the host cannot read its pages, so each one travels encrypted with its MAC, zero or not, in bundles opened by epoch tokens.',
      steps: confidentialBytes(trace, c).lines,
      combine: 'sum',
    };
  const s = trace.summary;
  const sc = trace.scenario;
  const { normalBytes, zeroBytes } = s.wire;
  const steps: Step[] = [
    term(
      'Full pages',
      `${formatCount(s.normalPages)} × ${formatCount(normalBytes)} B (page + header)`,
      formatBytes(s.normalPages * normalBytes),
      s.normalPages * normalBytes,
    ),
    term(
      'Zero pages',
      sc.precopy.zeroPageDetection
        ? `${formatCount(s.zeroPages)} × ${zeroBytes} B marker`
        : `${formatCount(s.zeroPages)} × ${formatCount(zeroBytes)} B (detection off: sent in full)`,
      formatBytes(s.zeroPages * zeroBytes),
      s.zeroPages * zeroBytes,
    ),
    term('Device state', 'sent during the blackout', formatBytes(s.deviceBytes), s.deviceBytes),
  ];
  if (s.xbzrle)
    steps.splice(
      1,
      0,
      term(
        'XBZRLE deltas',
        `${count(s.xbzrle.pages, 'page')} sent as the change since its cached copy`,
        formatBytes(s.xbzrle.bytes),
        s.xbzrle.bytes,
      ),
    );
  if (s.diskBytes > 0)
    steps.push(term('Local disk', 'copied ahead of memory, rewrites included', formatBytes(s.diskBytes), s.diskBytes));
  steps.push(
    result(
      'Bytes transferred',
      `as a multiple of ${formatBytes(s.memoryBytes)} of memory: ${s.memoryMultiple.toFixed(2)}×`,
      formatBytes(s.bytesTransferred),
      s.bytesTransferred,
    ),
  );
  return {
    title: 'Bytes transferred',
    summary:
      'Every page sent, once per time it was sent, plus the device state. Re-sending dirtied pages is what makes pre-copy cost more than the memory size.',
    steps,
    combine: 'sum',
  };
}

function explainThreshold(trace: Trace): Explanation {
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

function explainRounds(trace: Trace): Explanation {
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

function explainImpact(trace: Trace): Explanation {
  const s = trace.summary;
  const lost = s.vmLost;
  const parts: [string, string, number][] = [
    ['Paused', 'the blackout, or shut down for an offline move', lost.pausedMs],
    ['Throttled by auto-converge', 'vCPUs held back to slow the writing', lost.throttleMs],
    [
      'Dirty tracking',
      trace.variant?.confidential
        ? 'logging every write, and the faults on write-blocked pages'
        : 'the cost of logging every write',
      lost.trackingMs,
    ],
    ['Rogue writer stunned', 'the process the guest froze', lost.stunMs],
    ['Waiting for post-copy faults', 'vCPUs stalled on missing pages', lost.stallMs],
    ['Draining after notice', 'the workload winding down to checkpoint', lost.drainMs],
  ];
  const totalMs = s.vmLostSeconds * 1000;
  return {
    title: 'Impact on other services',
    summary: 'What the migration took from everyone else: link capacity, CPU on the source, and the guest’s own speed.',
    steps: [
      info(
        'Share of the link',
        `${formatBytes(s.bytesTransferred)} of the ${formatBytes(s.linkCapacityBytes)} the link could carry meanwhile`,
        formatPct(s.linkSharePct),
      ),
      info(
        'Other services starved',
        s.othersWantedBytes > 0
          ? `${formatBytes(s.othersWantedBytes - s.othersGotBytes)} of the ${formatBytes(s.othersWantedBytes)} they wanted to send`
          : 'no other traffic in this scenario',
        formatPct(s.othersStarvedPct),
      ),
      info('Migration thread busy on the source', 'time spent sending', formatMs(s.sourceBusySeconds * 1000)),
      ...parts.filter(([, , ms]) => ms > 0).map(([label, formula, ms]) => term(label, formula, formatMs(ms), ms)),
      result('Guest work lost', 'sum of the above, in time at full speed', formatMs(totalMs), totalMs),
    ],
    combine: 'sum',
    note: 'A bandwidth cap lowers the link share and spares neighbours, at the price of a longer migration.',
  };
}

function explainStopReason(trace: Trace): Explanation {
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

function explainDiagnosis(trace: Trace): Explanation {
  const d = diagnose(trace);
  return {
    title: 'Diagnosis',
    summary: `${d.text} The rule, from the course notes: a dirty set that does not shrink from sync to sync means workload pressure; a long blackout with a modest dirty set means the link is the bottleneck.`,
    steps: d.figures,
  };
}

export function explainMetric(metric: MetricKey, trace: Trace): Explanation {
  switch (metric) {
    case 'downtime':
      return explainDowntime(trace);
    case 'totalTime':
      return explainTotalTime(trace);
    case 'bytes':
      return explainBytes(trace);
    case 'rounds':
      return explainRounds(trace);
    case 'impact':
      return explainImpact(trace);
    case 'threshold':
      return explainThreshold(trace);
    case 'stopReason':
      return explainStopReason(trace);
    case 'diagnosis':
      return explainDiagnosis(trace);
  }
}
