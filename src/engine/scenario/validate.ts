import type * as z from 'zod';
import { crossFieldProblems } from './crossChecks';
import { fieldLabel, previewValue } from './preview';
import { WORKLOAD_PRESET_DEFINITIONS } from './presets';
import { SCENARIO_VERSION, scenarioSchema, type Scenario } from './schema';
import { migrateScenarioDoc } from './versions';

/** One thing wrong with a scenario, in words a person can act on. */
export interface ScenarioProblem {
  /** Dotted field name, e.g. `vm.memoryMiB`. */
  field: string;
  /** The same as keys, e.g. `['faults', 0, 'kind']`, when the schema reported it (a key may hold a dot). */
  path?: readonly (string | number)[];
  /** The offending value as given (undefined when the field was missing). */
  value: unknown;
  /** What is allowed, e.g. `64 to 1048576 MiB`. */
  allowed: string;
  /** The whole sentence: field, value and the allowed range. */
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

const UNIT_SUFFIXES: [string, string][] = [
  ['MiBps', 'MiB/s'],
  ['MiB', 'MiB'],
  ['KiB', 'KiB'],
  ['Mbps', 'Mbit/s'],
  ['Ms', 'ms'],
  ['Us', 'µs'],
  ['Pct', '%'],
  ['S', 's'],
];

/** The unit a field's name carries (`linkMbps` → `Mbit/s`), or '' when it has none. */
export function unitOfField(field: string): string {
  const leaf = field.split('.').pop() ?? '';
  for (const [suffix, unit] of UNIT_SUFFIXES) if (leaf.endsWith(suffix)) return unit;
  return '';
}

type AnySchema = z.ZodType & { def: Record<string, unknown> } & Record<string, unknown>;

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const t = s.def.type;
    if (t === 'default' || t === 'prefault' || t === 'optional' || t === 'nullable') s = s.def.innerType as AnySchema;
    else return s;
  }
}

/** The schema node describing a field, found by walking object shapes and array elements. */
export function schemaAt(path: readonly (string | number)[]): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(scenarioSchema as unknown as AnySchema);
  for (const key of path) {
    if (!s) return undefined;
    const t = s.def.type;
    // Only the shape's own keys: `constructor` or `__proto__` are not fields.
    if (t === 'object')
      s = Object.hasOwn(s.def.shape as object, key) ? (s.def.shape as Record<PropertyKey, AnySchema>)[key] : undefined;
    else if (t === 'array') s = s.def.element as AnySchema;
    else return undefined;
    if (s) s = unwrap(s);
  }
  return s;
}

/** The most entries a list (or characters a text) may have, or undefined when there is no limit. */
export function maxLengthOf(schema: AnySchema | undefined): number | undefined {
  const checks = (schema?.def.checks ?? []) as { _zod: { def: { check: string; maximum?: number } } }[];
  return checks.map((c) => c._zod.def).find((d) => d.check === 'max_length')?.maximum;
}

/** What the schema allows at a field, as a phrase: `64 to 1048576 MiB`, `one of qemu, xen`, `true or false`. */
export function allowedAt(path: readonly (string | number)[]): string {
  const s = schemaAt(path);
  if (!s) return 'a field of the scenario format';
  const field = path.join('.');
  const unit = unitOfField(field);
  switch (s.def.type) {
    case 'number': {
      const min = s.minValue as number | null;
      const max = s.maxValue as number | null;
      const whole = (s as unknown as { isInt?: boolean }).isInt ? 'a whole number ' : '';
      const range = min !== null && max !== null ? `${min} to ${max}` : min !== null ? `at least ${min}` : 'a number';
      return `${whole}${range}${unit ? ' ' + unit : ''}`.trim();
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(s.def.entries as Record<string, string>).join(', ')}`;
    case 'union': {
      const options = (s.def.options as AnySchema[]).map((o) => unwrap(o));
      if (options.every((o) => o.def.type === 'literal'))
        return `one of ${options.map((o) => (o.def.values as unknown[]).join(', ')).join(', ')}${unit ? ' ' + unit : ''}`;
      return 'a number, true/false or a pattern name';
    }
    case 'literal':
      return `exactly ${(s.def.values as unknown[]).join(', ')}`;
    case 'array': {
      const max = maxLengthOf(s);
      return max === undefined ? 'a list' : `a list of at most ${max} entries`;
    }
    case 'string': {
      const max = maxLengthOf(s);
      return max === undefined ? 'text' : `text of at most ${max} characters`;
    }
    case 'object':
      return 'an object';
    default:
      return 'a valid value';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Validates a scenario and fills in defaults; never throws. */
export function parseScenario(input: unknown): ScenarioResult {
  const migrated = migrateScenarioDoc(input ?? {});
  if (!migrated.ok)
    return {
      ok: false,
      problems: [
        {
          field: 'version',
          value: valueAt(input, ['version']),
          allowed: `${SCENARIO_VERSION}`,
          message: `version: ${migrated.message}`,
        },
      ],
    };
  input = withRelativeDefaults(migrated.doc);
  const result = scenarioSchema.safeParse(input);
  // One line per field and message: zod may report one value twice (too large and not whole).
  const described = result.success ? [] : result.error.issues.flatMap((issue) => describeIssue(issue, input));
  const fieldProblems = [...new Map(described.map((p) => [p.message, p])).values()];
  const reported = new Set(fieldProblems.map((p) => p.field));
  const problems = [
    ...fieldProblems,
    ...crossFieldProblems(input, DEFAULT_SIZES).filter((p) => !reported.has(p.field)),
  ];
  if (result.success && problems.length === 0) return { ok: true, scenario: result.data };
  return { ok: false, problems };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Sizes that depend on the memory size default relative to it when they are left out: used memory half of
 * it, the working set the Web server preset's (an eighth, at most 64 MiB), the preset the defaults stand
 * for. With the default 4 GiB these are the schema defaults.
 */
function withRelativeDefaults(input: unknown): unknown {
  input = withVariantDefault(withProfileDefaults(input));
  // A memory size that is not a finite number is refused on its own; it must not spread NaN into fields
  // the user never wrote.
  if (!isObject(input) || !isObject(input.vm) || !Number.isFinite(input.vm.memoryMiB)) return input;
  const memoryMiB = input.vm.memoryMiB as number;
  const vm = { ...input.vm };
  if (vm.usedMiB === undefined) vm.usedMiB = memoryMiB / 2;
  const workload = isObject(input.workload)
    ? { ...input.workload }
    : input.workload === undefined
      ? {}
      : input.workload;
  if (isObject(workload) && workload.wssMiB === undefined)
    workload.wssMiB = WORKLOAD_PRESET_DEFINITIONS.web.workload(memoryMiB).wssMiB;
  return { ...input, vm, workload };
}

/** Free-page hints and stunning need a cooperating guest: a scenario that uses them and names no variant is paravirtual. */
function withVariantDefault(input: unknown): unknown {
  if (!isObject(input) || input.variant !== undefined || !isObject(input.precopy)) return input;
  const helped = input.precopy.freePageHinting === true || input.precopy.stunRogue === true;
  return helped ? { ...input, variant: 'paravirtual' } : input;
}

/** QEMU has no round cap: under the qemu profile a cap left out defaults to none. */
function withProfileDefaults(input: unknown): unknown {
  if (!isObject(input) || input.profile !== 'qemu') return input;
  const precopy = input.precopy === undefined ? {} : input.precopy;
  if (!isObject(precopy) || precopy.maxIterations !== undefined) return input;
  return { ...input, precopy: { ...precopy, maxIterations: 0 } };
}

const DEFAULT_SIZES = (() => {
  const d = scenarioSchema.parse({});
  return { memoryMiB: d.vm.memoryMiB, usedMiB: d.vm.usedMiB, freeMiB: d.vm.freeMiB, wssMiB: d.workload.wssMiB };
})();

function describeIssue(issue: z.core.$ZodIssue, input: unknown): ScenarioProblem[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => {
      const field = [...path, key].join('.');
      return {
        field,
        path: [...path, key],
        value: valueAt(input, [...issue.path, key]),
        allowed: 'a field of the scenario format',
        message: `${fieldLabel(field)}: not a field of the scenario format (see docs/scenario.md)`,
      };
    });
  const field = path.length ? path.join('.') : '(scenario)';
  const value = valueAt(input, issue.path);
  const allowed = allowedAt(path);
  const why = issue.code === 'custom' ? `: ${issue.message}` : '';
  const what = value === undefined ? 'missing' : `${previewValue(value)} is not allowed${why}`;
  const label = path.length ? fieldLabel(field) : 'the scenario';
  return [{ field, path, value, allowed, message: `${label}: ${what}; allowed: ${allowed}` }];
}

/** Like parseScenario, but throws one error listing every problem (for tests and trusted callers). */
export function scenarioOrThrow(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
}
