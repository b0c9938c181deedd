import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import type { Trace } from '../../../src/engine';
import { HostsPanel } from '../../../src/ui/hosts/HostsPanel';
import type { LabView } from '../../../src/ui/lab/useLabView';
import { LifecyclePanel } from '../../../src/ui/lifecycle/LifecyclePanel';
import { LifecycleStrip } from '../../../src/ui/lifecycle/LifecycleStrip';
import { MetricsPanel } from '../../../src/ui/metrics/MetricsPanel';
import { TimelinePanel } from '../../../src/ui/timeline/TimelinePanel';
import { renderInLab } from '../../support/renderLab';
import { drawFramesAtOnce } from '../../support/syncFrames';

drawFramesAtOnce();

const trace = runScenario({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } });

const panels = (v: LabView) => (
  <>
    <MetricsPanel {...v} />
    <HostsPanel {...v} />
    <TimelinePanel {...v} />
    <LifecyclePanel {...v} />
  </>
);

describe('what the panels draw against the scenario on screen', () => {
  it('says plainly on every panel when the result is not the scenario on screen, until a fresh one arrives', () => {
    const { store } = renderInLab(panels, { trace });
    expect(screen.queryByText(/: previous result/)).toBeNull();
    act(() => store.getState().changeField('network.linkMbps', 2000));
    act(() => store.getState().runStarted(store.getState().startLabRun()));
    expect(screen.getAllByText('running: previous result')).toHaveLength(4);
    expect(within(screen.getByRole('region', { name: 'Metrics' })).getByText(/running:/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Hosts' })).getByText(/running:/)).toBeInTheDocument();
    act(() => store.getState().runCancelled(store.getState().labRunId!));
    expect(screen.getAllByText('cancelled: previous result')).toHaveLength(4);
    act(() => {
      const again = store.getState().startLabRun();
      store.getState().runFailed(again, 'boom');
    });
    expect(screen.getAllByText('failed: previous result')).toHaveLength(4);
    act(() => {
      const fresh = store.getState().startLabRun();
      store.getState().runDone(fresh, runScenario({ ...trace.scenario, network: { linkMbps: 2000 } }), 1);
    });
    expect(screen.queryByText(/: previous result/)).toBeNull();
  });

  it('a record without per-page data or lifecycle steps says so where the heatmaps would be', () => {
    const record: Trace = { ...trace };
    delete record.heatmap;
    delete record.lifecycle;
    renderInLab(
      (v) => (
        <>
          <HostsPanel {...v} />
          <LifecycleStrip run={v.run} />
          <TimelinePanel {...v} />
        </>
      ),
      { trace: record },
    );
    expect(screen.getAllByText('No per-page data in this record')).toHaveLength(2);
    expect(screen.queryByRole('img', { name: /memory at/ })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Migration steps' })).toBeNull();
    expect(within(screen.getByRole('article', { name: 'Source host' })).getByText(/^Dirty: 0 pages/)).toBeVisible();
    expect(screen.getAllByRole('button', { name: /^Round \d+:/ }).length).toBe(trace.rounds.length);
  });
});
