import { proxy, wrap, type Remote } from 'comlink';
import type { ScenarioInput } from '../engine/scenario/schema';
import type { SpectrumEntry } from '../engine/spectrum';
import type { EngineApi, RunProgress, RunReply } from './engine.api';

/** What the page needs from an engine: the worker in the app, a fake or an in-process one in tests. */
export interface EngineClient {
  hello(): Promise<{ engineVersion: string; inWorker: boolean }>;
  run(scenario: ScenarioInput, runId: number, onProgress?: (p: RunProgress) => void): Promise<RunReply>;
  cancel(runId: number): Promise<void>;
  spectrum(scenario: ScenarioInput): Promise<SpectrumEntry[]>;
}

let remote: Remote<EngineApi> | undefined;

/** The engine in its Web Worker, created on first use (never at import time, so tests without Worker still load). */
export function engineWorker(): EngineClient {
  remote ??= wrap<EngineApi>(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  const r = remote;
  return {
    hello: () => r.hello(),
    run: (scenario, runId, onProgress) => r.run(scenario, runId, onProgress ? proxy(onProgress) : undefined),
    cancel: (runId) => r.cancel(runId),
    spectrum: (scenario) => r.spectrum(scenario),
  };
}
