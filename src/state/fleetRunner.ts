import type { FleetScenarioInput, FleetTrace } from '../engine';
import type { JobHandle } from '../worker/pool';
import type { EngineService } from './engineService';
import { fleetScenarioOf, type FleetSetup } from './fleetLink';
import { EMPTY_SLOT, type FleetRunSlot, type FleetViewStore } from './fleetStore';
import type { WorkspaceStore } from './workspace';

/** Waits this long after the last change of a control before simulating (a held arrow key is one run). */
const SETTLE_MS = 150;

/** One job at a time into one slot of the fleet store: a newer request cancels the one going. */
function slotRunner(pool: EngineService, write: (patch: Partial<FleetRunSlot> | null) => void) {
  let handle: JobHandle<FleetTrace> | null = null;
  return {
    start(input: FleetScenarioInput) {
      handle?.cancel();
      const job = pool.submit('fleet', input, {
        priority: 'interactive',
        onProgress: (p) => {
          if (handle === job) write({ progress: p.fraction });
        },
      });
      handle = job;
      void job.result.then((outcome) => {
        if (handle !== job) return;
        handle = null;
        if (outcome.status === 'done')
          write({ status: 'done', progress: 1, trace: outcome.value, error: null, wallMs: outcome.wallMs });
        else if (outcome.status === 'failed') write({ status: 'failed', error: outcome.message });
      });
    },
    stop() {
      handle?.cancel();
      handle = null;
    },
  };
}

/**
 * Keeps the fleet view's run in step with the workspace's fleet setup through the pool (never on the
 * page's thread), and runs the "Simulate maintenance event" probes. Returns stop().
 */
export function connectFleetRunner(workspace: WorkspaceStore, fleet: FleetViewStore, pool: EngineService) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const main = slotRunner(pool, (patch) => patch && fleet.setState({ main: { ...fleet.getState().main, ...patch } }));
  const probe = slotRunner(pool, (patch) => {
    const p = fleet.getState().probe;
    if (patch && p) fleet.setState({ probe: { ...p, ...patch } });
  });

  const run = (setup: FleetSetup) => {
    timer = undefined;
    const r = fleetScenarioOf(setup);
    if (!r.ok) {
      main.stop();
      fleet.setState({
        main: { ...fleet.getState().main, status: 'failed', error: r.problems.join('\n'), problems: r.problems, setup },
      });
      return;
    }
    fleet.setState({
      main: {
        ...fleet.getState().main,
        status: 'running',
        progress: 0,
        setup,
        scenario: r.scenario,
        error: null,
        problems: r.problems,
      },
      probe: null,
    });
    probe.stop();
    main.start(r.input);
  };

  const current = fleet.getState().main;
  if (current.setup !== workspace.getState().fleet || current.status !== 'done') run(workspace.getState().fleet);
  const unsubscribe = workspace.subscribe((s, prev) => {
    if (s.fleet === prev.fleet) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => run(workspace.getState().fleet), SETTLE_MS);
  });

  return {
    /** The fleet on screen with one event only: a simulated maintenance event for `vm`. */
    simulateMaintenance(vm: number) {
      const scenario = fleet.getState().main.scenario;
      if (!scenario) return;
      const input: FleetScenarioInput = { ...scenario, events: [{ kind: 'simulate-maintenance', atS: 0, vm }] };
      fleet.setState({ probe: { ...EMPTY_SLOT, status: 'running', scenario, vm } });
      probe.start(input);
    },
    stop() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      main.stop();
      probe.stop();
    },
  };
}

export type FleetRunner = ReturnType<typeof connectFleetRunner>;
