import type {
  FitOverrides,
  FitResult,
  FleetScenarioInput,
  FleetTrace,
  QmpRecord,
  ScenarioInput,
  SpectrumEntry,
  Summary,
  Trace,
} from '../engine';

/** The name the page gives its first worker (firstWorker.ts): that one works out the default scenario at once. */
export const FIRST_WORKER_NAME = 'brownout-first';

/** Lab runs go first; the spectrum and (later) sweep points fill the time they leave. */
export type Priority = 'interactive' | 'background';

export interface JobProgress {
  /** 0..1, approximate. */
  fraction: number;
  /** Simulated time reached so far, ms. */
  simulatedMs: number;
  /**
   * Set when the job has computed for its wall-time bound (`JobOptions.wallLimitMs`) and waits: the wall
   * time it has used, ms. It goes on only when told to (JobHandle.resume), or is cancelled.
   */
  pausedAfterMs?: number;
}

/** Tells a job paused at its wall-time bound to compute as long again (what JobHandle.resume sends). */
export class Continuation extends EventTarget {
  grant(): void {
    this.dispatchEvent(new Event('continue'));
  }
}

export interface JobOptions {
  /** Aborting it cancels the job: it answers `cancelled` and leaves every other job alone. */
  signal?: AbortSignal;
  priority?: Priority;
  /** Called now and then (at most about ten times a second) while the job runs. */
  onProgress?: (p: JobProgress) => void;
  /**
   * Wall time the job may compute before it pauses and says so through `onProgress` (`pausedAfterMs`);
   * each `continues` grant allows as much again. Unbounded when absent. Without `onProgress` to say it,
   * a job over its bound fails instead of waiting unseen.
   */
  wallLimitMs?: number;
  /** Where the grants to go on come from. */
  continues?: Continuation;
}

/** How a job ended. A job's promise never rejects: it always settles with one of these. */
export type JobOutcome<T> =
  | { status: 'done'; value: T; wallMs: number }
  | { status: 'cancelled' }
  /** `crashed`: the engine itself died (a worker that stopped), not the job's input; worth a retry. */
  | { status: 'failed'; message: string; crashed: boolean };

/**
 * What an engine can be asked to do: each kind's input and result. A new kind (a sweep, a replay of a
 * real migration) is an entry here and a stepper in ./jobs.ts.
 */
export interface JobTypes {
  run: { input: ScenarioInput; value: Trace };
  spectrum: { input: ScenarioInput; value: SpectrumEntry[] };
  /** One point of a sweep: the run's summary only, so a few hundred points cost little to hand over. */
  point: { input: ScenarioInput; value: Summary };
  /** A fleet scenario to its trace: every VM's fate, every migration, the hosts' load over time. */
  fleet: { input: FleetScenarioInput; value: FleetTrace };
  /** A real migration's record: the scenario derived from it (with the user's overrides), run and compared. */
  fit: { input: { record: QmpRecord; overrides: FitOverrides }; value: FitResult };
}
export type JobKind = keyof JobTypes;
export type JobInput<K extends JobKind> = JobTypes[K]['input'];
export type JobValue<K extends JobKind> = JobTypes[K]['value'];

export interface EngineHello {
  engineVersion: string;
  inWorker: boolean;
}

/**
 * One engine: in this thread (`InProcessEngine`, for Node) or in a Web Worker (`WorkerEngine`). It runs
 * any number of jobs at once, interactive ones first, each cancelled by its own signal.
 */
export interface Engine {
  hello(): Promise<EngineHello>;
  start<K extends JobKind>(kind: K, input: JobInput<K>, options?: JobOptions): Promise<JobOutcome<JobValue<K>>>;
  /** Stops everything and frees the engine (terminates its worker); jobs still going answer `cancelled`. */
  dispose(): void;
}
