import {
  HEAT_BAND_COUNT,
  HEAT_BAND_NAMES,
  PHASE_CODES,
  SAMPLE_COLUMNS,
  type FitResult,
  type SampleColumn,
  type SpectrumEntry,
  type Trace,
} from '../../engine';
import type { CsvTable } from './csv';

/** The data behind each view as tables, and the names of the files they go into. */

/** Each sample column's CSV name, unit included. */
const SAMPLE_CSV_NAMES: Record<SampleColumn, string> = {
  tMs: 't_ms',
  dirtyPages: 'dirty_pages',
  remainingBytes: 'remaining_bytes',
  transferredBytes: 'transferred_bytes',
  bandwidthMbps: 'bandwidth_mbps',
  vmSpeedPct: 'vm_speed_pct',
  faultsPerSec: 'postcopy_faults_per_s',
  throttlePct: 'throttle_pct',
  expectedDowntimeMs: 'expected_downtime_ms',
  phase: 'phase',
};

const PHASE_BY_CODE = Object.fromEntries(Object.entries(PHASE_CODES).map(([name, code]) => [code, name]));

/** The timeline's samples, one row per sample; the phase by name. Figures a record lacks are empty. */
export function timelineTable(trace: Trace): CsvTable {
  const { columns } = trace.samples;
  const rows = Array.from(columns.tMs, (_, i) =>
    SAMPLE_COLUMNS.map((c) => (c === 'phase' ? (PHASE_BY_CODE[columns.phase[i]] ?? '') : columns[c][i])),
  );
  return { columns: SAMPLE_COLUMNS.map((c) => SAMPLE_CSV_NAMES[c]), rows };
}

/** Every pre-copy round. */
export function roundsTable(trace: Trace): CsvTable {
  return {
    columns: [
      'round',
      'start_ms',
      'end_ms',
      'pages_sent',
      'zero_pages_sent',
      'bytes_sent',
      'dirty_pages_at_start',
      'dirty_pages_at_end',
      'newly_dirtied_pages',
      'bandwidth_mbps',
      'threshold_bytes',
      'throttle_pct',
    ],
    rows: trace.rounds.map((r) => [
      r.index,
      r.startMs,
      r.endMs,
      r.pagesSent,
      r.zeroPagesSent,
      r.bytesSent,
      r.dirtyPagesAtStart,
      r.dirtyPagesAtEnd,
      r.newlyDirtiedPages,
      r.bandwidthMbps,
      r.thresholdBytes,
      r.throttlePct,
    ]),
  };
}

/** The summary figures of a run as one row. */
export function summaryTable(trace: Trace): CsvTable {
  const s = trace.summary;
  const figures: [string, string | number | boolean][] = [
    ['strategy', s.strategy],
    ['outcome', s.outcome],
    ['converged', s.converged],
    ['stop_reason', s.stopReason],
    ['rounds', s.iterations],
    ['dirty_sync_count', s.dirtySyncCount],
    ['downtime_ms', s.downtimeMs],
    ['downtime_limit_ms', trace.scenario.precopy.downtimeLimitMs],
    ['total_time_ms', s.totalTimeMs],
    ['setup_time_ms', s.setupTimeMs],
    ['bytes_transferred', s.bytesTransferred],
    ['memory_bytes', s.memoryBytes],
    ['memory_multiple', s.memoryMultiple],
    ['precopy_bytes', s.precopyBytes],
    ['downtime_bytes', s.downtimeBytes],
    ['postcopy_bytes', s.postcopyBytes],
    ['postcopy_faults', s.postcopyFaults],
    ['expected_downtime_ms', s.expectedDowntimeMs],
    ['max_throttle_pct', s.maxThrottlePct],
    ['link_share_pct', s.linkSharePct],
    ['others_starved_pct', s.othersStarvedPct],
    ['vm_lost_s', s.vmLostSeconds],
  ];
  return { columns: figures.map(([name]) => name), rows: [figures.map(([, value]) => value)] };
}

const bandColumn = (name: string) => `${name.replace(/ /g, '_')}_pct`;

/** The heatmap at one frame: per cell, the pages it covers and the share of them in each band, %. */
export function heatmapTable(trace: Trace, frameIndex: number): CsvTable | null {
  const h = trace.heatmap;
  if (!h) return null;
  const frame = Math.max(0, Math.min(h.frameTimesMs.length - 1, frameIndex));
  const offset = frame * h.cells * HEAT_BAND_COUNT;
  const tMs = h.frameTimesMs[frame];
  const rows = Array.from({ length: h.cells }, (_, c) => {
    const first = Math.round(c * h.pagesPerCell);
    const last = Math.min(h.pageCount, Math.round((c + 1) * h.pagesPerCell)) - 1;
    const shares = Array.from({ length: HEAT_BAND_COUNT }, (_, b) =>
      Number(((h.data[offset + c * HEAT_BAND_COUNT + b] / 255) * 100).toFixed(2)),
    );
    return [tMs, c, first, last, ...shares];
  });
  return { columns: ['t_ms', 'cell', 'first_page', 'last_page', ...HEAT_BAND_NAMES.map(bandColumn)], rows };
}

/** The spectrum of approaches, most disruptive first. */
export function spectrumTable(entries: readonly SpectrumEntry[]): CsvTable {
  return {
    columns: [
      'approach',
      'label',
      'downtime_ms',
      'total_ms',
      'bytes_sent',
      'completed',
      'state_lost',
      'guest_cooperation',
    ],
    rows: entries.map((e) => [
      e.approach,
      e.label,
      e.downtimeMs,
      e.totalMs,
      e.bytesSent,
      e.completed,
      e.stateLost,
      e.guestCooperation,
    ]),
  };
}

/** A fit's summary figures: measured, predicted and the relative error of each. */
export function fitTable(fit: FitResult): CsvTable {
  const rows = (Object.keys(fit.measured) as (keyof FitResult['measured'])[]).map((key) => {
    const error = fit.errors[key];
    return [key, fit.measured[key], fit.predicted[key], error === null || error === undefined ? null : error * 100];
  });
  return { columns: ['figure', 'measured', 'predicted', 'relative_error_pct'], rows };
}

/** A piece of a file name: lower case, letters, digits and dashes. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/\.(jsonl?|txt)$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'run'
  );
}

/** `brownout-timeline-precopy-web`: what the file holds, then which run. */
export function fileStem(what: string, ...details: (string | null | undefined)[]): string {
  return ['brownout', what, ...details.filter((d): d is string => !!d).map(slug)].join('-');
}

/** The run a trace describes, for file names: its strategy and workload, or `qemu-record`. */
export function traceTag(trace: Trace): string {
  if (trace.origin?.kind === 'qemu-record') return 'qemu-record';
  return `${trace.scenario.strategy}-${trace.scenario.workload.preset}`;
}

/** "t12.5s": the playhead's time in a file name. */
export const timeTag = (tMs: number): string => `t${Number((tMs / 1000).toFixed(tMs < 10_000 ? 2 : 1))}s`;
