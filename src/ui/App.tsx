import { useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Scenario } from '../engine';
import { APP_VIEWS, type AppViewKey } from '../state/appViews';
import { bootWorkspace } from '../state/bootWorkspace';
import { connectComparisonRunner } from '../state/comparisonRunner';
import type { EngineService } from '../state/engineService';
import { connectLabRunner, type LabRunner } from '../state/labRunner';
import { DEFAULT_SCENARIO } from '../state/defaultScenario';
import { persistScenario, unfinishedSavedScenario } from '../state/persistence';
import { connectSweepRunner } from '../state/sweepRunner';
import { connectPresent } from '../state/presentRunner';
import { prefersReducedMotion } from './motion';
import { syncUrl } from '../state/urlSync';
import { useWorkspace, WorkspaceContext, type WorkspaceContextValue } from '../state/WorkspaceContext';
import { createBrowserPool } from '../worker/browserPool';
import { useActionKeys } from './actions/useActionKeys';
import { AddToComparisonButton } from './compare/AddToComparison';
import { EditingBar } from './compare/EditingBar';
import { ControlsPanel } from './controls/ControlsPanel';
import { Header } from './Header';
import * as lazyView from './lazyScreens';
import { LazyScreen } from './lazyScreens';
import { TimelineExport } from './export/viewExports';
import { BaselineButton } from './lab/BaselineButton';
import { useLabView } from './lab/useLabView';
import { LessonPanel } from './lessons/LessonPanel';
import { LessonsProvider } from './lessons/LessonsContext';
import { bootLessonLink, withLessonLinkVersion } from './lessons/openStep';
import { useSpoilerGuard } from './lessons/useCurrentStep';
import { LifecycleStrip } from './lifecycle/LifecycleStrip';
import { MetricsPanel } from './metrics/MetricsPanel';
import { FileDrop } from './files/FileDrop';
import { Notices } from './Notices';
import { PlaybackBar } from './playback/PlaybackBar';
import { PlaybackNarration } from './playback/PlaybackNarration';
import { usePlaybackClock } from './playback/usePlaybackClock';
import { RestorePrompt } from './RestorePrompt';
import { RunStatus } from './RunStatus';
import { StageTabs } from './StageTabs';
import { TimelinePanel } from './timeline/TimelinePanel';

/**
 * A shorter wall-time bound for the lab's runs, set by a browser test before the page loads
 * (test/e2e/wallLimit.spec.ts), so the test does not depend on how fast the machine is; otherwise none.
 */
const testWallLimitMs = (): number | undefined => {
  const v = (window as { brownoutWallLimitMs?: unknown }).brownoutWallLimitMs;
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
};

const safeStorage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

/** The whole lab: one workspace, the engine pool, the panels around them. */
export function App({ createPool = createBrowserPool }: { createPool?: () => EngineService & { dispose(): void } }) {
  const { store, heldBack, holding } = useMemo(() => {
    const search = withLessonLinkVersion(window.location.search);
    const booted = bootLessonLink(bootWorkspace(search, safeStorage()), search, safeStorage());
    // A saved scenario whose run never ended is never restored; when nothing else chose the scenario (no
    // link, no lesson) it is offered. Either way its mark stays until the user changes the scenario.
    const unfinished = unfinishedSavedScenario(safeStorage());
    const offered = booted.getState().scenario === DEFAULT_SCENARIO ? unfinished : null;
    return { store: booted, heldBack: offered, holding: unfinished !== null };
  }, []);
  const pool = useMemo(() => {
    const created = createPool();
    // The first engine's worker loads now, while the page renders, not once the lab asks for its first run.
    created.hello().catch(() => {});
    return created;
  }, [createPool]);
  const runnerRef = useRef<LabRunner | null>(null);
  // The panels get stable Cancel and Retry handles; the runner behind them lives with the effect.
  const value = useMemo<WorkspaceContextValue>(
    () => ({
      store,
      pool,
      runner: {
        cancel: () => runnerRef.current?.cancel(),
        retry: () => runnerRef.current?.retry(),
        resume: () => runnerRef.current?.resume(),
        stop: () => {},
      },
    }),
    [store, pool],
  );
  // The lab's first run is asked for before the first frame is painted, not after: the engine may have it
  // ready already (firstWorker.ts), and the page shows it a frame sooner.
  useLayoutEffect(() => {
    const runner = connectLabRunner(store, pool, { wallLimitMs: testWallLimitMs() });
    runnerRef.current = runner;
    return () => {
      runnerRef.current = null;
      runner.stop();
    };
  }, [store, pool]);
  useEffect(() => {
    // An embed on a course page must not replace the scenario a student left in the lab.
    const stopPersist = store.getState().embed.on
      ? () => {}
      : persistScenario(store, safeStorage(), window, { holdingBack: holding });
    const stopPresent = connectPresent(store, safeStorage(), prefersReducedMotion());
    const stopUrl = syncUrl(store, window);
    const stopViews = [connectComparisonRunner(store, pool), connectSweepRunner(store, pool)];
    return () => {
      stopViews.forEach((stop) => stop());
      stopPersist();
      stopPresent();
      stopUrl();
      // The workers go with the page (engines start again lazily if the effect runs again).
      pool.dispose();
    };
  }, [store, pool, holding]);
  return (
    <WorkspaceContext.Provider value={value}>
      <LessonsProvider storage={safeStorage()}>
        <AppScreen heldBack={heldBack} />
      </LessonsProvider>
    </WorkspaceContext.Provider>
  );
}

/** What each top-level view (appViews) shows under the header (all but the lab load on first use). */
const SCREENS: Record<AppViewKey, () => ReactNode> = {
  lab: () => <LabScreen />,
  compare: () => lazyScreen('compare', <lazyView.CompareScreen exportMenu={<lazyView.ComparisonExport />} />),
  sweep: () => lazyScreen('sweep', <lazyView.SweepScreen exportMenu={<lazyView.SweepExport />} />),
  fleet: () => lazyScreen('fleet', <lazyView.FleetScreen />),
  variants: () => lazyScreen('variants', <lazyView.VariantsScreen />),
  replay: () => lazyScreen('replay', <lazyView.ReplayScreen />),
  lessons: () => lazyScreen('lessons', <lazyView.LessonsView />),
  glossary: () => lazyScreen('glossary', <lazyView.GlossaryView />),
};

const lazyScreen = (key: AppViewKey, screen: ReactNode) => (
  <LazyScreen key={key} name={`the ${APP_VIEWS.find((v) => v.key === key)!.label} view`}>
    {screen}
  </LazyScreen>
);

/** The header and notices, then the view the header (or the link) picked. */
function AppScreen({ heldBack }: { heldBack: Scenario | null }) {
  usePlaybackClock();
  useActionKeys();
  const view = useWorkspace((s) => s.view);
  const mode = useWorkspace((s) => (s.embed.on ? 'embed' : s.present.on ? 'present' : 'lab'));
  // Every mode has the narration of playback for screen readers.
  const narration = <PlaybackNarration key="narration" />;
  if (mode === 'embed')
    return [
      narration,
      <LazyScreen key="screen" name="the embedded lab">
        {<lazyView.EmbedScreen />}
      </LazyScreen>,
    ];
  if (mode === 'present')
    return [
      narration,
      <LazyScreen key="screen" name="presentation mode">
        <lazyView.PresentScreen otherView={view === 'lab' ? null : SCREENS[view]} />
      </LazyScreen>,
    ];
  return (
    <div className="app">
      {narration}
      <Header />
      <Notices />
      <FileDrop />
      <LessonPanel />
      {heldBack && <RestorePrompt scenario={heldBack} storage={safeStorage()} />}
      {SCREENS[view]()}
    </div>
  );
}

function LabScreen() {
  const { run, baseline, stale } = useLabView();
  const guarded = useSpoilerGuard();
  return (
    <>
      <RunStatus />
      <EditingBar />
      <main className="lab" data-guarded={guarded || undefined}>
        <ControlsPanel />
        <StageTabs run={run} stale={stale} />
        <MetricsPanel run={run} baseline={baseline} stale={stale} />
        <section className="region region--timeline" aria-label="Timeline">
          <LifecycleStrip run={run} />
          <TimelinePanel
            run={run}
            baseline={baseline}
            stale={stale}
            actions={
              <>
                <AddToComparisonButton />
                <BaselineButton />
                <TimelineExport trace={run?.trace ?? null} />
              </>
            }
          />
          <PlaybackBar run={run} />
        </section>
      </main>
    </>
  );
}
