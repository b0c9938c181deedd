// First: configures zod before any schema is built (see the module).
import '../zodWithoutEval';
import { expose } from 'comlink';
import { createEngineHost } from './engineHost';
import { FIRST_WORKER_NAME } from './types';

// The page's first worker works out the default scenario while the page sets itself up (firstWorker.ts).
expose(createEngineHost(self.name === FIRST_WORKER_NAME ? { early: {} } : {}));
