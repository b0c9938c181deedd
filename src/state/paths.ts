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
