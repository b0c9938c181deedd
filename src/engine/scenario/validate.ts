import { crossFieldProblems } from './crossChecks';
import { WORKLOAD_PRESET_DEFINITIONS } from './presets';
import { SCENARIO_VERSION, scenarioSchema, type Scenario } from './schema';
import {
  commonAllowed,
  describeIssue,
  unitBySuffix,
  unwrap,
  valueAt,
  type AnySchema,
  type ScenarioProblem,
} from './schemaWalk';
import { migrateScenarioDoc } from './versions';

export type { ScenarioProblem };

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
export const unitOfField = (field: string): string => unitBySuffix(field, UNIT_SUFFIXES);

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
    case 'union': {
      const options = (s.def.options as AnySchema[]).map((o) => unwrap(o));
      if (options.every((o) => o.def.type === 'literal'))
        return `one of ${options.map((o) => (o.def.values as unknown[]).join(', ')).join(', ')}${unit ? ' ' + unit : ''}`;
      return 'a number, true/false or a pattern name';
    }
    case 'array': {
      const max = maxLengthOf(s);
      return max === undefined ? 'a list' : `a list of at most ${max} entries`;
    }
    case 'string': {
      const max = maxLengthOf(s);
      return max === undefined ? 'text' : `text of at most ${max} characters`;
    }
    default:
      return commonAllowed(s, unit) ?? 'a valid value';
  }
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
  const described = result.success
    ? []
    : result.error.issues.flatMap((issue) => describeIssue(issue, input, FORMAT, allowedAt));
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

const FORMAT = { name: 'scenario', doc: 'docs/scenario.md' };

/** Like parseScenario, but throws one error listing every problem (for tests and trusted callers). */
export function scenarioOrThrow(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario;
}
