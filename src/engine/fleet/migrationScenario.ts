import type { Scenario } from '../scenario/schema';
import { scenarioOrThrow } from '../scenario/validate';
import type { FleetLayout } from './build';
import type { FleetScenario, FleetScenarioInput } from './schema';
import type { MigrationRecord } from './trace';
import { fleetScenarioOrThrow } from './validate';
import { scenarioWithRateSteps } from './vmScenario';

const layouts = new WeakMap<object, { scenario: FleetScenario; layout: FleetLayout }>();

/**
 * The single-VM scenario of one migration of a fleet run, to open it in the lab: the VM's size and
 * workload, the fleet's migration settings, and the bandwidth the network granted it over time as
 * interventions on `network.linkMbps` (at most 64, merged into equal stretches of time when it changed
 * more often). Run by src/engine, it gives this migration's duration, blackout and bytes again, within
 * the calibration tolerance of the flow-level model (docs/fleet.md).
 */
export function migrationScenario(fleet: FleetScenario | FleetScenarioInput, record: MigrationRecord): Scenario {
  let built = layouts.get(fleet);
  if (!built) {
    built = fleetScenarioOrThrow(fleet);
    layouts.set(fleet, built);
  }
  const vm = built.layout.vms[record.vm];
  if (!vm) throw new Error(`migration ${record.id}: VM ${record.vm} is not in this fleet`);
  return scenarioOrThrow(scenarioWithRateSteps(built.scenario, vm, record.rateSteps));
}
