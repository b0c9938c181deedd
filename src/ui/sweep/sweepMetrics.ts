import { mbpsToBytesPerMs, mibpsToBytesPerMs, type Scenario, type Strategy, type Summary } from '../../engine';
import { fieldDef, type ChoiceField } from '../../state/fields';
import type { SweepPoint, SweepSpec, SweepState } from '../../state/sweep';
import { formatBytes, formatMs } from '../format';

/** What a sweep plots against the field: the figures of each point's summary, as the lab writes them. */
export interface SweepMetric {
  key: 'downtime' | 'totalTime' | 'bytes' | 'rounds';
  label: string;
  value: (s: Summary) => number;
  format: (v: number) => string;
  unit: string;
}

export const SWEEP_METRICS: readonly SweepMetric[] = [
  { key: 'downtime', label: 'Downtime', value: (s) => s.downtimeMs, format: formatMs, unit: 'ms' },
  { key: 'totalTime', label: 'Total migration time', value: (s) => s.totalTimeMs, format: formatMs, unit: 'ms' },
  { key: 'bytes', label: 'Bytes transferred', value: (s) => s.bytesTransferred, format: formatBytes, unit: 'bytes' },
  { key: 'rounds', label: 'Rounds', value: (s) => s.iterations, format: (v) => String(v), unit: 'rounds' },
];

/**
 * How a point is drawn: pre-copy that reached its threshold (or a strategy without rounds, or hybrid's
 * planned switch to post-copy) is a filled mark; rounds stopped by a cap, a timeout or no progress a
 * cross; a migration that aborted or lost the VM a hollow mark.
 */
export type PointMark = 'ok' | 'not-converged' | 'not-completed';

/** Pre-copy ended by a cap, a timeout or giving up rather than by reaching its threshold. */
const GAVE_UP: ReadonlySet<Summary['stopReason']> = new Set([
  'max-iterations',
  'sent-factor',
  'no-progress',
  'timeout',
  'simulation-limit',
]);

export function pointMark(s: Summary): PointMark {
  if (s.outcome !== 'completed') return 'not-completed';
  return GAVE_UP.has(s.stopReason) ? 'not-converged' : 'ok';
}

export const MARK_TEXT: Record<PointMark, string> = {
  ok: 'converged, or no rounds to converge',
  'not-converged': 'did not converge',
  'not-completed': 'did not complete',
};

const STRATEGY = fieldDef('strategy') as ChoiceField<'strategy'>;
export const strategyName = (s: Strategy): string => STRATEGY.options.find((o) => o.value === s)?.label ?? s;

/**
 * Where the guest's write rate equals the migration's bandwidth (its cap when it has one, else the link),
 * in the unit of the field swept: MiB/s for the write rate, Mbit/s for the link or the cap. Null when the
 * field is neither (or the link is capped below the link speeds swept, which then do not matter).
 */
export function bandwidthLine(field: SweepSpec['field'], base: Scenario): { value: number; text: string } | null {
  const { linkMbps, capMbps } = base.network;
  const streamMbps = capMbps > 0 ? Math.min(capMbps, linkMbps) : linkMbps;
  if (field === 'workload.writeRateMiBps') {
    const mibps = mbpsToBytesPerMs(streamMbps) / mibpsToBytesPerMs(1);
    return { value: mibps, text: `write rate = bandwidth (${mibps.toPrecision(3)} MiB/s)` };
  }
  const writeMbps = mibpsToBytesPerMs(base.workload.writeRateMiBps) / mbpsToBytesPerMs(1);
  if (field === 'network.capMbps' || (field === 'network.linkMbps' && capMbps === 0))
    return { value: writeMbps, text: `bandwidth = write rate (${writeMbps.toPrecision(3)} Mbit/s)` };
  return null;
}

/** How the point's run ended, in the words of its mark. */
export function markText(s: Summary): string {
  const mark = pointMark(s);
  if (mark !== 'ok') return MARK_TEXT[mark];
  if (s.stopReason === 'postcopy-switch') return 'switched to post-copy as planned';
  return s.iterations === 0 ? 'no pre-copy rounds' : 'converged';
}

/** The sweep as rows of data (for an export menu): one per point, the field's value and the figures. */
export function sweepRows(sweep: Pick<SweepState, 'spec' | 'points'>): Record<string, string | number | boolean>[] {
  return sweep.points.map((p: SweepPoint) => {
    const row: Record<string, string | number | boolean> = {
      [sweep.spec.field]: p.value,
      strategy: p.strategy,
      status: p.status,
    };
    for (const m of SWEEP_METRICS) row[`${m.key} (${m.unit})`] = p.summary ? m.value(p.summary) : '';
    row.converged = p.summary ? p.summary.converged : '';
    row.outcome = p.summary?.outcome ?? '';
    row.error = p.error ?? '';
    return row;
  });
}
