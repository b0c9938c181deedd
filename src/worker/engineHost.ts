import { releaseProxy, transfer } from 'comlink';
import { ENGINE_VERSION, fleetTraceTransferables, type FleetTrace, type ScenarioInput, type Trace } from '../engine';
import { EarlyRun } from './earlyRun';
import { JobScheduler } from './scheduler';
import type { EngineHello, JobInput, JobKind, JobOutcome, JobProgress, JobValue, Priority } from './types';

declare const WorkerGlobalScope: unknown;

/** The typed arrays of a trace, handed over to the page instead of copied. */
function buffersOf(trace: Trace): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [...Object.values(trace.samples.columns)];
  if (trace.heatmap) arrays.push(trace.heatmap.frameTimesMs, trace.heatmap.data);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

type ProgressCallback = ((p: JobProgress) => void) & { [releaseProxy]?: () => void };

export interface EngineHostOptions {
  /** A scenario to work out at once, before any job asks, for the first run job that wants the same. */
  early?: ScenarioInput;
}

/**
 * What a worker exposes through comlink: one scheduler of its own (nothing module-global), jobs named by
 * the page's ids. Tests build one and call it over a MessageChannel.
 */
export function createEngineHost({ early }: EngineHostOptions = {}) {
  const scheduler = new JobScheduler();
  const earlyRun = early ? new EarlyRun(scheduler, early) : null;
  return {
    hello(): EngineHello {
      return { engineVersion: ENGINE_VERSION, inWorker: typeof WorkerGlobalScope !== 'undefined' };
    },

    async start<K extends JobKind>(
      id: number,
      kind: K,
      input: JobInput<K>,
      priority: Priority,
      onProgress?: ProgressCallback,
      wallLimitMs?: number,
    ): Promise<JobOutcome<JobValue<K>>> {
      const report = onProgress && ((p: JobProgress) => void onProgress(p));
      const ready = kind === 'run' ? earlyRun?.claim(input as JobInput<'run'>) : null;
      const outcome = (await (ready ?? scheduler.start(id, kind, input, priority, report, wallLimitMs))) as JobOutcome<
        JobValue<K>
      >;
      onProgress?.[releaseProxy]?.();
      if (outcome.status === 'done' && kind === 'run') return transfer(outcome, buffersOf(outcome.value as Trace));
      if (outcome.status === 'done' && kind === 'fleet')
        return transfer(outcome, fleetTraceTransferables(outcome.value as FleetTrace));
      return outcome;
    },

    cancel(id: number): void {
      scheduler.cancel(id);
    },

    resume(id: number): void {
      scheduler.resume(id);
    },
  };
}

export type EngineHostApi = ReturnType<typeof createEngineHost>;
