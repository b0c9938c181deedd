import { transfer } from 'comlink';
import { MigrationRun } from '../engine/run';
import type { ScenarioInput } from '../engine/scenario/schema';
import { scenarioOrThrow } from '../engine/scenario/validate';
import { spectrum, type SpectrumEntry } from '../engine/spectrum';
import type { Trace } from '../engine/trace/types';
import { ENGINE_VERSION } from '../engine/version';

export interface RunProgress {
  runId: number;
  /** 0..1, approximate. */
  fraction: number;
  simulatedMs: number;
}

export type RunReply =
  | { kind: 'done'; runId: number; trace: Trace; wallMs: number }
  | { kind: 'superseded'; runId: number }
  | { kind: 'failed'; runId: number; message: string };

/** Work in slices of about this much wall time, then let newer requests in. */
const SLICE_WALL_MS = 12;

let latestRunId = 0;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The typed arrays of a trace, handed over to the page instead of copied. */
function buffersOf(trace: Trace): ArrayBuffer[] {
  const arrays = [...Object.values(trace.samples.columns), trace.heatmap.frameTimesMs, trace.heatmap.data];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * What the page may ask of the engine. The worker exposes exactly this object through comlink; tests
 * call it directly or over a MessageChannel. A newer `run` supersedes any older one still going: the
 * older one notices at its next slice and answers `superseded`.
 */
export const engineApi = {
  hello(): { engineVersion: string; inWorker: boolean } {
    return { engineVersion: ENGINE_VERSION, inWorker: typeof WorkerGlobalScope !== 'undefined' };
  },

  async run(scenario: ScenarioInput, runId: number, onProgress?: (p: RunProgress) => void): Promise<RunReply> {
    latestRunId = Math.max(latestRunId, runId);
    const started = performance.now();
    try {
      const run = new MigrationRun(scenario);
      let sliceStart = performance.now();
      while (!run.done) {
        run.step();
        if (performance.now() - sliceStart > SLICE_WALL_MS) {
          onProgress?.({ runId, fraction: run.progress(), simulatedMs: run.tMs });
          await yieldToMessages();
          if (runId !== latestRunId) return { kind: 'superseded', runId };
          sliceStart = performance.now();
        }
      }
      const trace = run.trace();
      const reply: RunReply = { kind: 'done', runId, trace, wallMs: performance.now() - started };
      return transfer(reply, buffersOf(trace));
    } catch (e) {
      return { kind: 'failed', runId, message: e instanceof Error ? e.message : String(e) };
    }
  },

  /** The same VM moved every way there is, from power-down to live migration. */
  spectrum(scenario: ScenarioInput): SpectrumEntry[] {
    return spectrum(scenarioOrThrow(scenario));
  },

  /** Stops whatever run is going (it answers `superseded`). */
  cancel(runId: number): void {
    latestRunId = Math.max(latestRunId, runId);
  },
};

export type EngineApi = typeof engineApi;

declare const WorkerGlobalScope: unknown;
