import { fieldLabel } from '../scenario/preview';
import {
  commonAllowed,
  commonSetValue,
  notANumber,
  unwrap,
  valueAt,
  unitBySuffix,
  writeAt,
  type AnySchema,
} from '../scenario/schemaWalk';
import { unitOfField } from '../scenario/validate';

/**
 * Walking the fleet scenario's zod schema by dotted path, for messages, `--set` and the generated docs:
 * unions of objects are entered by their `kind`. Keys are looked up as own properties of object shapes only,
 * so `__proto__`, `constructor` or `toString` are never fields.
 */
const ownField = (shape: Record<string, AnySchema>, key: string): AnySchema | undefined =>
  Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;

/** The literal a discriminated-union option carries in its `kind` field. */
export function optionKind(option: AnySchema): string | undefined {
  const kind = ownField(unwrap(option).def.shape as Record<string, AnySchema>, 'kind');
  return kind ? String((unwrap(kind).def.values as unknown[])[0]) : undefined;
}

/**
 * The schema node at `path`. In a union of objects the option is the one whose `kind` matches the
 * input at that point (or else the first that has the next key).
 */
export function schemaAt(root: AnySchema, path: readonly (string | number)[], input?: unknown): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(root);
  for (let i = 0; i < path.length; i++) {
    if (!s) return undefined;
    const key = String(path[i]);
    if (s.def.type === 'union') {
      const options = (s.def.options as AnySchema[]).map(unwrap);
      const kind = valueAt(input, [...path.slice(0, i), 'kind']);
      s =
        options.find((o) => optionKind(o) === kind) ??
        options.find((o) => ownField(o.def.shape as Record<string, AnySchema>, key));
      if (!s) return undefined;
    }
    if (s.def.type === 'object') s = ownField(s.def.shape as Record<string, AnySchema>, key);
    else if (s.def.type === 'array' && /^\d+$/.test(key)) s = s.def.element as AnySchema;
    else return undefined;
    if (s) s = unwrap(s);
  }
  return s;
}

const EXTRA_UNITS: [string, string][] = [
  ['SPerGiB', 's per GiB'],
  ['GiB', 'GiB'],
  ['PerMin', 'per minute'],
];

/** The unit a field's name carries (`nicMbps` → `Mbit/s`, `restartS` → `s`), or ''. */
export const unitOf = (field: string): string => unitBySuffix(field, EXTRA_UNITS) || unitOfField(field);

/** What the schema allows at a field, as a phrase: `1 to 500`, `one of spread, pack`, `true or false`. */
export function allowedAt(root: AnySchema, path: readonly (string | number)[], input?: unknown): string {
  const s = schemaAt(root, path, input);
  if (!s) return 'a field of the fleet scenario format';
  const unit = unitOf(path.join('.'));
  switch (s.def.type) {
    case 'union':
      return `one of ${(s.def.options as AnySchema[]).map(optionKind).join(', ')}`;
    case 'array': {
      const { min, max } = lengthLimits(s);
      return max !== null ? `a list of ${min} to ${max} items` : 'a list';
    }
    case 'string':
      return 'text';
    default:
      return commonAllowed(s, unit) ?? 'a valid value';
  }
}

type LengthCheck = { _zod: { def: { check: string; minimum?: number; maximum?: number } } };

/** The item counts an array schema allows. */
function lengthLimits(s: AnySchema): { min: number; max: number | null } {
  let min = 0;
  let max: number | null = null;
  for (const c of (s.def.checks as LengthCheck[] | undefined) ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' && d.minimum !== undefined) min = d.minimum;
    if (d.check === 'max_length' && d.maximum !== undefined) max = d.maximum;
  }
  return { min, max };
}

/**
 * Sets `path` (dotted, e.g. `scheduler.perSourceHostCap`) in a plain object from a text value, converting
 * the text by the field's type. Only schema fields can be set, one object level at a time; returns a
 * message naming the field when the path or the text is wrong.
 */
export function setFieldIn(
  root: AnySchema,
  target: Record<string, unknown>,
  path: string,
  text: string,
  formatName: string,
): string | null {
  const keys = path.split('.');
  const schema = schemaAt(root, keys);
  const parent = keys.length > 1 ? schemaAt(root, keys.slice(0, -1)) : unwrap(root);
  const label = fieldLabel(path);
  if (!schema || parent?.def.type !== 'object') return `${label}: not a field of the ${formatName} format`;
  const common = commonSetValue(schema, path, text, () => allowedAt(root, keys));
  if (common && 'problem' in common) return common.problem;
  let value: unknown;
  if (common) value = common.value;
  else if (schema.def.type === 'number') {
    value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) return notANumber(path, text, allowedAt(root, keys));
  } else if (schema.def.type === 'literal') value = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  else value = text;
  writeAt(target, keys, value);
  return null;
}

export { unwrap, valueAt, type AnySchema };
