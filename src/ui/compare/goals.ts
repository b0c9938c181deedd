import type { Summary } from '../../engine';
import type { Run } from '../../state/runs';
import { formatBytes, formatMs, formatPct } from '../format';

/**
 * The four goals a migration trades against each other, written exactly as the lab's metrics write them
 * (same formatters, same figures of the summary), so a run's row in the comparison reads as its lab panel.
 * Each is better lower.
 */
export interface Goal {
  key: 'downtime' | 'totalTime' | 'bytes' | 'impact';
  label: string;
  /** The figure compared (lower is better). */
  value: (s: Summary) => number;
  /** The figure as the lab's metric card shows it. */
  text: (s: Summary) => string;
  /** The card's second line, when it has one that does not depend on a baseline. */
  detail?: (s: Summary) => string;
  /** The unit of `value`, for exported data. */
  unit: string;
}

export const GOALS: readonly Goal[] = [
  { key: 'downtime', label: 'Downtime', value: (s) => s.downtimeMs, text: (s) => formatMs(s.downtimeMs), unit: 'ms' },
  {
    key: 'totalTime',
    label: 'Total migration time',
    value: (s) => s.totalTimeMs,
    text: (s) => formatMs(s.totalTimeMs),
    unit: 'ms',
  },
  {
    key: 'bytes',
    label: 'Bytes transferred',
    value: (s) => s.bytesTransferred,
    text: (s) => formatBytes(s.bytesTransferred),
    detail: (s) => `${s.memoryMultiple.toFixed(2)}× memory`,
    unit: 'bytes',
  },
  {
    key: 'impact',
    label: 'Impact on other services',
    value: (s) => s.linkSharePct,
    text: (s) => `${formatPct(s.linkSharePct)} link`,
    detail: (s) =>
      `${s.othersStarvedPct > 0 ? `neighbours starved ${formatPct(s.othersStarvedPct)} · ` : ''}guest lost ${formatMs(s.vmLostSeconds * 1000)} of work`,
    unit: '% of the link',
  },
];

/** A run that did not complete (aborted, lost) cannot be best at anything: its short downtime is no win. */
const counts = (s: Summary | undefined): s is Summary => s?.outcome === 'completed';

/**
 * For each goal, the indices of the runs that are best at it: the lowest figure among completed runs,
 * and any other run whose figure reads the same on screen (two "285 ms" are both best). When every run
 * reads the same, none is best: there is nothing to choose between them on that goal.
 */
export function bestIndices(summaries: readonly (Summary | undefined)[]): Record<Goal['key'], Set<number>> {
  const out = {} as Record<Goal['key'], Set<number>>;
  for (const goal of GOALS) {
    let best: Summary | null = null;
    for (const s of summaries) if (counts(s) && (!best || goal.value(s) < goal.value(best))) best = s;
    const text = best ? goal.text(best) : null;
    const tied = summaries.flatMap((s, i) => (counts(s) && goal.text(s) === text ? [i] : []));
    out[goal.key] = new Set(tied.length === summaries.filter(counts).length ? [] : tied);
  }
  return out;
}

/** The letter that names a run in the charts (A to D), so runs are told apart without colour. */
export const runLetter = (index: number): string => String.fromCharCode(65 + index);

/** The comparison as rows of data (for an export menu): one per run, the four goals in their units. */
export function comparisonRows(compared: readonly { label: string; run: Run }[]): Record<string, string | number>[] {
  return compared.map(({ label, run }, i) => {
    const s = run.trace?.summary;
    const row: Record<string, string | number> = { run: runLetter(i), name: label, status: run.status };
    for (const goal of GOALS) row[`${goal.key} (${goal.unit})`] = s ? goal.value(s) : '';
    row.outcome = s?.outcome ?? '';
    row.strategy = run.scenario.strategy;
    return row;
  });
}
