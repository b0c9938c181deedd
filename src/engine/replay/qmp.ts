/**
 * Reads a QMP transcript of a real QEMU migration (JSON lines: commands, events, query-migrate replies,
 * in the format of ../shared/traces) into a record. Every line is checked: a line that is not JSON, not a
 * QMP message, or holds a field of the wrong type or range is refused with its line number and the field,
 * never read as zero. A file of valid QMP that holds no migration says so. Never throws.
 */
import { readCommand, type QmpCommand, type QmpParameters } from './qmpCommands';
import {
  DIRTY_RATE_STATUSES,
  MIGRATION_STATUSES,
  QmpLineError,
  isObject,
  oneOf,
  optionalNumber,
  optionalObject,
  optionalString,
  quote,
  readStamp,
  type Json,
  type MigrationStatus,
  type QmpProblem,
} from './qmpFields';
import { assemble, type Stamped } from './qmpAssemble';
import { readMigrationReply, type QmpSample } from './qmpSample';

export type { QmpProblem } from './qmpFields';
export type { QmpSample, QmpRam, QmpXbzrle } from './qmpSample';
export type { QmpCommand, QmpParameters } from './qmpCommands';

export interface QmpEvent {
  line: number;
  /** ms since the migration started. */
  tMs: number;
  event: string;
  /** MIGRATION events: the new status. */
  status: MigrationStatus | null;
  /** MIGRATION_PASS events: the dirty-sync-count that pass began with. */
  pass: number | null;
}

export interface QmpRecord {
  /** Lines in the file, blank ones included. */
  lines: number;
  /** Bytes of guest RAM QEMU migrates (ram.total). */
  guestRamBytes: number;
  pageSizeBytes: number;
  /** Capabilities switched on before the migration started. */
  capabilities: string[];
  /** Parameters in force when the migration started. */
  parameters: QmpParameters;
  /** Parameters changed while it ran, in time order. */
  parameterChanges: { tMs: number; line: number; parameters: QmpParameters }[];
  /** query-dirty-rate before the migration, MB/s, if it was asked. */
  measuredDirtyRateMBps: number | null;
  /** Over how long that rate was measured, s (QEMU's calc-time). */
  measuredDirtyRateCalcS: number;
  /** query-migrate replies with RAM figures, in file (time) order; times in ms since the start. */
  samples: QmpSample[];
  events: QmpEvent[];
  commands: QmpCommand[];
  /** Time of each bitmap sync by its number (MIGRATION_PASS events), where the transcript has them. */
  syncTimesMs: (number | undefined)[];
  activeAtMs: number | null;
  /** The STOP event: the VM paused on the source. */
  pausedAtMs: number | null;
  postcopyAtMs: number | null;
  postcopyRequestedAtMs: number | null;
  cancelRequestedAtMs: number | null;
  /** When and how the migration ended; null when the transcript stops while it still runs. */
  endAtMs: number | null;
  endStatus: 'completed' | 'failed' | 'cancelled' | null;
  /** The first reply after completion: QEMU's final figures. */
  final: QmpSample | null;
  /** The last reply with RAM figures. */
  last: QmpSample;
}

export type QmpResult = { ok: true; record: QmpRecord } | { ok: false; error: QmpProblem };

/** Files larger than this are refused rather than read into memory. */
export const MAX_TRANSCRIPT_CHARS = 64 * 1024 * 1024;
const MAX_LINE_CHARS = 1024 * 1024;

/** Parses a transcript; the result holds either the record or the first problem found. */
export function parseQmp(text: string): QmpResult {
  try {
    return { ok: true, record: parseOrThrow(text) };
  } catch (e) {
    if (e instanceof QmpLineError) return { ok: false, error: e.toProblem() };
    return { ok: false, error: { line: null, field: null, message: `the file could not be read: ${String(e)}` } };
  }
}

function parseOrThrow(text: string): QmpRecord {
  if (typeof text !== 'string') throw new QmpLineError(null, null, 'the file is not text');
  if (text.length > MAX_TRANSCRIPT_CHARS)
    throw new QmpLineError(null, null, `the file is larger than ${MAX_TRANSCRIPT_CHARS / 1048576} MiB`);
  const rawLines = text.split(/\r?\n/);
  const capabilities = new Set<string>();
  let parameters: QmpParameters = {};
  const laterParameters: { atS: number | null; line: number; parameters: QmpParameters }[] = [];
  let measuredDirtyRateMBps: number | null = null;
  let measuredDirtyRateCalcS = 1;
  const stamped: Stamped[] = [];
  const commands: (QmpCommand & { atS: number | null })[] = [];
  let lastStampS: number | null = null;
  let migrateLine: number | null = null;
  let nonBlank = 0;

  rawLines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    nonBlank++;
    if (raw.length > MAX_LINE_CHARS)
      throw new QmpLineError(line, null, `line ${line} is longer than ${MAX_LINE_CHARS / 1024} KiB`);
    let j: unknown;
    try {
      j = JSON.parse(raw);
    } catch {
      throw new QmpLineError(line, null, `line ${line} is not JSON: ${quote(raw.trim())}`);
    }
    if (!isObject(j))
      throw new QmpLineError(
        line,
        null,
        `line ${line} is not a QMP message: expected a JSON object, found ${quote(j)}`,
      );
    if ('QMP' in j) return; // the greeting
    if ('execute' in j) {
      const cmd = readCommand(j, line);
      commands.push({ ...cmd, atS: lastStampS });
      if (cmd.execute === 'migrate' && migrateLine === null) migrateLine = line;
      for (const c of cmd.capabilities)
        if (c.state) capabilities.add(c.capability);
        else capabilities.delete(c.capability);
      if (cmd.parameters) {
        if (migrateLine === null) parameters = { ...parameters, ...cmd.parameters };
        else laterParameters.push({ atS: lastStampS, line, parameters: cmd.parameters });
      }
      return;
    }
    if ('event' in j) {
      const name = optionalString(j, 'event', '', line);
      if (!name) throw new QmpLineError(line, 'event', `line ${line}: event is empty`);
      const atS = readStamp(j, line);
      const data = optionalObject(j, 'data', 'data', line) ?? {};
      let status: MigrationStatus | null = null;
      let pass: number | null = null;
      if (name === 'MIGRATION') {
        const s = optionalString(data, 'status', 'data', line);
        if (s === undefined) throw new QmpLineError(line, 'data.status', `line ${line}: data.status is missing`);
        status = oneOf(s, MIGRATION_STATUSES, 'data.status', line)!;
      }
      if (name === 'MIGRATION_PASS') {
        pass = optionalNumber(data, 'pass', 'data', line, { min: 1, integer: true, unit: 'syncs' }) ?? null;
        if (pass === null) throw new QmpLineError(line, 'data.pass', `line ${line}: data.pass is missing`);
      }
      lastStampS = atS;
      stamped.push({ line, atS, kind: 'event', event: { line, event: name, status, pass } });
      return;
    }
    if ('return' in j) {
      const r = j.return;
      if (Array.isArray(r)) {
        for (const c of r)
          if (isObject(c) && typeof c.capability === 'string' && c.state === true) capabilities.add(c.capability);
        return;
      }
      if (!isObject(r)) return;
      const atS = 'timestamp' in j ? readStamp(j, line) : null;
      if (atS !== null) lastStampS = atS;
      const status = optionalString(r, 'status', 'return', line);
      if ('dirty-rate' in r || (status !== undefined && (DIRTY_RATE_STATUSES as readonly string[]).includes(status))) {
        const rate = optionalNumber(r, 'dirty-rate', 'return', line, { unit: 'MB/s' });
        const calcS = optionalNumber(r, 'calc-time', 'return', line, { min: 0, max: 3600, unit: 's' });
        if (rate !== undefined && status === 'measured') {
          measuredDirtyRateMBps = rate;
          measuredDirtyRateCalcS = calcS && calcS > 0 ? calcS : 1;
        }
        return;
      }
      if (status === undefined) {
        if ('downtime-limit' in r || 'max-bandwidth' in r) {
          const read = readCommand({ execute: 'migrate-set-parameters', arguments: r }, line, 'return');
          if (migrateLine === null) parameters = { ...parameters, ...read.parameters };
        }
        return;
      }
      // Another command's reply (query-status says "running"): not ours to judge, unless it carries RAM figures.
      if (!(MIGRATION_STATUSES as readonly string[]).includes(status) && !('ram' in r)) return;
      const migrationStatus = oneOf(status, MIGRATION_STATUSES, 'return.status', line)!;
      const sample = readMigrationReply(r, migrationStatus, line);
      if (!sample) return;
      if (atS === null)
        throw new QmpLineError(
          line,
          'timestamp',
          `line ${line}: timestamp is missing; a query-migrate reply needs the time it was received`,
        );
      stamped.push({ line, atS, kind: 'sample', sample: { ...sample, atS } });
      return;
    }
    if ('error' in j) return; // a refused command; its effect (none) shows in what follows
    throw new QmpLineError(
      line,
      null,
      `line ${line} is not a QMP message: it has no "execute", "event", "return" or "error" field (keys: ${quote(Object.keys(j).slice(0, 4).join(', '))})`,
    );
  });

  if (nonBlank === 0) throw new QmpLineError(null, null, 'the file is empty');
  const migrationEvents = stamped.filter((s) => s.event?.event === 'MIGRATION' || s.event?.event === 'MIGRATION_PASS');
  const samples = stamped.filter((s) => s.kind === 'sample');
  if (migrationEvents.length === 0 && samples.length === 0)
    throw new QmpLineError(
      null,
      null,
      migrateLine !== null
        ? `the transcript sends migrate (line ${migrateLine}) but holds no MIGRATION event and no query-migrate reply with RAM figures to read the migration from`
        : 'this is valid QMP but not a migration: it has no migrate command, no MIGRATION event and no query-migrate reply',
    );
  if (samples.length === 0)
    throw new QmpLineError(null, null, 'the transcript has no query-migrate reply with RAM figures: nothing to replay');

  const setup = stamped.find((s) => s.event?.status === 'setup');
  const firstSample = samples[0].sample!;
  const startS = setup ? setup.atS : firstSample.atS - (firstSample.totalTimeMs ?? 0) / 1000;
  return assemble({
    rawLines: rawLines.length,
    startS,
    stamped,
    commands,
    capabilities: [...capabilities],
    parameters,
    laterParameters,
    measuredDirtyRateMBps,
    measuredDirtyRateCalcS,
  });
}

/** Like parseQmp, but throws (for tests and trusted callers that have already checked the file). */
export function parseQmpTranscript(text: string): QmpRecord {
  const r = parseQmp(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.record;
}

export type { Json };
