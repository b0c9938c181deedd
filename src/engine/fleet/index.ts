/**
 * The fleet engine's public face: a fleet scenario in, a fleet trace out. Pure and deterministic like the
 * rest of src/engine (no DOM, no wall clock, seeded randomness); the same in Node and in a worker.
 *
 * - `FleetRun` steps a run in batches (`step`, `progress`, `done`, `trace`) for a worker; `simulateFleet`
 *   runs one to the end.
 * - `parseFleetScenario` validates (messages name the field, the value and the range) and builds the fleet.
 * - `migrationScenario(fleetScenario, record)` opens one migration of a run in the lab (src/engine).
 * - `FLEET_PRESETS` are named scenarios; `PLATFORM_DEFINITIONS` the platforms' defaults with sources.
 */
export { FleetRun, simulateFleet } from './fleetRun';
export { migrationScenario } from './migrationScenario';
export { parseFleetScenario, fleetScenarioOrThrow, fleetAllowedAt, type FleetScenarioResult } from './validate';
export { setFleetField } from './setFleetField';
export { FLEET_PRESETS, FLEET_PRESET_NAMES, type FleetPreset, type FleetPresetName } from './presets';
export { PLATFORM_DEFINITIONS, type PlatformDefinition } from './platforms';
export { fleetTraceToJson, fleetTraceTransferables } from './serialize';
export {
  fleetScenarioSchema,
  FLEET_SCENARIO_VERSION,
  EVENT_KINDS,
  PLATFORMS,
  type FleetScenario,
  type FleetScenarioInput,
  type FleetEventSpec,
  type FleetEventKind,
  type Platform,
} from './schema';
export { hostName, rackName, type FleetLayout, type HostSpec, type VmSpec } from './build';
export { HOST_STATES, HOST_STATE_CODES } from './trace';
export type {
  FleetTrace,
  FleetSummary,
  MigrationRecord,
  VmFate,
  FateOutcome,
  FateReason,
  FleetLogEvent,
  HostChangeLog,
  HostSamples,
  PeakConcurrent,
  CapsInForce,
  HostState,
  MaintenanceEventValue,
} from './trace';
