/** Reads a dotted path (`network.linkMbps`) from a plain object. */
export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A copy of `obj` with the dotted path set to `value`; objects along the path are copied, not mutated. */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const current = (obj ?? {}) as Record<string, unknown>;
  return {
    ...current,
    [head]: rest.length === 0 ? value : setPath(current[head], rest.join('.'), value),
  } as T;
}

/**
 * A field's value in force at `tMs`: the scenario's own, or the latest intervention on it at or before then
 * (so a slider shows what the migration is running with at the playhead).
 */
export function valueAt(
  scenario: { interventions: readonly { atMs: number; path: string; value: unknown }[] },
  path: string,
  tMs: number,
): unknown {
  let value = getPath(scenario, path);
  let at = -Infinity;
  for (const iv of scenario.interventions)
    if (iv.path === path && iv.atMs <= tMs && iv.atMs >= at) {
      value = iv.value;
      at = iv.atMs;
    }
  return value;
}
