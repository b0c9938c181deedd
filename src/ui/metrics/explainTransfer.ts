import { runEndMs } from '../../engine';
import type { Trace } from '../../engine';
import { formatBytes, formatCount, formatMs, formatPct } from '../format';
import { count } from '../text/plural';
import { phaseName } from '../timeline/timelineText';
import { info, result, term, type Explanation, type Step } from './explanation';
import { confidentialBytes } from '../variants/confidentialFigures';

/** What the migration moved and took: its total time phase by phase, its bytes by kind, its cost to the VM and the link. */

export function explainTotalTime(trace: Trace): Explanation {
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

export function explainBytes(trace: Trace): Explanation {
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

export function explainImpact(trace: Trace): Explanation {
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
