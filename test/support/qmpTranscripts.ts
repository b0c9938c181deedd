/**
 * Generators of QMP transcripts for property tests and the soak (`npm run soak`): valid ones (the shipped
 * records, and records written from small simulated runs) and mutated ones (lines dropped, doubled,
 * swapped, cut, joined; values replaced by wrong types, negatives, huge numbers; keys renamed; junk and
 * blank lines inserted). `checkImport` says what importing one gave, so a caller can count outcomes.
 */
import fc from 'fast-check';
import { importQmp } from '../../src/engine/replay/importQmp';
import { runScenario } from '../../src/engine/run';
import { qmpFromTrace } from './qmpFromTrace';
import { TRACE_FILES, traceText } from './traces';

const SHIPPED = TRACE_FILES.map(traceText);

/** A record written from a small simulated QEMU pre-copy (64-256 MiB), completed or cut by a timeout. */
export const simulatedTranscript: fc.Arbitrary<string> = fc
  .record({
    memoryMiB: fc.constantFrom(64, 128, 256),
    wssPct: fc.integer({ min: 0, max: 100 }),
    writeRateMiBps: fc.integer({ min: 0, max: 300 }),
    capMbps: fc.integer({ min: 200, max: 4000 }),
    downtimeLimitMs: fc.integer({ min: 20, max: 600 }),
    timeoutS: fc.integer({ min: 2, max: 8 }),
    autoConverge: fc.boolean(),
    everyMs: fc.constantFrom(25, 50, 100),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((r) => {
    const trace = runScenario({
      profile: 'qemu',
      seed: r.seed,
      vm: { memoryMiB: r.memoryMiB, usedMiB: r.memoryMiB, vcpus: 1 },
      workload: { pattern: 'uniform', writeRateMiBps: r.writeRateMiBps, wssMiB: (r.memoryMiB * r.wssPct) / 100 },
      network: { linkMbps: 10_000, capMbps: r.capMbps },
      precopy: {
        downtimeLimitMs: r.downtimeLimitMs,
        timeoutS: r.timeoutS,
        onNoConvergence: 'abort',
        autoConverge: r.autoConverge,
      },
      host: { allocateMs: 0, validateMs: 0 },
      output: { maxSamples: 400, maxFrames: 8, heatmapCells: 16 },
    });
    return qmpFromTrace(trace, r.everyMs);
  });

/** A valid transcript: a shipped record or a simulated one. */
export const validQmpTranscript: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...SHIPPED), simulatedTranscript);

const wrongValue = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('null', 'true', '[]', '{}', '-1', '-0.5', '1e400', '-1e400', '2.5', '99999999999999999999', '"lots"'),
  fc.double({ noNaN: true }).map((d) => JSON.stringify(d)),
);

type Mutation = (lines: string[], pick: number, value: string, junk: string) => string[];

const at = (lines: string[], pick: number) => (lines.length ? pick % lines.length : 0);
const MUTATIONS: Mutation[] = [
  (l, p) => l.filter((_, i) => i !== at(l, p)),
  (l, p) => l.flatMap((x, i) => (i === at(l, p) ? [x, x] : [x])),
  (l, p) => {
    const a = at(l, p);
    const b = at(l, p * 7 + 3);
    const out = [...l];
    [out[a], out[b]] = [out[b], out[a]];
    return out;
  },
  (l, p) => l.flatMap((x, i) => (i === at(l, p) ? ['', '   ', x] : [x])),
  (l, p, _v, junk) => l.flatMap((x, i) => (i === at(l, p) ? [junk, x] : [x])),
  (l, p) => l.map((x, i) => (i === at(l, p) ? x.slice(0, (p * 13) % Math.max(1, x.length)) : x)),
  (l, p) => l.map((x, i) => (i === at(l, p) && i + 1 < l.length ? x + l[i + 1] : x)),
  // A number of the line replaced by a wrong value.
  (l, p, v) =>
    l.map((x, i) => {
      if (i !== at(l, p)) return x;
      const numbers = [...x.matchAll(/(?<=:)-?\d+(\.\d+)?(e[+-]?\d+)?/g)];
      if (!numbers.length) return x;
      const m = numbers[p % numbers.length];
      return x.slice(0, m.index) + v + x.slice(m.index! + m[0].length);
    }),
  // A key renamed, or a string value changed.
  (l, p) => l.map((x, i) => (i === at(l, p) ? x.replace(/"([a-z-]+)":/, '"$1x":') : x)),
  (l, p) => l.map((x, i) => (i === at(l, p) ? x.replace(/"status":"[a-z-]+"/, '"status":"exploded"') : x)),
  // A timestamp moved back an hour.
  (l, p) =>
    l.map((x, i) => (i === at(l, p) ? x.replace(/"seconds":(\d+)/, (_, s) => `"seconds":${Number(s) - 3600}`) : x)),
];

/** A valid transcript with one to four mutations. */
export const mutatedQmpTranscript: fc.Arbitrary<string> = fc
  .record({
    base: validQmpTranscript,
    steps: fc.array(
      fc.record({
        kind: fc.integer({ min: 0, max: MUTATIONS.length - 1 }),
        pick: fc.nat(),
        value: wrongValue,
        junk: fc.oneof(fc.string({ maxLength: 30 }), fc.json({ maxDepth: 3 })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    crlf: fc.boolean(),
  })
  .map(({ base, steps, crlf }) => {
    let lines = base.split('\n');
    for (const s of steps) lines = MUTATIONS[s.kind](lines, s.pick, s.value, s.junk);
    return lines.join(crlf ? '\r\n' : '\n');
  });

/** Random text, JSON lines of random values, and the two kinds above. */
export const anyQmpTranscript: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: mutatedQmpTranscript, weight: 6 },
  { arbitrary: validQmpTranscript, weight: 1 },
  { arbitrary: fc.array(fc.json({ maxDepth: 3 }), { maxLength: 8 }).map((xs) => xs.join('\n')), weight: 1 },
  { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
);

export type ImportVerdict =
  | { kind: 'loaded'; lines: number }
  | { kind: 'refused'; line: number | null; field: string | null; message: string }
  /** What must never happen: an exception, or a refusal that does not say where. */
  | { kind: 'broken'; why: string };

/** Imports a transcript and judges the answer: loaded, refused with a line and field, or broken. */
export function checkImport(text: string): ImportVerdict {
  let r: ReturnType<typeof importQmp>;
  try {
    r = importQmp(text);
  } catch (e) {
    return { kind: 'broken', why: `threw: ${String(e)}` };
  }
  const lines = text.split(/\r?\n/).length;
  if ('trace' in r) return { kind: 'loaded', lines };
  const { line, field, message } = r.error;
  if (typeof message !== 'string' || message.length === 0) return { kind: 'broken', why: 'empty message' };
  if (line !== null && (!Number.isInteger(line) || line < 1 || line > lines))
    return { kind: 'broken', why: `line ${line} is outside the file (${lines} lines)` };
  if (line !== null && !message.startsWith(`line ${line}`))
    return { kind: 'broken', why: `message does not name line ${line}: ${message}` };
  if (field !== null && !message.includes(field))
    return { kind: 'broken', why: `message does not name field ${field}: ${message}` };
  return { kind: 'refused', line, field, message };
}
