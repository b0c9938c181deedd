import { useEffect, useMemo, useRef } from 'react';
import { bootLab } from '../state/bootLab';
import { LabContext, type Lab } from '../state/LabContext';
import { persistScenario } from '../state/persistence';
import { connectRunner, type Runner } from '../state/runner';
import { syncUrl } from '../state/urlSync';
import { engineWorker, type EngineClient } from '../worker/engineClient';
import { ControlsPanel } from './controls/ControlsPanel';
import { Header } from './Header';
import { LifecycleStrip } from './lifecycle/LifecycleStrip';
import { MetricsPanel } from './metrics/MetricsPanel';
import { Notices } from './Notices';
import { PlaybackBar } from './playback/PlaybackBar';
import { usePlaybackClock } from './playback/usePlaybackClock';
import { useShortcuts } from './playback/useShortcuts';
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

/** The whole lab: one store, the engine in its worker, the panels around them. */
export function App({ engine = engineWorker }: { engine?: () => EngineClient }) {
  const store = useMemo(() => bootLab(window.location.search, safeStorage()), []);
  const runnerRef = useRef<Runner | null>(null);
  // The panels get stable Cancel and Retry handles; the runner behind them lives with the effect.
  const lab = useMemo<Lab>(
    () => ({
      store,
      engine,
      runner: { cancel: () => runnerRef.current?.cancel(), retry: () => runnerRef.current?.retry(), stop: () => {} },
    }),
    [store, engine],
  );
  useEffect(() => {
    const runner = connectRunner(store, engine);
    runnerRef.current = runner;
    const stopPersist = persistScenario(store, safeStorage(), window);
    const stopUrl = syncUrl(store, window);
    return () => {
      runnerRef.current = null;
      runner.stop();
      stopPersist();
      stopUrl();
    };
  }, [store, engine]);
  return (
    <LabContext.Provider value={lab}>
      <LabScreen />
    </LabContext.Provider>
  );
}

function LabScreen() {
  usePlaybackClock();
  useShortcuts();
  return (
    <div className="app">
      <Header />
      <Notices />
      <RunStatus />
      <main className="lab">
        <ControlsPanel />
        <StageTabs />
        <MetricsPanel />
        <section className="region region--timeline" aria-label="Timeline">
          <LifecycleStrip />
          <TimelinePanel />
          <PlaybackBar />
        </section>
      </main>
    </div>
  );
}
