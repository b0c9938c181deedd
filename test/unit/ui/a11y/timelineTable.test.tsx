import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatMbps, formatMs, formatPct } from '../../../../src/ui/format';
import { TimelinePanel } from '../../../../src/ui/timeline/TimelinePanel';
import { MAX_TABLE_ROWS, thinnedSamples } from '../../../../src/ui/timeline/timelineTable';
import { openChartTable, readChartTable } from '../../../support/chartTable';
import { renderInLab } from '../../../support/renderLab';
import { drawFramesAtOnce } from '../../../support/syncFrames';
import { postcopy, threeRounds } from '../timeline/traces';

drawFramesAtOnce();

const openTable = (name: RegExp) => openChartTable(name);

describe('the timeline as a table', () => {
  it('is not built until asked for', () => {
    renderInLab((v) => <TimelinePanel {...v} />, { trace: threeRounds() });
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('has one row per sample the charts draw, with the trace figures, its phases and rounds', () => {
    const trace = threeRounds();
    renderInLab((v) => <TimelinePanel {...v} />, { trace });
    const [head, ...rows] = openTable(/^Timeline: dirty set, migration bandwidth, vm speed over time/);
    expect(head).toEqual(['Time', 'Phase', 'Dirty set', 'Migration bandwidth', 'VM speed']);
    const { columns } = trace.samples;
    const picked = thinnedSamples(columns.phase);
    expect(rows).toHaveLength(picked.length);
    const pageBytes = trace.scenario.vm.pageKiB * 1024;
    rows.forEach((row, k) => {
      const i = picked[k];
      expect(row[0]).toBe(formatMs(columns.tMs[i]));
      expect(row[2]).toBe(formatBytes(columns.dirtyPages[i] * pageBytes));
      expect(row[3]).toBe(formatMbps(columns.bandwidthMbps[i]));
      expect(row[4]).toBe(formatPct(columns.vmSpeedPct[i]));
    });
    // The rounds named are the run's rounds; the blackout rows lie inside the pause; the run ends finished.
    const rounds = new Set(rows.flatMap((r) => r[1].match(/round (\d+)/)?.[1] ?? []));
    expect(rounds.size).toBe(trace.summary.iterations);
    const blackout = rows.filter((r) => r[1] === 'Blackout');
    expect(blackout.length).toBeGreaterThan(0);
    rows.forEach((r, k) => {
      const i = picked[k];
      if (r[1] === 'Blackout') {
        expect(columns.tMs[i]).toBeGreaterThanOrEqual(trace.summary.pausedAtMs!);
        expect(columns.tMs[i]).toBeLessThanOrEqual(trace.summary.resumedAtMs!);
      }
    });
    expect(rows[rows.length - 1][1]).toBe('Finished');
    // The round bars' figures: each round's span, what it sent and what it left dirty.
    const [roundsHead, ...roundRows] = readChartTable(/^Timeline: pre-copy rounds/);
    expect(roundsHead).toEqual(['Round', 'Start', 'End', 'Sent', 'Left dirty']);
    expect(roundRows).toEqual(
      trace.rounds.map((r) => [
        String(r.index),
        formatMs(r.startMs),
        formatMs(r.endMs),
        formatBytes(r.bytesSent),
        formatBytes(r.dirtyPagesAtEnd * pageBytes),
      ]),
    );
  });

  it('names post-copy where the run has it', () => {
    renderInLab((v) => <TimelinePanel {...v} />, { trace: postcopy() });
    const [, ...rows] = openTable(/^Timeline: dirty set/);
    expect(rows.some((r) => r[1] === 'Post-copy')).toBe(true);
  });

  it('thins a long run to at most the row limit, keeping the first and last sample', () => {
    const flat = (n: number, at = -1) => Array.from({ length: n }, (_, i) => (at >= 0 && i >= at ? 2 : 1));
    expect(thinnedSamples(flat(10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const picked = thinnedSamples(flat(10_001, 5_003));
    expect(picked.length).toBeLessThanOrEqual(MAX_TABLE_ROWS + 2);
    expect(picked[0]).toBe(0);
    expect(picked).toContain(5_003);
    expect(picked[picked.length - 1]).toBe(10_000);
    expect(thinnedSamples([])).toEqual([]);
  });
});
