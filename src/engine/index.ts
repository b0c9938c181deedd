/**
 * The engine's public face: scenario in, trace out. Pure and deterministic; no DOM, no React, no wall
 * clock. The same code runs in Node (CLI, tests, benches) and in the Web Worker.
 */
export { MigrationRun, runScenario, type RunOptions } from './run';
export { ENGINE_VERSION } from './version';
export type { Trace, Summary, Round, Phase, TraceEvent, Samples, HeatmapFrames, SampleColumn } from './trace/types';
export { SAMPLE_COLUMNS } from './trace/types';
export type { Scenario, ScenarioInput } from './scenario/schema';
export { importQmp, type ImportResult, RECORD_HAS_NO_HEATMAP } from './replay/importQmp';
export {
  fitRecord,
  type FitOutcome,
  type FitResult,
  type FitFigures,
  type FitErrors,
  type FitOverrides,
} from './replay/fit';
export { parseQmp, type QmpRecord, type QmpProblem } from './replay/qmp';
export type { TraceOrigin } from './trace/types';
