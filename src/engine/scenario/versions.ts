import { migrate, type VersionedFormat } from '../versioning';

type Doc = Record<string, unknown>;

/**
 * The scenario format's versions. Version 1 is the first; when a field changes meaning or name, append a
 * migration that rewrites a version-N document into version N + 1 (and the link format gets its own, in
 * src/state/linkVersions.ts). The schema's `version` field is the current version.
 */
export const SCENARIO_FORMAT: VersionedFormat<Doc> = {
  name: 'scenario format',
  firstVersion: 1,
  migrations: [],
};

const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A scenario document lifted to the current version (a document without `version` is taken as current).
 * Anything but an object is passed through for the schema to refuse.
 */
export function migrateScenarioDoc(input: unknown): { ok: true; doc: unknown } | { ok: false; message: string } {
  if (!isObject(input) || input.version === undefined) return { ok: true, doc: input };
  const result = migrate(input, input.version, SCENARIO_FORMAT);
  if (!result.ok) return result;
  return { ok: true, doc: { ...result.doc, version: result.version } };
}
