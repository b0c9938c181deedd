import { PHASE_CODES, type Trace } from '../../engine';
import type { TableData } from '../a11y/ChartTable';
import { formatBytes, formatMs } from '../format';
import { roundAt } from '../traceAt';
import { CHART_SERIES } from './chartSeries';
import { pageBytesOf } from './timelineLayout';
import { phaseName } from './timelineText';

/** A long run has thousands of samples; the table keeps every n-th (and the last), at most this many rows. */
export const MAX_TABLE_ROWS = 150;

const PHASE_BY_CODE = new Map<number, string>(
  Object.entries(PHASE_CODES).map(
    ([kind, code]) =>
      [code, kind === 'done' ? 'Finished' : phaseName(kind as Exclude<keyof typeof PHASE_CODES, 'done'>)] as const,
  ),
);

/** The samples `every` apart, the first of each phase (so no phase is left out) and the last one. */
export function thinnedSamples(phases: ArrayLike<number>, maxRows = MAX_TABLE_ROWS): number[] {
  const count = phases.length;
  const every = Math.max(1, Math.ceil(count / maxRows));
  const picked: number[] = [];
  for (let i = 0; i < count; i++) if (i % every === 0 || i === count - 1 || phases[i] !== phases[i - 1]) picked.push(i);
  return picked;
}

/** The timeline's charts as a table: the same samples and series the canvas draws, with the phase and round. */
export function timelineTableData(trace: Trace): TableData {
  const { columns } = trace.samples;
  const count = columns.tMs.length;
  const picked = thinnedSamples(columns.phase);
  return {
    caption: `Timeline: ${CHART_SERIES.map((s) => s.name.toLowerCase()).join(', ')} over time`,
    columns: ['Time', 'Phase', ...CHART_SERIES.map((s) => s.name)],
    rows: picked.map((i) => {
      const tMs = columns.tMs[i];
      const round = roundAt(trace, tMs);
      const phase = PHASE_BY_CODE.get(columns.phase[i]) ?? '';
      return [
        formatMs(tMs),
        round && columns.phase[i] === PHASE_CODES.precopy ? `${phase}, round ${round.index}` : phase,
        ...CHART_SERIES.map((s) => s.format(s.value(trace, i))),
      ];
    }),
    note:
      picked.length < count
        ? `${picked.length} of the ${count} samples: one in ${Math.ceil(count / MAX_TABLE_ROWS)}, the first of each phase and the last (the CSV export has them all).`
        : undefined,
  };
}

/** The round bars as a table: each round's span, what it sent and what it left dirty. */
export function roundsTableData(trace: Trace): TableData {
  const pageBytes = pageBytesOf(trace);
  return {
    caption: 'Timeline: pre-copy rounds',
    columns: ['Round', 'Start', 'End', 'Sent', 'Left dirty'],
    rows: trace.rounds.map((r) => [
      String(r.index),
      formatMs(r.startMs),
      formatMs(r.endMs),
      formatBytes(r.bytesSent),
      formatBytes(r.dirtyPagesAtEnd * pageBytes),
    ]),
  };
}
