import type { Trace } from '../../engine';
import type { MetricKey } from '../../state/workspace';
import { formatBytes, formatCount, formatMbps, formatMs, formatPct } from '../format';
import { confidentialBytes } from '../variants/confidentialFigures';

/** One line of working: what is computed, the formula with this run's values, the result. */
export interface Step {
  label: string;
  formula: string;
  value: string;
}

/** "Explain this number": enough working that a student can check the figure, not just trust it. */
export interface Explanation {
  title: string;
  summary: string;
  steps: Step[];
  note?: string;
}

const WIRE_HEADER_BYTES = 8;
const ZERO_RECORD_BYTES = 9;

const mbpsToBytesPerMs = (mbps: number) => (mbps * 1e6) / 8 / 1000;

function pageFacts(trace: Trace) {
  const pageBytes = trace.scenario.vm.pageKiB * 1024;
  const records = Math.max(1, pageBytes / 4096);
  // A confidential VM's pages travel encrypted: the trace records their wire sizes.
  const c = trace.variant?.confidential;
  if (c) return { pageBytes, wireBytes: c.pageWireBytes, zeroBytes: c.zeroPageWireBytes };
  return { pageBytes, wireBytes: pageBytes + records * WIRE_HEADER_BYTES, zeroBytes: records * ZERO_RECORD_BYTES };
}

const STOP_REASONS: Record<string, string> = {
  converged: 'the dirty set fitted under the stop threshold, so the rest could go in one short pause',
  'dirty-set-small': 'fewer pages than the target were dirty (Xen rule), so pre-copy stopped',
  'max-iterations': 'the cap on rounds was reached before the dirty set fitted: the rest was forced through',
  'sent-factor': 'more than the allowed multiple of memory had been sent (old Xen rule)',
  'no-progress': 'a round shrank the dirty set by too little: more rounds would not help',
  timeout: 'the management timeout expired before pre-copy converged',
  'simulation-limit': 'pre-copy would have run forever (no cap, no timeout): the simulation stopped it',
  'postcopy-switch': 'the planned switch to post-copy: execution moved and the remaining pages followed on demand',
  'not-iterative': 'this strategy has no pre-copy rounds to stop',
};

export function stopReasonText(reason: string): string {
  return STOP_REASONS[reason] ?? reason;
}

function explainDowntime(trace: Trace): Explanation {
  const s = trace.summary;
  const sc = trace.scenario;
  const linkBytesPerMs = mbpsToBytesPerMs(sc.network.linkMbps);
  const deviceBytes = sc.vm.deviceStateKiB * 1024;
  const handoverMs = sc.host.switchoverMs + sc.network.rttMs;
  const steps: Step[] = [];
  if (s.downtimeMs === 0)
    return {
      title: 'Downtime',
      summary: 'The VM never paused: the migration was abandoned and the VM kept running on the source.',
      steps: [],
    };
  // A confidential VM re-sends its dirtied pages in the pause even when post-copy follows.
  if ((s.strategy !== 'postcopy' && s.strategy !== 'hybrid') || s.downtimeBytes > deviceBytes + 1)
    steps.push({
      label: 'Final copy of the dirty pages',
      formula: `${formatBytes(s.downtimeBytes - deviceBytes)} ÷ ${formatMbps(sc.network.linkMbps)}`,
      value: formatMs((s.downtimeBytes - deviceBytes) / linkBytesPerMs),
    });
  steps.push({
    label: 'Device and CPU state',
    formula: `${formatBytes(deviceBytes)} ÷ ${formatMbps(sc.network.linkMbps)}`,
    value: formatMs(deviceBytes / linkBytesPerMs),
  });
  steps.push({
    label: 'Switchover and acknowledgement',
    formula: `${formatMs(sc.host.switchoverMs)} + one round trip ${formatMs(sc.network.rttMs)}`,
    value: formatMs(handoverMs),
  });
  steps.push({ label: 'Downtime (blackout)', formula: 'sum of the above', value: formatMs(s.downtimeMs) });
  return {
    title: 'Downtime',
    summary: trace.variant?.confidential
      ? 'A confidential VM: every page dirtied since its export is re-sent during the pause (post-copy may take only pages never sent), then the TD and vCPU state and the start token; then the destination commits.'
      : s.strategy === 'postcopy' || s.strategy === 'hybrid'
        ? 'Post-copy moves execution first: only the device state crosses during the pause, so the blackout does not depend on memory size.'
        : 'The VM is paused while the last dirty pages and its device state cross the link. The final copy runs at full link speed: the bandwidth cap does not apply.',
    steps,
    note: `Reference: most TCP stacks ride out a pause under about 750 ms; this run's limit was ${formatMs(sc.precopy.downtimeLimitMs)}.`,
  };
}

function explainTotalTime(trace: Trace): Explanation {
  const s = trace.summary;
  const steps: Step[] = trace.phases.map((p) => ({
    label:
      p.kind === 'precopy'
        ? `Pre-copy (${s.iterations} rounds)`
        : p.kind === 'setup'
          ? 'Setup'
          : p.kind === 'blackout'
            ? 'Blackout'
            : 'Post-copy',
    formula: `${formatMs(p.startMs)} → ${formatMs(p.endMs)}`,
    value: formatMs(p.endMs - p.startMs),
  }));
  steps.push({ label: 'Total migration time', formula: 'sum of the phases', value: formatMs(s.totalTimeMs) });
  return {
    title: 'Total migration time',
    summary: 'From the start of the migration until the source is no longer needed.',
    steps,
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
    };
  const s = trace.summary;
  const sc = trace.scenario;
  const { wireBytes, zeroBytes } = pageFacts(trace);
  const deviceBytes = s.bytesTransferred - s.normalPages * wireBytes - s.zeroPages * zeroBytes;
  return {
    title: 'Bytes transferred',
    summary:
      'Every page sent, once per time it was sent, plus the device state. Re-sending dirtied pages is what makes pre-copy cost more than the memory size.',
    steps: [
      {
        label: 'Full pages',
        formula: `${formatCount(s.normalPages)} × ${formatCount(wireBytes)} B (page + 8-byte header)`,
        value: formatBytes(s.normalPages * wireBytes),
      },
      {
        label: 'Zero pages',
        formula: sc.precopy.zeroPageDetection
          ? `${formatCount(s.zeroPages)} × ${zeroBytes} B marker`
          : `${formatCount(s.zeroPages)} × ${formatCount(wireBytes)} B (detection off)`,
        value: formatBytes(s.zeroPages * (sc.precopy.zeroPageDetection ? zeroBytes : wireBytes)),
      },
      { label: 'Device state', formula: `${sc.vm.deviceStateKiB} KiB`, value: formatBytes(Math.max(0, deviceBytes)) },
      {
        label: 'Bytes transferred',
        formula: `as a multiple of ${formatBytes(s.memoryBytes)} of memory: ${s.memoryMultiple.toFixed(2)}×`,
        value: formatBytes(s.bytesTransferred),
      },
    ],
  };
}

function explainThreshold(trace: Trace): Explanation {
  const s = trace.summary;
  const sc = trace.scenario;
  const last = s.rounds[s.rounds.length - 1];
  if (!last)
    return {
      title: 'Stop threshold',
      summary: 'This strategy has no pre-copy rounds, so no stop threshold.',
      steps: [],
    };
  const { pageBytes } = pageFacts(trace);
  const dirtyBytes = last.dirtyPagesAtEnd * pageBytes;
  const qemu = sc.precopy.stopRule === 'qemu' || sc.precopy.stopRule === 'no-progress';
  return {
    title: 'Stop threshold',
    summary: qemu
      ? 'Pre-copy stops once the dirty bytes could be sent within the downtime limit at the measured bandwidth.'
      : `Xen stops when fewer than ${sc.precopy.xenTargetDirtyPages} pages are dirty, or at the round cap.`,
    steps: qemu
      ? [
          {
            label: 'Threshold',
            formula: `measured bandwidth ${formatMbps(last.estimateMbps)} × downtime limit ${formatMs(sc.precopy.downtimeLimitMs)}`,
            value: formatBytes(last.thresholdBytes),
          },
          {
            label: 'Dirty at the last check',
            formula: `${formatCount(last.dirtyPagesAtEnd)} pages × ${formatBytes(pageBytes)}`,
            value: `${formatBytes(dirtyBytes)} ${dirtyBytes < last.thresholdBytes ? '<' : '≥'} threshold`,
          },
        ]
      : [
          {
            label: 'Dirty after the last round',
            formula: `${formatCount(last.dirtyPagesAtEnd)} pages vs ${sc.precopy.xenTargetDirtyPages}`,
            value: last.dirtyPagesAtEnd < sc.precopy.xenTargetDirtyPages ? 'small enough' : 'still too many',
          },
        ],
    note:
      sc.network.capMbps > 0
        ? 'The measured bandwidth is the capped one, but the final copy runs uncapped: the real blackout lands below the limit.'
        : undefined,
  };
}

function explainRounds(trace: Trace): Explanation {
  const s = trace.summary;
  return {
    title: 'Rounds',
    summary: `Live pre-copy rounds: each sends what was dirty when it began while the guest keeps writing. This run ${s.iterations === 0 ? 'had none' : `stopped after ${s.iterations}`}: ${stopReasonText(s.stopReason)}.`,
    steps: s.rounds.map((r) => ({
      label: `Round ${r.index}`,
      formula: `${formatCount(r.pagesSent)} pages in ${formatMs(r.endMs - r.startMs)}`,
      value: `${formatCount(r.dirtyPagesAtEnd)} left dirty`,
    })),
    note: `QEMU counts ${s.dirtySyncCount} dirty-log syncs (dirty-sync-count): the setup sync, one per later round and the final one.`,
  };
}

function explainImpact(trace: Trace): Explanation {
  const s = trace.summary;
  const sc = trace.scenario;
  return {
    title: 'Impact on other services',
    summary: 'What the migration took from everyone else: link capacity, CPU on the source, and the guest’s own speed.',
    steps: [
      {
        label: 'Share of the link',
        formula: `${formatBytes(s.bytesTransferred)} ÷ (${formatMbps(sc.network.linkMbps)} × ${formatMs(s.totalTimeMs)})`,
        value: formatPct(s.linkSharePct),
      },
      {
        label: 'Other services starved',
        formula:
          sc.network.otherTrafficMbps > 0
            ? `of the ${formatMbps(sc.network.otherTrafficMbps)} they wanted`
            : 'no other traffic in this scenario',
        value: formatPct(s.othersStarvedPct),
      },
      {
        label: 'Migration thread busy on the source',
        formula: 'time spent sending',
        value: formatMs(s.sourceBusySeconds * 1000),
      },
      {
        label: 'Guest work lost',
        formula: trace.variant?.confidential
          ? 'pause + throttling + fault stalls + write-block faults of dirty tracking'
          : 'pause + throttling + fault stalls + tracking overhead',
        value: formatMs(s.vmLostSeconds * 1000),
      },
    ],
    note: 'A bandwidth cap lowers the link share and spares neighbours, at the price of a longer migration.',
  };
}

function explainStopReason(trace: Trace): Explanation {
  const s = trace.summary;
  return {
    title: 'Stop reason',
    summary: `${s.stopReason}: ${stopReasonText(s.stopReason)}.`,
    steps: [],
    note: s.converged ? 'Converged: the stop came from the threshold, not from a cap or a timeout.' : undefined,
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
    case 'diagnosis':
      return explainStopReason(trace);
  }
}

/** Why round `index` took as long as it did and left the dirty set it left. */
export function explainRound(index: number, trace: Trace): Explanation {
  const r = trace.rounds.find((x) => x.index === index);
  if (!r) return { title: `Round ${index}`, summary: 'This round is not in the current run.', steps: [] };
  const sc = trace.scenario;
  const { pageBytes, wireBytes, zeroBytes } = pageFacts(trace);
  const ms = r.endMs - r.startMs;
  const wssPages = Math.round((sc.workload.wssMiB * 1048576) / pageBytes);
  const writes = (r.writeRatePagesPerSec * ms) / 1000;
  const expected = wssPages > 0 ? wssPages * (1 - Math.exp(-writes / wssPages)) : 0;
  const steps: Step[] = [
    {
      label: 'Pages sent',
      formula: trace.variant?.confidential
        ? `${formatCount(r.pagesSent - r.zeroPagesSent)} encrypted × ${formatCount(wireBytes)} B + ${formatCount(r.zeroPagesSent)} never-written × ${formatCount(zeroBytes)} B + one 48 B epoch token`
        : `${formatCount(r.pagesSent - r.zeroPagesSent)} full × ${formatCount(wireBytes)} B + ${formatCount(r.zeroPagesSent)} zero markers`,
      value: formatBytes(r.bytesSent),
    },
    {
      label: 'Duration',
      formula: `${formatBytes(r.bytesSent)} at ${formatMbps(r.bandwidthMbps)} on average${r.capMbps > 0 ? ` (cap ${formatMbps(r.capMbps)})` : ''}`,
      value: formatMs(ms),
    },
    {
      label: 'Writes meanwhile',
      formula: `${formatCount(r.writeRatePagesPerSec)} page writes/s × ${formatMs(ms)}${r.throttlePct > 0 ? ` (throttled ${r.throttlePct} %)` : ''}`,
      value: formatCount(r.writes),
    },
    {
      label: 'Distinct pages they dirty (uniform writes)',
      formula: `N(1 − e^(−w·t/N)) with N = ${formatCount(wssPages)} working-set pages`,
      value: formatCount(expected),
    },
    {
      label: 'Dirty at the end of the round',
      formula: `newly dirtied ${formatCount(r.newlyDirtiedPages)}, plus any not yet sent`,
      value: `${formatCount(r.dirtyPagesAtEnd)} pages (${formatBytes(r.dirtyPagesAtEnd * pageBytes)})`,
    },
  ];
  if (r.thresholdBytes > 0)
    steps.push({
      label: 'Against the stop threshold',
      formula: `${formatMbps(r.estimateMbps)} × ${formatMs(sc.precopy.downtimeLimitMs)}`,
      value: `${formatBytes(r.thresholdBytes)}: ${r.dirtyPagesAtEnd * pageBytes < r.thresholdBytes ? 'fits, stop' : 'too much, go on'}`,
    });
  return {
    title: `Round ${index}`,
    summary: `Round ${index} sent what was dirty when it began; while it ran, the guest dirtied the pages the next round must send.`,
    steps,
    note:
      sc.workload.pattern === 'uniform'
        ? 'With uniform writes, rewriting a page that is already dirty adds nothing: the dirty set saturates at the working set.'
        : `The closed form assumes uniform writes; this workload is ${sc.workload.pattern}, so its hot pages saturate sooner.`,
  };
}
