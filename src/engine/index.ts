/**
 * The engine's public face: scenario in, trace out. Pure and deterministic; no DOM, no React, no wall
 * clock. The same code runs in Node (CLI, tests, benches) and in the Web Workers. Every other layer imports
 * the engine from here (ESLint enforces it), so what is exported here is the engine's contract.
 */

// Running (worker and CLI only: the UI never runs the engine on the main thread).
export { MigrationRun, runScenario, type RunOptions } from './run';
export { spectrum, SpectrumRun, type Approach, type SpectrumEntry } from './spectrum';
export { ENGINE_VERSION } from './version';
export { mbpsToBytesPerMs, mibpsToBytesPerMs } from './units';

// The fleet: many VMs, a scheduler, shared links (src/engine/fleet/index.ts says what is there).
export * from './fleet';

// The scenario format.
export {
  DISK_MODES,
  FAULT_KINDS,
  FAULT_MOMENTS,
  INTERVENTION_PATHS,
  NOT_LIVE_RESPONSES,
  PAGE_ACCEPTANCE,
  PREPAGING,
  PROFILES,
  VARIANTS,
  CONFIDENTIAL_KINDS,
  SCENARIO_VERSION,
  STOP_RULES,
  STRATEGIES,
  WORKLOAD_PRESETS,
  WRITE_PATTERNS,
  type Fault,
  type FaultKind,
  type Intervention,
  type InterventionPath,
  type Profile,
  type Scenario,
  type ScenarioInput,
  type StopRule,
  type Strategy,
  type WorkloadPhase,
  type WorkloadPreset,
  type WritePattern,
  type Variant,
  type ConfidentialKind,
} from './scenario/schema';
export type { VariantReport, ConfidentialReport } from './variants/report';
export { ABORT_RULES, HOST_CANNOT, TDX_WIRE, MIGTD_TIMEOUT_MS } from './confidential/tdxFacts';
export {
  allowedAt,
  parseScenario,
  scenarioOrThrow,
  schemaAt,
  unitOfField,
  type ScenarioProblem,
  type ScenarioResult,
} from './scenario/validate';
export { applyPreset, WORKLOAD_PRESET_DEFINITIONS, type PresetDefinition } from './scenario/presets';
export { scenarioFields, type FieldInfo } from './scenario/fields';
export { setField } from './scenario/setField';
export { applyProfile } from './scenario/profile';
export { fieldLabel, messageLines, previewValue, quoteText } from './scenario/preview';
export { repairScenario, replacementNote } from './scenario/repair';
export { SCENARIO_FORMAT } from './scenario/versions';
export {
  checkFormat,
  currentVersion,
  migrate,
  type Migration,
  type MigrationResult,
  type VersionedFormat,
} from './versioning';

// The trace.
export type {
  EventKind,
  EventOf,
  FailureCode,
  HeatmapFrames,
  LifecycleStep,
  LifecycleStepKind,
  Outcome,
  Phase,
  PhaseKind,
  Round,
  SampleColumn,
  Samples,
  SimulatedTrace,
  StepStatus,
  StopReason,
  Summary,
  Trace,
  TraceEvent,
  TraceOrigin,
} from './trace/types';
export { PHASE_CODES, SAMPLE_COLUMNS, TRACE_FORMAT } from './trace/types';
export { TRACE_FORMAT_VERSION, TRACE_VERSIONS } from './trace/versions';
export { readTrace, type TraceReadResult } from './trace/readTrace';
export { runEndMs } from './trace/summary';
export { traceJsonChunks, traceToJson } from './trace/serialize';
export { HEAT_BAND_COUNT, HEAT_BAND_NAMES, HeatBand } from './memory/pageState';

// Real migrations: QEMU QMP records read, replayed as traces, and fitted.
export { importQmp, type ImportResult, RECORD_HAS_NO_HEATMAP } from './replay/importQmp';
export {
  fitRecord,
  FitRun,
  type FitOutcome,
  type FitResult,
  type FitFigures,
  type FitErrors,
  type FitOverrides,
} from './replay/fit';
export { MAX_TRANSCRIPT_CHARS, parseQmp, type QmpRecord, type QmpProblem } from './replay/qmp';
export { FIT_TOLERANCE, withinTolerance } from './replay/tolerance';
