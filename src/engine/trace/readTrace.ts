import * as z from 'zod';
import { variantReportSchema } from '../variants/report';
import { HEAT_BAND_COUNT } from '../memory/pageState';
import { STRATEGIES } from '../scenario/schema';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/validate';
import { migrate } from '../versioning';
import { SAMPLE_COLUMNS, TRACE_FORMAT, type SampleColumn, type Trace } from './types';
import { traceEventSchema } from './eventSchema';
import { SUPERSEDED, TRACE_VERSIONS } from './versions';

export type TraceReadResult =
  | {
      ok: true;
      trace: Trace;
      /** The version the file was written in, when older than this Brownout's. */ migratedFrom: number | null;
    }
  | {
      ok: false;
      message: string;
      /** A trace too old to show (format 1): its scenario, checked, so the app can run it again. */
      scenario?: Scenario;
    };

/** Arrays of finite numbers, checked in one pass (a heatmap holds millions; a schema per element is slow). */
const numbers = (what: string, check: (n: number) => boolean = Number.isFinite) =>
  z.custom<number[]>((v) => Array.isArray(v) && v.every((n) => typeof n === 'number' && check(n)), {
    message: `expected a list of ${what}`,
  });

const num = z.number();
const round = z.looseObject({
  index: num,
  startMs: num,
  endMs: num,
  pagesSent: num,
  zeroPagesSent: num,
  bytesSent: num,
  dirtyPagesAtStart: num,
  dirtyPagesAtEnd: num,
  bandwidthMbps: num,
  thresholdBytes: num,
  // Where a record left a figure out (origin.unrecorded), it reads back as NaN: JSON itself cannot say NaN.
  carriedPages: z.union([num, z.nan()]),
  end: z.enum(['sync', 'pass', 'stop', 'fault', 'fast-forward']),
});

const summary = z.looseObject({
  strategy: z.enum(STRATEGIES),
  outcome: z.enum(['completed', 'aborted', 'failed', 'unfinished']),
  converged: z.boolean(),
  stopReason: z.string(),
  iterations: num,
  downtimeMs: num,
  totalTimeMs: num,
  setupTimeMs: num,
  bytesTransferred: num,
  memoryBytes: num,
  memoryMultiple: num,
  precopyBytes: num,
  downtimeBytes: num,
  postcopyBytes: num,
  rounds: z.array(round),
  pausedAtMs: num.nullable(),
  resumedAtMs: num.nullable(),
  vmLocation: z.enum(['source', 'destination', 'lost']),
  failure: z.string().nullable(),
  failureCode: z.string().nullable(),
  blackout: z.record(z.string(), num).nullable(),
  wire: z.object({ normalBytes: num, zeroBytes: num }),
  deviceBytes: z.union([num, z.nan()]),
  // A record did not measure the lost work: its terms read back as NaN.
  vmLost: z.record(z.string(), z.union([num, z.nan()])),
});

const phase = z.looseObject({ kind: z.string(), startMs: num, endMs: num });
const lifecycleStep = z.looseObject({
  step: z.string(),
  label: z.string(),
  startMs: num,
  endMs: num,
  status: z.string(),
  detail: z.string(),
});

const samples = z.object({
  stepMs: num.positive(),
  columns: z.object(
    // NaN only where a record said it did not measure the figure (see restoreUnrecorded).
    Object.fromEntries(
      SAMPLE_COLUMNS.map((c) => [c, numbers('numbers', (n) => (!Number.isFinite(n) ? Number.isNaN(n) : true))]),
    ) as Record<SampleColumn, ReturnType<typeof numbers>>,
  ),
});

const heatmap = z.object({
  pageCount: z.number().int().positive(),
  pageBytes: num.positive(),
  pagesPerCell: num.positive(),
  cells: z.number().int().positive(),
  frameTimesMs: numbers('times in ms'),
  data: numbers('whole numbers 0 to 255', (n) => Number.isInteger(n) && n >= 0 && n <= 255),
  firstPage: z.number().int().nonnegative().optional(),
  memoryPages: z.number().int().positive().optional(),
  pageCounts: numbers('page counts (whole numbers, 0 or more)', (n) => Number.isInteger(n) && n >= 0).optional(),
});

const traceFile = z.object({
  format: z.literal(TRACE_FORMAT),
  formatVersion: z.number().int(),
  engineVersion: z.string(),
  origin: z.looseObject({ kind: z.string(), unrecorded: z.array(z.string()).optional() }).optional(),
  scenario: z.unknown(),
  summary,
  phases: z.array(phase),
  lifecycle: z.array(lifecycleStep).optional(),
  rounds: z.array(round),
  events: z.array(traceEventSchema),
  samples,
  heatmap: heatmap.optional(),
  variant: variantReportSchema.optional(),
});

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const MAX_LISTED = 5;

/** A null figure is NaN again; an object of figures (summary.vmLost) has each of its own nulls restored. */
const nanForNull = (v: unknown): unknown =>
  v === null ? NaN : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === null ? NaN : x])) : v;

/**
 * JSON writes NaN as null. A record names the figures it does not hold (`origin.unrecorded`:
 * `samples.vmSpeedPct`, `summary.faultStallMs`, `rounds.writes`); those come back as NaN, and only those.
 */
function restoreUnrecorded(doc: Record<string, unknown>): Record<string, unknown> {
  const origin = doc.origin as { unrecorded?: unknown } | undefined;
  const unrecorded = Array.isArray(origin?.unrecorded) ? origin.unrecorded.filter((u) => typeof u === 'string') : [];
  if (unrecorded.length === 0) return doc;
  const out: Record<string, unknown> = { ...doc };
  const patch = (key: string, fix: (value: Record<string, unknown>) => Record<string, unknown>) => {
    if (isObject(out[key])) out[key] = fix(out[key] as Record<string, unknown>);
  };
  const roundsFix = (rounds: unknown, field: string) =>
    Array.isArray(rounds) ? rounds.map((r) => (isObject(r) ? { ...r, [field]: nanForNull(r[field]) } : r)) : rounds;
  for (const path of unrecorded) {
    const [section, field] = path.split('.');
    if (!field) continue;
    if (section === 'summary') patch('summary', (sm) => ({ ...sm, [field]: nanForNull(sm[field]) }));
    else if (section === 'samples')
      patch('samples', (sa) =>
        isObject(sa.columns) && Array.isArray(sa.columns[field])
          ? { ...sa, columns: { ...sa.columns, [field]: (sa.columns[field] as unknown[]).map(nanForNull) } }
          : sa,
      );
    else if (section === 'rounds') {
      out.rounds = roundsFix(out.rounds, field);
      patch('summary', (sm) => ({ ...sm, rounds: roundsFix(sm.rounds, field) }));
    }
  }
  return out;
}

function describe(error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_LISTED).map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
  const more = error.issues.length - lines.length;
  return lines.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Checks what the sections must agree on: every column as long as the times, heatmap frames complete. */
function consistencyProblem(t: z.infer<typeof traceFile>): string | null {
  const n = t.samples.columns.tMs.length;
  if (n === 0) return 'samples.columns.tMs: a trace needs at least one sample';
  for (const c of SAMPLE_COLUMNS)
    if (t.samples.columns[c].length !== n)
      return `samples.columns.${c}: ${t.samples.columns[c].length} values, but tMs has ${n}`;
  for (let i = 1; i < n; i++)
    if (t.samples.columns.tMs[i] < t.samples.columns.tMs[i - 1])
      return `samples.columns.tMs: times must not go backwards (entry ${i})`;
  const h = t.heatmap;
  if (h) {
    const expected = h.frameTimesMs.length * h.cells * HEAT_BAND_COUNT;
    if (h.frameTimesMs.length === 0) return 'heatmap.frameTimesMs: a heatmap needs at least one frame';
    if (h.data.length !== expected)
      return `heatmap.data: ${h.data.length} values, but ${h.frameTimesMs.length} frames of ${h.cells} cells need ${expected}`;
    const counts = h.frameTimesMs.length * HEAT_BAND_COUNT;
    if (h.pageCounts && h.pageCounts.length !== counts)
      return `heatmap.pageCounts: ${h.pageCounts.length} values, but ${h.frameTimesMs.length} frames of ${HEAT_BAND_COUNT} bands need ${counts}`;
  }
  return null;
}

/** A trace from before version 2: refused with its scenario, when that still reads, to run again. */
function supersededTrace(doc: Record<string, unknown>, fromVersion: number): TraceReadResult {
  const scenario = parseScenario(doc.scenario);
  const why = `it was saved in trace format version ${fromVersion} by an older Brownout (engine ${typeof doc.engineVersion === 'string' ? doc.engineVersion : 'unknown'}), whose figures came from rules this version has corrected`;
  if (!scenario.ok)
    return { ok: false, message: `this trace cannot be shown: ${why}, and its scenario is not valid either` };
  return { ok: false, message: `this trace cannot be shown as saved: ${why}`, scenario: scenario.scenario };
}

/**
 * Loads a saved trace (the text of a file, or its parsed JSON): checks its format and version, lifts an
 * older version to the current one, validates every section and gives typed arrays back. Never throws;
 * a malformed file gets a message naming the first things wrong with it.
 */
export function readTrace(input: unknown): TraceReadResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (e) {
      return { ok: false, message: `not a trace: the file is not valid JSON (${(e as Error).message})` };
    }
  }
  if (!isObject(doc)) return { ok: false, message: 'not a trace: a trace file holds one JSON object' };
  let version: unknown = doc.formatVersion;
  if (doc.format === undefined) {
    // Traces written before they named their format: recognised by their sections.
    if (!('engineVersion' in doc && 'summary' in doc && 'samples' in doc))
      return { ok: false, message: `not a trace: the file has no "format": "${TRACE_FORMAT}" at its top level` };
    version = TRACE_VERSIONS.firstVersion;
  } else if (doc.format !== TRACE_FORMAT)
    return {
      ok: false,
      message: `not a trace: the file's format is ${JSON.stringify(doc.format)}, not "${TRACE_FORMAT}"`,
    };
  const migrated = migrate(doc, version, TRACE_VERSIONS);
  if (!migrated.ok) return { ok: false, message: `this trace cannot be read: ${migrated.message}` };

  if (migrated.doc[SUPERSEDED]) return supersededTrace(migrated.doc, migrated.fromVersion);
  const restored = restoreUnrecorded(migrated.doc);
  const parsed = traceFile.safeParse(restored);
  if (!parsed.success) return { ok: false, message: `this trace is malformed: ${describe(parsed.error)}` };
  // The document itself, checked (zod would reorder keys; the file's order is kept).
  const t = restored as z.infer<typeof traceFile>;
  const problem = consistencyProblem(t);
  if (problem) return { ok: false, message: `this trace is malformed: ${problem}` };
  const scenario = parseScenario(t.scenario);
  if (!scenario.ok)
    return {
      ok: false,
      message: `this trace's scenario is not valid: ${scenario.problems
        .slice(0, MAX_LISTED)
        .map((p) => p.message)
        .join('; ')}`,
    };

  const columns = Object.fromEntries(SAMPLE_COLUMNS.map((c) => [c, Float64Array.from(t.samples.columns[c])])) as Record<
    SampleColumn,
    Float64Array
  >;
  const trace = {
    ...t,
    scenario: scenario.scenario,
    samples: { stepMs: t.samples.stepMs, columns },
    heatmap: t.heatmap && {
      ...t.heatmap,
      frameTimesMs: Float64Array.from(t.heatmap.frameTimesMs),
      data: Uint8Array.from(t.heatmap.data),
      ...(t.heatmap.pageCounts ? { pageCounts: Float64Array.from(t.heatmap.pageCounts) } : {}),
    },
  } as unknown as Trace;
  if (!trace.heatmap) delete trace.heatmap;
  return { ok: true, trace, migratedFrom: migrated.fromVersion < migrated.version ? migrated.fromVersion : null };
}
