import { act, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import type { Trace } from '../../../../src/engine/trace/types';
import type { WorkspaceStore } from '../../../../src/state/workspace';
import { formatMbps } from '../../../../src/ui/format';
import { HostsPanel } from '../../../../src/ui/hosts/HostsPanel';
import { sampleIndexAt } from '../../../../src/ui/traceAt';
import { renderInLab, seekTo } from '../../../support/renderLab';

let trace: Trace;
beforeAll(() => {
  // 128 MiB used of 256 MiB: half the pages are zero pages.
  trace = runScenario({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } });
});

function renderPanel(state: { trace: Trace | null; tMs: number }): WorkspaceStore {
  const { store } = renderInLab((v) => <HostsPanel {...v} />, { trace: state.trace ?? undefined, tMs: state.tMs });
  return store;
}

const host = (name: string) => screen.getByRole('article', { name });
const link = () => screen.getByRole('group', { name: /migration link/i });
const heatmapOf = (name: string) => within(host(name)).getByRole('img');

describe('HostsPanel', () => {
  it('shows both hosts, each with a described memory heatmap', () => {
    renderPanel({ trace, tMs: 0 });
    expect(screen.getByRole('region', { name: 'Hosts' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Source host' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Destination host' })).toBeInTheDocument();
    expect(screen.getAllByRole('img')).toHaveLength(2);
    expect(heatmapOf('Source host')).toHaveAccessibleName('Source memory at 0 ms: 50 % not yet sent, 50 % zero pages');
    expect(heatmapOf('Destination host')).toHaveAccessibleName(
      'Destination memory at 0 ms: holds 0 % of used memory; 50 % not yet sent, 50 % zero pages',
    );
  });

  it('describes the heatmaps at the end: every used page sent, the destination holding all of them', () => {
    renderPanel({ trace, tMs: trace.summary.totalTimeMs });
    expect(heatmapOf('Source host')).toHaveAccessibleName(/: 50 % sent and clean, 50 % zero pages$/);
    expect(heatmapOf('Destination host')).toHaveAccessibleName(/holds 100 % of used memory;/);
  });

  it('gives the figures at the playhead under each heatmap', () => {
    const store = renderPanel({ trace, tMs: 0 });
    expect(within(host('Source host')).getByText('Dirty: 32,768 pages (128 MiB) · 1 cell = 64 pages')).toBeVisible();
    expect(within(host('Destination host')).getByText('Holds 0 % of used memory (0 B of 128 MiB)')).toBeVisible();
    act(() => seekTo(store, trace.summary.totalTimeMs));
    expect(within(host('Source host')).getByText(/^Dirty: 0 pages \(0 B\)/)).toBeVisible();
    expect(within(host('Destination host')).getByText('Holds 100 % of used memory (128 MiB of 128 MiB)')).toBeVisible();
  });

  it('moves the VM marker from the source, to paused during the blackout, to the destination', () => {
    const { pausedAtMs, resumedAtMs, totalTimeMs } = trace.summary;
    expect(pausedAtMs).not.toBeNull();
    expect(resumedAtMs).not.toBeNull();
    const store = renderPanel({ trace, tMs: 0 });
    const where = () => ({
      source: within(host('Source host')).queryByText('VM running here') !== null,
      paused: within(link()).queryByText(/VM paused/) !== null,
      destination: within(host('Destination host')).queryByText('VM running here') !== null,
    });
    expect(where()).toEqual({ source: true, paused: false, destination: false });
    act(() => seekTo(store, (pausedAtMs! + resumedAtMs!) / 2));
    expect(where()).toEqual({ source: false, paused: true, destination: false });
    expect(
      within(link())
        .getByText(/VM paused/)
        .closest('p'),
    ).toHaveTextContent(/VM paused \(blackout\)$/);
    act(() => seekTo(store, totalTimeMs));
    expect(where()).toEqual({ source: false, paused: false, destination: true });
  });

  it('keeps the VM on the source when the migration was aborted', () => {
    const aborted: Trace = { ...trace, summary: { ...trace.summary, outcome: 'aborted' } };
    renderPanel({ trace: aborted, tMs: trace.summary.totalTimeMs });
    expect(within(host('Source host')).getByText('VM running here')).toBeVisible();
    expect(within(host('Destination host')).queryByText('VM running here')).toBeNull();
  });

  it('labels the link with the throughput at the playhead, flowing only while pages move', () => {
    const store = renderPanel({ trace, tMs: 0 });
    expect(within(link()).getByText('0 Mbit/s')).toBeVisible();
    expect(within(link()).getByText('no traffic')).toBeVisible();
    const tMs = trace.summary.totalTimeMs / 2;
    act(() => seekTo(store, tMs));
    const expected = formatMbps(trace.samples.columns.bandwidthMbps[sampleIndexAt(trace, tMs)]);
    expect(expected).not.toBe('0 Mbit/s');
    expect(within(link()).getByText(expected)).toBeVisible();
    expect(within(link()).getByText('migration traffic')).toBeVisible();
  });

  it('shows the link still once the migration is over, whatever the last sample carried', () => {
    const { bandwidthMbps } = trace.samples.columns;
    expect(bandwidthMbps[bandwidthMbps.length - 1]).toBeGreaterThan(0);
    renderPanel({ trace, tMs: trace.summary.totalTimeMs });
    expect(within(link()).getByText('0 Mbit/s')).toBeVisible();
    expect(within(link()).getByText('migration finished')).toBeVisible();
  });

  it('reads the throughput from the sample under the playhead', () => {
    const { columns } = trace.samples;
    // Each sample's bandwidth is its own index, so the label names the sample shown.
    const bandwidthMbps = Float64Array.from(columns.tMs, (_, i) => i);
    const marked: Trace = { ...trace, samples: { ...trace.samples, columns: { ...columns, bandwidthMbps } } };
    const tMs = columns.tMs[40] + 1;
    renderPanel({ trace: marked, tMs });
    expect(within(link()).getByText('40 Mbit/s')).toBeVisible();
  });

  it('has a colour key naming all seven page states for both hosts', () => {
    renderPanel({ trace, tMs: 0 });
    const key = screen.getByRole('table', { name: /colour key/i });
    const names = within(key)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(names.sort()).toEqual(
      [
        'Untouched',
        'Not yet sent',
        'Sent and clean',
        'Dirtied since sent',
        'Fetched on fault',
        'Pushed',
        'In flight',
      ].sort(),
    );
    expect(within(key).getByRole('rowheader', { name: 'Source' })).toBeInTheDocument();
    expect(within(key).getByRole('rowheader', { name: 'Destination' })).toBeInTheDocument();
  });

  it('waits for the engine before the first trace', () => {
    renderPanel({ trace: null, tMs: 0 });
    expect(within(host('Source host')).getByText('Waiting for the engine…')).toBeVisible();
    expect(within(host('Destination host')).getByText('Waiting for the engine…')).toBeVisible();
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    expect(within(link()).getByText('–')).toBeVisible();
  });
});
