import { act } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { formatCount, formatMs } from '../../../../src/ui/format';
import { HostsPanel } from '../../../../src/ui/hosts/HostsPanel';
import { openChartTable, readChartTable } from '../../../support/chartTable';
import { renderInLab, seekTo } from '../../../support/renderLab';

// 128 MiB used of 256 MiB in 4 KiB pages: 32,768 pages to copy and as many zero pages.
const trace = runScenario({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } });
const PAGES = 32_768;

const byState = (rows: string[][]) => Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));

describe('the heatmaps as a table', () => {
  it('counts the pages in each state at the playhead, from the used memory before to all of it sent after', () => {
    const { store } = renderInLab((v) => <HostsPanel {...v} />, { trace, tMs: 0 });
    const start = byState(openChartTable(/^Memory at 0 ms: pages by state/));
    expect(start['Not yet sent'].slice(1, 4)).toEqual([formatCount(PAGES), '128 MiB', '50 %']);
    expect(start['Untouched'].slice(1, 4)).toEqual([formatCount(PAGES), '128 MiB', '50 %']);
    expect(start['Not yet sent'][4]).toBe('missing');

    act(() => seekTo(store, trace.summary.totalTimeMs));
    const end = trace.heatmap!.frameTimesMs[trace.heatmap!.frameTimesMs.length - 1];
    const after = byState(readChartTable(new RegExp(`^Memory at ${formatMs(end)}`)));
    expect(after['Not yet sent'][1]).toBe('0');
    expect(after['Dirtied since sent'][1]).toBe('0');
    const held = ['Sent and clean', 'Pushed', 'Fetched on fault', 'In flight', 'Faulted just now'].reduce(
      (sum, state) => sum + Number(after[state][1].replace(/,/g, '')),
      0,
    );
    expect(held).toBe(PAGES);
  });
});
