import type { Trace } from './types';

/** A trace as plain JSON: typed arrays become ordinary arrays. Same trace, same bytes. */
export function traceToJson(trace: Trace, space?: number): string {
  return JSON.stringify(
    trace,
    (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value),
    space,
  );
}
