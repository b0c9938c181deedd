import { describe, expect, it } from 'vitest';
import { HEAT_BAND_COUNT, importQmp, SAMPLE_COLUMNS } from '../../../../src/engine';
import { toCsv } from '../../../../src/ui/export/csv';
import {
  fileStem,
  heatmapTable,
  roundsTable,
  spectrumTable,
  summaryTable,
  timelineTable,
  timeTag,
} from '../../../../src/ui/export/exportData';
import { traceText } from '../../../support/traces';
import { threeRounds } from '../timeline/traces';

/** CSV text back into rows of cells (no quoted line breaks in these tables). */
const parse = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((line) =>
      line
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
        .slice(0, -1)
        .map((c) => c.replace(/,$/, '')),
    );

describe('toCsv', () => {
  it('writes a header, CRLF lines, quotes what needs quoting and leaves unrecorded figures empty', () => {
    const csv = toCsv({
      columns: ['name', 'downtime_ms', 'converged'],
      rows: [
        ['plain', 285, true],
        ['with, comma', NaN, false],
        ['say "hi"', null, undefined],
      ],
    });
    expect(csv).toBe('name,downtime_ms,converged\r\nplain,285,true\r\n"with, comma",,false\r\n"say ""hi""",,\r\n');
  });

  it('refuses a row that does not match the header', () => {
    expect(() => toCsv({ columns: ['a', 'b'], rows: [[1]] })).toThrow(/row 1 has 1 cells, the header 2/);
  });
});

describe('the tables behind the views', () => {
  it('timeline: one row per sample, every column with its unit, values as in the trace', () => {
    const trace = threeRounds();
    const table = timelineTable(trace);
    expect(table.columns).toEqual([
      't_ms',
      'dirty_pages',
      'remaining_bytes',
      'transferred_bytes',
      'bandwidth_mbps',
      'vm_speed_pct',
      'postcopy_faults_per_s',
      'throttle_pct',
      'expected_downtime_ms',
      'phase',
    ]);
    expect(table.columns).toHaveLength(SAMPLE_COLUMNS.length);
    expect(table.rows).toHaveLength(trace.samples.columns.tMs.length);
    const rows = parse(toCsv(table));
    const last = rows[rows.length - 1];
    const n = trace.samples.columns.tMs.length - 1;
    expect(Number(last[0])).toBe(trace.samples.columns.tMs[n]);
    expect(Number(last[3])).toBe(trace.samples.columns.transferredBytes[n]);
    expect(last[9]).toBe('done');
    expect(rows.slice(1).map((r) => r[9])).toContain('blackout');
  });

  it('timeline of a QEMU record: figures QEMU does not report are empty cells, not zeros', () => {
    const r = importQmp(traceText('idle_m256_bw64_dt300.jsonl'));
    if ('error' in r) throw new Error(r.error.message);
    const rows = parse(toCsv(timelineTable(r.trace)));
    const speed = rows[0].indexOf('vm_speed_pct');
    expect(rows.slice(1).every((row) => row[speed] === '')).toBe(true);
    expect(rows.slice(1).some((row) => Number(row[rows[0].indexOf('remaining_bytes')]) > 0)).toBe(true);
  });

  it('rounds and summary: the figures the metrics panel shows', () => {
    const trace = threeRounds();
    const rounds = roundsTable(trace);
    expect(rounds.rows).toHaveLength(trace.rounds.length);
    expect(rounds.rows.map((r) => r[5])).toEqual(trace.rounds.map((r) => r.bytesSent));
    const summary = summaryTable(trace);
    const at = (name: string) => summary.rows[0][summary.columns.indexOf(name)];
    expect(at('downtime_ms')).toBe(trace.summary.downtimeMs);
    expect(at('total_time_ms')).toBe(trace.summary.totalTimeMs);
    expect(at('bytes_transferred')).toBe(trace.summary.bytesTransferred);
    expect(at('rounds')).toBe(trace.summary.iterations);
  });

  it('heatmap: one row per cell at the frame asked for, its band shares adding up to 100 %', () => {
    const trace = threeRounds();
    const h = trace.heatmap!;
    const table = heatmapTable(trace, 3)!;
    expect(table.columns.slice(0, 4)).toEqual(['t_ms', 'cell', 'first_page', 'last_page']);
    expect(table.columns.slice(4)).toHaveLength(HEAT_BAND_COUNT);
    expect(table.columns).toContain('not_yet_sent_pct');
    expect(table.rows).toHaveLength(h.cells);
    for (const row of table.rows) {
      expect(row[0]).toBe(h.frameTimesMs[3]);
      const sum = (row.slice(4) as number[]).reduce((a, b) => a + b, 0);
      expect(sum).toBeGreaterThan(98);
      expect(sum).toBeLessThan(102);
    }
    expect(table.rows[table.rows.length - 1][3]).toBe(h.pageCount - 1);
    const r = importQmp(traceText('idle_m256_bw64_dt300.jsonl'));
    if ('error' in r) throw new Error(r.error.message);
    expect(heatmapTable(r.trace, 0)).toBeNull();
  });

  it('spectrum: every approach with its figures', () => {
    const entries = [
      {
        approach: 'cold',
        label: 'Cold move',
        downtimeMs: 60_000,
        totalMs: 60_000,
        bytesSent: 5,
        stateLost: 'all',
        guestCooperation: 'no',
        how: 'x',
        completed: true,
      },
    ] as const;
    const table = spectrumTable(entries as never);
    expect(table.columns).toContain('downtime_ms');
    expect(table.rows[0]).toEqual(['cold', 'Cold move', 60_000, 60_000, 5, true, 'all', 'no']);
  });

  it('file names say what they hold', () => {
    expect(fileStem('timeline', 'precopy-web')).toBe('brownout-timeline-precopy-web');
    expect(fileStem('sweep', 'network.linkMbps')).toBe('brownout-sweep-network-linkmbps');
    expect(fileStem('fit', 'My Record.jsonl')).toBe('brownout-fit-my-record');
    expect(fileStem('heatmap', 'precopy-web', timeTag(12_345))).toBe('brownout-heatmap-precopy-web-t12-3s');
    expect(timeTag(1_234)).toBe('t1.23s');
  });
});
