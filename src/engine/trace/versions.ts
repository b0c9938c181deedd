import { currentVersion, type VersionedFormat } from '../versioning';
import { TRACE_FORMAT } from './types';

type Doc = Record<string, unknown>;

/**
 * Versions of the saved trace. Version 0 is what `npm run sim -- --trace` wrote before traces named
 * their format: the same sections, without `format` and `formatVersion`. Append a migration whenever a
 * section changes shape.
 */
export const TRACE_VERSIONS: VersionedFormat<Doc> = {
  name: 'trace format',
  firstVersion: 0,
  migrations: [
    {
      to: 1,
      what: 'the top level names its format ("brownout-trace") and version',
      up: (doc) => ({ ...doc, format: TRACE_FORMAT, formatVersion: 1 }),
    },
  ],
};

export const TRACE_FORMAT_VERSION = currentVersion(TRACE_VERSIONS);
