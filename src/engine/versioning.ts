/**
 * Versioned formats (scenario files, shared links, saved traces) and the migrations between their
 * versions. A format starts at `firstVersion`; each migration lifts a document by exactly one version, in
 * order, so its current version is `firstVersion + migrations.length`. Migrations are only ever appended:
 * when a field changes meaning, add one that rewrites the old form into the new.
 */
export interface Migration<T> {
  /** The version this migration produces (the one before it is `to - 1`). */
  to: number;
  /** What changed, for the docs and for messages. */
  what: string;
  up: (doc: T) => T;
}

export interface VersionedFormat<T> {
  /** What the format is called in messages: "scenario format", "link format", "trace format". */
  name: string;
  /** The oldest version this Brownout can read. */
  firstVersion: number;
  migrations: readonly Migration<T>[];
}

export type MigrationResult<T> =
  | { ok: true; doc: T; fromVersion: number; version: number }
  | { ok: false; reason: 'invalid' | 'newer' | 'older'; message: string };

export function currentVersion<T>(format: VersionedFormat<T>): number {
  return format.firstVersion + format.migrations.length;
}

/** Checks the sequence is contiguous (each migration produces the next version); throws when it is not. */
export function checkFormat<T>(format: VersionedFormat<T>): void {
  format.migrations.forEach((m, i) => {
    if (m.to !== format.firstVersion + i + 1)
      throw new Error(
        `${format.name}: migration ${i} produces version ${m.to}, expected ${format.firstVersion + i + 1}`,
      );
  });
}

/**
 * Lifts `doc`, written in `version`, to the current version. A version newer than this Brownout reads,
 * older than the oldest it knows, or not a whole number is refused with a message saying which.
 */
export function migrate<T>(doc: T, version: unknown, format: VersionedFormat<T>): MigrationResult<T> {
  const current = currentVersion(format);
  if (typeof version !== 'number' || !Number.isInteger(version))
    return {
      ok: false,
      reason: 'invalid',
      message: `${format.name} version ${JSON.stringify(version)} is not a version number`,
    };
  if (version > current)
    return {
      ok: false,
      reason: 'newer',
      message: `${format.name} version ${version} is newer than this Brownout reads (version ${current}); update Brownout to open it`,
    };
  if (version < format.firstVersion)
    return {
      ok: false,
      reason: 'older',
      message: `${format.name} version ${version} is older than this Brownout reads (version ${format.firstVersion} to ${current})`,
    };
  let out = doc;
  for (const m of format.migrations) if (m.to > version) out = m.up(out);
  return { ok: true, doc: out, fromVersion: version, version: current };
}
