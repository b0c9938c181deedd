import type { EnginePool } from '../worker/pool';

/** What the workspace needs of the engine pool (tests hand in a pool of in-process or fake engines). */
export type EngineService = Pick<EnginePool, 'hello' | 'run' | 'spectrum' | 'submit'>;
