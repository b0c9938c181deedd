// First: configures zod before any schema is built (see the module).
import '../zodWithoutEval';
import { expose } from 'comlink';
import { createEngineHost } from './engineHost';

expose(createEngineHost());
