import type * as z from 'zod';
import { fieldLabel, previewValue, quoteText } from './preview';

/**
 * What the scenario format and the fleet scenario format share when they walk their zod schemas: unwrapping
 * defaults, reading a value by path, phrasing what a field allows, turning zod's issues into problems a
 * person can act on and writing a `--set` value. Keys are followed as own properties only, so `__proto__`,
 * `constructor` or `toString` are never fields.
 */

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

export type AnySchema = z.ZodType & { def: Record<string, unknown> } & Record<string, unknown>;

/** The unit of the first suffix in `suffixes` the field's last key ends with (`linkMbps` → `Mbit/s`), or ''. */
export function unitBySuffix(field: string, suffixes: readonly (readonly [string, string])[]): string {
  const leaf = field.split('.').pop() ?? '';
  return suffixes.find(([suffix]) => leaf.endsWith(suffix))?.[1] ?? '';
}

/** The schema inside its default, optional and nullable wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const t = s.def.type;
    if (t === 'default' || t === 'prefault' || t === 'optional' || t === 'nullable') s = s.def.innerType as AnySchema;
    else return s;
  }
}

/** The value at `path` in a parsed document, following own properties only; undefined where there is none. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * What a number, true/false, enum, literal or object field allows, as a phrase (`a whole number 1 to 500
 * MiB`, `one of spread, pack`); undefined for the kinds each format phrases its own way.
 */
export function commonAllowed(s: AnySchema, unit: string): string | undefined {
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
    case 'literal':
      return `exactly ${(s.def.values as unknown[]).join(', ')}`;
    case 'object':
      return 'an object';
    default:
      return undefined;
  }
}

/** The format a document is checked against, as messages name it. */
export interface FormatNames {
  /** `scenario` or `fleet scenario`. */
  name: string;
  /** Where the format is described, e.g. `docs/scenario.md`. */
  doc: string;
}

/**
 * zod's issue as problems: one per unknown key, else one naming the field, the value given (or that it is
 * missing) and `allowed(path)`.
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  format: FormatNames,
  allowedAtPath: (path: (string | number)[]) => string,
): ScenarioProblem[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => {
      const field = [...path, key].join('.');
      return {
        field,
        path: [...path, key],
        value: valueAt(input, [...issue.path, key]),
        allowed: `a field of the ${format.name} format`,
        message: `${fieldLabel(field)}: not a field of the ${format.name} format (see ${format.doc})`,
      };
    });
  const field = path.length ? path.join('.') : `(${format.name})`;
  const value = valueAt(input, issue.path);
  const allowed = allowedAtPath(path);
  const why = issue.code === 'custom' ? `: ${issue.message}` : '';
  const what = value === undefined ? 'missing' : `${previewValue(value)} is not allowed${why}`;
  const label = path.length ? fieldLabel(field) : `the ${format.name}`;
  return [{ field, path, value, allowed, message: `${label}: ${what}; allowed: ${allowed}` }];
}

/**
 * A `--set` text for a true/false or a list/object field as its value, or the message refusing it;
 * undefined for the other kinds, which each format converts its own way.
 */
export function commonSetValue(
  s: AnySchema,
  path: string,
  text: string,
  allowed: () => string,
): { value: unknown } | { problem: string } | undefined {
  switch (s.def.type) {
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        return { problem: `${fieldLabel(path)}: ${quoteText(text)} is not true or false` };
      return { value: text === 'true' };
    case 'array':
    case 'object':
      try {
        return { value: JSON.parse(text) };
      } catch {
        return { problem: `${fieldLabel(path)}: ${quoteText(text)} is not valid JSON; allowed: ${allowed()}` };
      }
    default:
      return undefined;
  }
}

/** Why a number's text was refused: it overflows (`1e999`, 400 nines) or is not a number at all. */
export function notANumber(path: string, text: string, allowed: string): string {
  const n = text.trim() === '' ? NaN : Number(text);
  const why = Number.isNaN(n) ? 'is not a number' : n > 0 ? 'is too large a number' : 'is too large a negative number';
  return `${fieldLabel(path)}: ${quoteText(text)} ${why}; allowed: ${allowed}`;
}

/** Writes `value` at `keys` in a plain object, making (or replacing non-object) parents as it goes. */
export function writeAt(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  const put = (node: Record<string, unknown>, key: string, v: unknown) =>
    Object.defineProperty(node, key, { value: v, enumerable: true, writable: true, configurable: true });
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const child = Object.hasOwn(node, key) ? node[key] : undefined;
    if (child === null || typeof child !== 'object' || Array.isArray(child)) put(node, key, {});
    node = node[key] as Record<string, unknown>;
  }
  put(node, keys[keys.length - 1], value);
}
