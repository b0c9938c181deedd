import { ENGINE_VERSION } from '../engine/version';

/** What the page may ask of the engine. The worker exposes exactly this object through comlink. */
export const engineApi = {
  hello(): { engineVersion: string; inWorker: boolean } {
    return { engineVersion: ENGINE_VERSION, inWorker: typeof WorkerGlobalScope !== 'undefined' };
  },
};

export type EngineApi = typeof engineApi;

declare const WorkerGlobalScope: unknown;
