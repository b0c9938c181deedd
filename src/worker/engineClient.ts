import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './engine.api';

let remote: Remote<EngineApi> | undefined;

/** The engine in its Web Worker, created on first use (never at import time, so tests without Worker still load). */
export function engineWorker(): Remote<EngineApi> {
  remote ??= wrap<EngineApi>(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}
