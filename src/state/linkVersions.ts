import { currentVersion, migrate, type VersionedFormat } from '../engine';

/**
 * Versions of the shared-link format (`?v=1&network.linkMbps=10000&iv=...`), separate from the scenario
 * file's: a link names fields by dotted path, so renaming a field needs a migration here (rewrite the old
 * key) as well as one in the scenario format. Append migrations in order; `v` follows.
 */
export const LINK_FORMAT: VersionedFormat<URLSearchParams> = {
  name: 'link format',
  firstVersion: 1,
  migrations: [],
};

export const LINK_VERSION = currentVersion(LINK_FORMAT);

export type LinkMigration =
  | { ok: true; params: URLSearchParams }
  /** Why the link cannot be read, as the end of "the link uses format version "7", ...". */
  | { ok: false; why: string };

/** A link's parameters lifted to the current version; `v` is the version the link was written in. */
export function migrateLinkParams(params: URLSearchParams, v: string): LinkMigration {
  const version = /^\d+$/.test(v) ? Number(v) : v;
  const result = migrate(params, version, LINK_FORMAT);
  if (result.ok) return { ok: true, params: result.doc };
  const why =
    result.reason === 'newer'
      ? `newer than this Brownout reads (version ${LINK_VERSION})`
      : result.reason === 'older'
        ? `older than any this Brownout reads (version ${LINK_FORMAT.firstVersion} to ${LINK_VERSION})`
        : `which is not a version number (this Brownout reads version ${LINK_VERSION})`;
  return { ok: false, why };
}
