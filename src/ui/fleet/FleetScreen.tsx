import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { migrationScenario, type FleetTrace } from '../../engine';
import { fleetSeek, fleetTogglePlay } from '../../state/fleetPlayhead';
import { connectFleetRunner, type FleetRunner } from '../../state/fleetRunner';
import { fleetViewStoreOf } from '../../state/fleetStore';
import { openView } from '../../state/transitions';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { useSpoilerGuard } from '../lessons/useCurrentStep';
import { formatCount, formatMs } from '../format';
import { busyEndMs, fleetEndMs } from './fleetAt';
import { FleetControls } from './FleetControls';
import { FleetCounters } from './FleetCounters';
import { FleetGantt } from './FleetGantt';
import { FleetHosts } from './FleetHosts';
import { FleetPlayback } from './FleetPlayback';
import { FleetVmPanel } from './FleetVmPanel';
import { useFleetClock } from './useFleetClock';
import './fleet.css';

/**
 * The fleet view: a fleet scenario simulated on the engine pool (never in the page), its hosts and
 * migrations on the shared playhead, its counters, the scheduler's policies as controls, and any VM's
 * migration one click away from the lab.
 */
export function FleetScreen() {
  const { store, pool } = useWorkspaceContext();
  const fleetStore = useMemo(() => fleetViewStoreOf(store), [store]);
  const runnerRef = useRef<FleetRunner | null>(null);
  useEffect(() => {
    const runner = connectFleetRunner(store, fleetStore, pool);
    runnerRef.current = runner;
    return () => {
      runner.stop();
      runnerRef.current = null;
      // Back in the lab, the shared playhead is paused within the lab's run again.
      const ws = store.getState();
      ws.pause();
      ws.seek(ws.playhead.tMs);
    };
  }, [store, fleetStore, pool]);
  const main = useStore(fleetStore, (s) => s.main);
  const probe = useStore(fleetStore, (s) => s.probe);
  const selectedHost = useStore(fleetStore, (s) => s.selectedHost);
  const selectedVm = useStore(fleetStore, (s) => s.selectedVm);
  const speed = useStore(fleetStore, (s) => s.speedSPerS);
  const trace = main.trace;
  const endMs = trace ? fleetEndMs(trace) : null;
  const fitMs = useMemo(() => (trace ? busyEndMs(trace) : null), [trace]);
  useFleetClock(store, endMs, fitMs ?? 1, speed);
  useFleetKeys(endMs);

  const openMigration = (t: FleetTrace, id: number) => {
    const scenario = migrationScenario(t.scenario, t.migrations[id]);
    const ws = store.getState();
    ws.loadScenario(scenario);
    store.setState({ playhead: { ...store.getState().playhead, tMs: 0, playing: false } });
    ws.apply(openView('lab'));
  };
  const stale = trace !== null && main.status === 'running';
  const guarded = useSpoilerGuard();

  return (
    <>
      <FleetStatus
        status={main.status}
        progress={main.progress}
        error={main.error}
        wallMs={main.wallMs}
        vms={trace?.summary.vms ?? null}
      />
      <main className="fleet" aria-busy={main.status === 'running'} data-guarded={guarded || undefined}>
        <FleetControls scenario={main.scenario} problems={main.problems} />
        {trace && endMs !== null ? (
          <>
            <div className={`fleet-stage${stale ? ' is-stale' : ''}`}>
              <FleetHosts
                trace={trace}
                endMs={endMs}
                selectedHost={selectedHost}
                selectedVm={selectedVm}
                onSelectHost={(h) => fleetStore.setState({ selectedHost: h })}
              />
              <FleetGantt
                trace={trace}
                endMs={endMs}
                selectedVm={selectedVm}
                onSelectVm={(v) => fleetStore.setState({ selectedVm: v })}
              />
              <FleetPlayback
                endMs={endMs}
                fitMs={fitMs ?? endMs}
                speedSPerS={speed}
                onSpeed={(s) => fleetStore.setState({ speedSPerS: s })}
              />
            </div>
            <div className="fleet-side">
              <FleetCounters trace={trace} endMs={endMs} />
              <FleetVmPanel
                trace={trace}
                endMs={endMs}
                selectedHost={selectedHost}
                selectedVm={selectedVm}
                probe={probe}
                onSelectVm={(v) => fleetStore.setState({ selectedVm: v })}
                onSelectHost={(h) => fleetStore.setState({ selectedHost: h })}
                onOpenMigration={openMigration}
                onSimulate={(v) => runnerRef.current?.simulateMaintenance(v)}
              />
            </div>
          </>
        ) : (
          <div className="fleet-stage fleet-stage--empty">
            <p>{main.status === 'failed' ? 'No fleet to show: see the message above.' : 'Simulating the fleet…'}</p>
          </div>
        )}
      </main>
    </>
  );
}

function FleetStatus(p: {
  status: string;
  progress: number;
  error: string | null;
  wallMs: number | null;
  vms: number | null;
}) {
  if (p.status === 'failed')
    return (
      <div className="run-status run-status--failed" role="alert">
        <span>The fleet could not be simulated: {p.error}</span>
      </div>
    );
  if (p.status === 'running')
    return (
      <div className="run-status" role="status" aria-label="Fleet simulation progress">
        <progress max={1} value={p.progress} aria-label="Simulating the fleet" />
        <span>simulating the fleet in a worker… {Math.round(p.progress * 100)} %</span>
      </div>
    );
  if (p.status === 'done' && p.wallMs !== null && p.vms !== null)
    return (
      <p className="fleet-status" role="status">
        {formatCount(p.vms)} VMs simulated in {formatMs(p.wallMs)} in a worker
      </p>
    );
  return null;
}

/** Space, Home, End and the arrows (a hundredth of the run) play and move the fleet's playhead here, not the lab's. */
function useFleetKeys(endMs: number | null) {
  const { store } = useWorkspaceContext();
  useEffect(() => {
    if (endMs === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      // Fields keep their keys; a button keeps Space (it presses the button).
      if (target && target.closest('input, select, textarea, [role="slider"]')) return;
      if (e.key === ' ' && target?.closest('button')) return;
      const transition =
        e.key === ' '
          ? fleetTogglePlay(endMs)
          : e.key === 'Home'
            ? fleetSeek(0, endMs)
            : e.key === 'End'
              ? fleetSeek(endMs, endMs)
              : e.key === 'ArrowRight' || e.key === 'ArrowLeft'
                ? fleetSeek(store.getState().playhead.tMs + ((e.key === 'ArrowRight' ? 1 : -1) * endMs) / 100, endMs)
                : null;
      if (!transition) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      store.getState().apply(transition);
    };
    // Capture: before the page's shortcuts, which would play the lab's run.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store, endMs]);
}
