/**
 * Checked reads of QMP JSON values: every wrong type or range is refused with the line and the field,
 * never read as zero. The parser throws `QmpLineError` from here and turns it into a plain result.
 */

export type Json = Record<string, unknown>;

/** What is wrong with a transcript: where (line, 1-based, counting blank lines) and which field. */
export interface QmpProblem {
  /** The line at fault, or null when the problem is the file as a whole. */
  line: number | null;
  /** The field at fault, dotted (`return.ram.transferred`), or null when it is the whole line. */
  field: string | null;
  message: string;
}

export class QmpLineError extends Error {
  constructor(
    readonly line: number | null,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
  }

  toProblem(): QmpProblem {
    return { line: this.line, field: this.field, message: this.message };
  }
}

/** A field's dotted name under `path` ('' for the message itself). */
export const fieldName = (path: string, key: string): string => (path ? `${path}.${key}` : key);

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value quoted for a message: short, and never the whole of a huge string. */
export function quote(v: unknown): string {
  let text: string;
  try {
    text = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    text = String(v);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v;

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  /** What the number counts, for the message: `bytes`, `pages`, `ms`. */
  unit: string;
}

/** A number at `obj[key]` (absent: undefined); anything else present is refused. */
export function optionalNumber(
  obj: Json,
  key: string,
  path: string,
  line: number,
  rule: NumberRule,
): number | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  const field = fieldName(path, key);
  const min = rule.min ?? 0;
  const range = rule.max !== undefined ? `${min} to ${rule.max} ${rule.unit}` : `a number of ${rule.unit} >= ${min}`;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new QmpLineError(line, field, `line ${line}: ${field} is ${quote(v)}; expected ${range}`);
  if (v < min || (rule.max !== undefined && v > rule.max) || (rule.integer && !Number.isInteger(v)))
    throw new QmpLineError(
      line,
      field,
      `line ${line}: ${field} is ${quote(v)}; expected ${rule.integer ? 'a whole number, ' : ''}${range}`,
    );
  return v;
}

export function optionalString(obj: Json, key: string, path: string, line: number): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  const field = fieldName(path, key);
  if (typeof v !== 'string')
    throw new QmpLineError(line, field, `line ${line}: ${field} is ${kindOf(v)}; expected text`);
  return v;
}

export function optionalObject(obj: Json, key: string, path: string, line: number): Json | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  const field = fieldName(path, key);
  if (!isObject(v)) throw new QmpLineError(line, field, `line ${line}: ${field} is ${kindOf(v)}; expected an object`);
  return v;
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
  line: number,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new QmpLineError(
      line,
      field,
      `line ${line}: ${field} is ${quote(value)}; expected one of ${allowed.join(', ')}`,
    );
  return value as T;
}

/** QMP's timestamp object: whole seconds and microseconds. Returns seconds. */
export function readStamp(j: Json, line: number): number {
  const ts = j.timestamp;
  if (!isObject(ts))
    throw new QmpLineError(
      line,
      'timestamp',
      `line ${line}: timestamp is ${kindOf(ts)}; expected {seconds, microseconds}`,
    );
  const seconds = optionalNumber(ts, 'seconds', 'timestamp', line, { integer: true, unit: 's' });
  const micro = optionalNumber(ts, 'microseconds', 'timestamp', line, { integer: true, max: 999_999, unit: 'µs' });
  if (seconds === undefined)
    throw new QmpLineError(line, 'timestamp.seconds', `line ${line}: timestamp.seconds is missing`);
  if (micro === undefined)
    throw new QmpLineError(line, 'timestamp.microseconds', `line ${line}: timestamp.microseconds is missing`);
  return seconds + micro / 1e6;
}

/** MigrationStatus values of QEMU's schema (qapi/migration.json). */
export const MIGRATION_STATUSES = [
  'none',
  'setup',
  'wait-unplug',
  'active',
  'pre-switchover',
  'device',
  'postcopy-active',
  'postcopy-paused',
  'postcopy-recover-setup',
  'postcopy-recover',
  'completed',
  'failed',
  'cancelling',
  'cancelled',
  'colo',
] as const;
export type MigrationStatus = (typeof MIGRATION_STATUSES)[number];

/** query-dirty-rate's own status values. */
export const DIRTY_RATE_STATUSES = ['unstarted', 'measuring', 'measured'] as const;
