import { currentVersion, type VersionedFormat } from '../versioning';
import { TRACE_FORMAT } from './types';

type Doc = Record<string, unknown>;

/** Set by the migration to version 2 on a document whose figures cannot be carried over (see below). */
export const SUPERSEDED = 'supersededTrace';

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
    {
      to: 2,
      what:
        'events are data (a kind and its figures) instead of sentences, the summary records the blackout part by part, the wire sizes and the lost work by cause, and the heatmap has eight bands. ' +
        'A version 1 trace was worked out by rules since corrected (the stop test, the blackout), so it cannot be shown as this version would: only its scenario is read, to run it again',
      up: (doc) => ({ ...doc, formatVersion: 2, [SUPERSEDED]: true }),
    },
  ],
};

export const TRACE_FORMAT_VERSION = currentVersion(TRACE_VERSIONS);
