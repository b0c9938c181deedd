import { useEffect, useMemo, useRef } from 'react';
import { bootWorkspace } from '../state/bootWorkspace';
import type { EngineService } from '../state/engineService';
import { connectLabRunner, type LabRunner } from '../state/labRunner';
import { persistScenario } from '../state/persistence';
import { syncUrl } from '../state/urlSync';
import { WorkspaceContext, type WorkspaceContextValue } from '../state/WorkspaceContext';
import { createBrowserPool } from '../worker/browserPool';
import { useActionKeys } from './actions/useActionKeys';
import { ControlsPanel } from './controls/ControlsPanel';
import { Header } from './Header';
import { BaselineButton } from './lab/BaselineButton';
import { useLabView } from './lab/useLabView';
import { LifecycleStrip } from './lifecycle/LifecycleStrip';
import { MetricsPanel } from './metrics/MetricsPanel';
import { Notices } from './Notices';
import { PlaybackBar } from './playback/PlaybackBar';
import { usePlaybackClock } from './playback/usePlaybackClock';
import { RunStatus } from './RunStatus';
import { StageTabs } from './StageTabs';
import { TimelinePanel } from './timeline/TimelinePanel';

const safeStorage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/** The whole lab: one workspace, the engine pool, the panels around them. */
export function App({ createPool = createBrowserPool }: { createPool?: () => EngineService & { dispose(): void } }) {
  const store = useMemo(() => bootWorkspace(window.location.search, safeStorage()), []);
  const pool = useMemo(() => createPool(), [createPool]);
  const runnerRef = useRef<LabRunner | null>(null);
  // The panels get stable Cancel and Retry handles; the runner behind them lives with the effect.
  const value = useMemo<WorkspaceContextValue>(
    () => ({
      store,
      pool,
      runner: { cancel: () => runnerRef.current?.cancel(), retry: () => runnerRef.current?.retry(), stop: () => {} },
    }),
    [store, pool],
  );
  useEffect(() => {
    const runner = connectLabRunner(store, pool);
    runnerRef.current = runner;
    const stopPersist = persistScenario(store, safeStorage(), window);
    const stopUrl = syncUrl(store, window);
    return () => {
      runnerRef.current = null;
      runner.stop();
      stopPersist();
      stopUrl();
      // The workers go with the page (engines start again lazily if the effect runs again).
      pool.dispose();
    };
  }, [store, pool]);
  return (
    <WorkspaceContext.Provider value={value}>
      <LabScreen />
    </WorkspaceContext.Provider>
  );
}

function LabScreen() {
  usePlaybackClock();
  useActionKeys();
  const { run, baseline, stale } = useLabView();
  return (
    <div className="app">
      <Header />
      <Notices />
      <RunStatus />
      <main className="lab">
        <ControlsPanel />
        <StageTabs run={run} stale={stale} />
        <MetricsPanel run={run} baseline={baseline} stale={stale} />
        <section className="region region--timeline" aria-label="Timeline">
          <LifecycleStrip run={run} />
          <TimelinePanel run={run} baseline={baseline} stale={stale} actions={<BaselineButton />} />
          <PlaybackBar run={run} />
        </section>
      </main>
    </div>
  );
}
