import type { Trace } from './types';

/** Numbers per piece of a typed array's text: small enough that no piece comes near a string's limit. */
const NUMBERS_PER_CHUNK = 65_536;

const isTypedArray = (v: unknown): v is ArrayLike<number> & ArrayBufferView => ArrayBuffer.isView(v);

/**
 * A trace as JSON text, in pieces: typed arrays become ordinary arrays of numbers, written a slice at a
 * time, so a trace whose text would be longer than a JavaScript string can hold (a 16,384-cell heatmap of
 * 5,000 frames is about 1.7 GB of text) can still be streamed to a file. Same trace, same bytes.
 */
export function* traceJsonChunks(trace: Trace): Generator<string> {
  yield* valueChunks(trace);
}

/** Whole-number arrays print the same through join; floats go through JSON so NaN reads null, as JSON.stringify writes it. */
function numbersText(value: ArrayLike<number> & ArrayBufferView, start: number, end: number): string {
  if (value instanceof Uint8Array || value instanceof Uint16Array || value instanceof Uint32Array)
    return value.subarray(start, end).join(',');
  return JSON.stringify(Array.from({ length: end - start }, (_, i) => value[start + i])).slice(1, -1);
}

function* valueChunks(value: unknown): Generator<string> {
  if (isTypedArray(value)) {
    yield '[';
    for (let start = 0; start < value.length; start += NUMBERS_PER_CHUNK) {
      const end = Math.min(value.length, start + NUMBERS_PER_CHUNK);
      yield (start > 0 ? ',' : '') + numbersText(value, start, end);
    }
    yield ']';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // JSON.stringify writes undefined (and functions) in arrays as null.
      yield* value[i] === undefined || typeof value[i] === 'function' ? ['null'] : valueChunks(value[i]);
    }
    yield ']';
    return;
  }
  if (value !== null && typeof value === 'object') {
    yield '{';
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* valueChunks(v);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/** A trace as one JSON string (for traces that fit in one; the CLI streams `traceJsonChunks` instead). */
export function traceToJson(trace: Trace): string {
  return [...traceJsonChunks(trace)].join('');
}
