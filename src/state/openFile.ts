import {
  importQmp,
  MAX_TRANSCRIPT_CHARS,
  quoteText,
  readTrace,
  TRACE_FORMAT,
  type QmpRecord,
  type Scenario,
  type Trace,
} from '../engine';

/** Files larger than this are refused before they are read (the largest QMP transcript the engine reads). */
export const MAX_OPEN_FILE_BYTES = MAX_TRANSCRIPT_CHARS;

/** What a file holds, judged from its first characters and its JSON shape, before it is read in full. */
export type FileKind =
  /** A saved Brownout trace (`"format": "brownout-trace"`, or an older one recognised by its sections). */
  | 'trace'
  /** A QEMU QMP transcript: JSON lines of commands, events and replies. */
  | 'qmp'
  /** JSON of another Brownout export (a spectrum, a comparison): valid, but not a run. */
  | 'other-brownout'
  /** Valid JSON that is neither. */
  | 'other-json'
  /** A file that does not parse as JSON or JSON lines. */
  | 'not-json'
  | 'binary'
  | 'empty';

export type OpenedFile =
  | { ok: true; kind: 'trace'; name: string; trace: Trace; note: string | null }
  | { ok: true; kind: 'qmp'; name: string; trace: Trace; record: QmpRecord; note: null }
  /** A trace too old to show as saved: its scenario, to run again in the lab. */
  | { ok: true; kind: 'old-trace'; name: string; scenario: Scenario; note: string }
  | { ok: false; name: string; message: string };

const QMP_KEYS = ['QMP', 'execute', 'event', 'return', 'error'];
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isQmpMessage = (v: unknown) => isObject(v) && QMP_KEYS.some((k) => k in v);
const looksLikeTrace = (v: Record<string, unknown>) =>
  v.format === TRACE_FORMAT || (v.format === undefined && 'engineVersion' in v && 'summary' in v && 'samples' in v);

function firstLine(text: string): string {
  const lines = text.split(/\r?\n/);
  return lines.find((l) => l.trim() !== '') ?? '';
}

function parses(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) return true;
  }
  return false;
}

/** What kind of file `text` is. A JSON document is judged by its shape; JSON lines by their first line. */
export function detectFileKind(text: string): FileKind {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return 'empty';
  // NUL or other control characters JSON never holds outside strings: an image, an archive, a binary.
  if (hasControlCharacters(body.slice(0, 4096))) return 'binary';
  const whole = parses(body);
  if (whole.ok) {
    const v = whole.value;
    if (isObject(v) && looksLikeTrace(v)) return 'trace';
    if (isQmpMessage(v)) return 'qmp';
    if (isObject(v) && typeof v.format === 'string' && v.format.startsWith('brownout-')) return 'other-brownout';
    return 'other-json';
  }
  const first = parses(firstLine(body));
  if (first.ok && isQmpMessage(first.value)) return 'qmp';
  const start = body.trimStart()[0];
  // A document that begins as JSON but breaks later: a damaged trace (or other JSON) rather than QMP.
  if (start === '{' || start === '[') return first.ok ? 'other-json' : 'not-json';
  return 'not-json';
}

/** "line 3, column 12" for a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Where JSON.parse stopped, as a character offset: engines say it as a position, a line and column, or a snippet. */
function errorOffset(text: string, error: string): number | string | null {
  const position = /position (\d+)/.exec(error);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(error);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  if (/end of JSON input/.test(error)) return text.length;
  // V8: `Unexpected token 'x', ...<10 characters before>x<after>... is not valid JSON` (quoted when short).
  const snippet = /^Unexpected token '(.)', (\.\.\.)?"?([\s\S]*?)"?(\.\.\.)? is not valid JSON$/.exec(error);
  if (!snippet || !snippet[3]) return null;
  const at = text.indexOf(snippet[3]);
  if (at < 0) return null;
  return snippet[2] ? at + 10 : at + snippet[3].indexOf(snippet[1]);
}

/** JSON.parse's complaint, with the line and column where it stopped. */
function jsonProblem(text: string): string {
  const r = parses(text);
  if (r.ok) return 'the file is JSON';
  const offset = errorOffset(text, r.error);
  const where = typeof offset === 'number' ? lineAndColumn(text, offset) : offset;
  const reason = r.error
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/^(Unexpected token '.'), [\s\S]* is not valid JSON$/, '$1')
    .replace(/^JSON\.parse: /, '');
  return `${where ? `${where}: ` : ''}${reason}`;
}

const WHAT_OPENS = 'Brownout opens its own saved runs (JSON) and QEMU QMP transcripts (JSON lines).';

/**
 * Reads a file's text as a run: a saved trace (checked and migrated by readTrace) or a QEMU QMP transcript
 * (read into a record by importQmp). Anything else gets a message saying what is wrong and where. Never throws.
 */
export function readOpenedFile(name: string, text: string): OpenedFile {
  const fail = (message: string): OpenedFile => ({ ok: false, name, message });
  if (text.length > MAX_OPEN_FILE_BYTES) return fail(tooLarge(text.length));
  const kind = detectFileKind(text);
  const body = text.replace(/^\uFEFF/, '');
  switch (kind) {
    case 'empty':
      return fail('The file is empty.');
    case 'binary':
      return fail(`This is not a text file (it holds binary data). ${WHAT_OPENS}`);
    case 'not-json':
      return fail(`This is not JSON: ${jsonProblem(body)}. ${WHAT_OPENS}`);
    case 'other-brownout': {
      const format = (JSON.parse(body) as { format: string }).format;
      return fail(
        `This is a Brownout export of another kind (${quoteText(format)}), not a run: only saved runs (${TRACE_FORMAT}) open as a run.`,
      );
    }
    case 'other-json':
      return fail(
        `This is valid JSON but not a migration: it is neither a Brownout trace (no "format": "${TRACE_FORMAT}") nor a QEMU QMP transcript (no "execute", "event" or "return" messages). ${WHAT_OPENS}`,
      );
    case 'trace': {
      const r = readTrace(body);
      if (!r.ok && r.scenario)
        return {
          ok: true,
          kind: 'old-trace',
          name,
          scenario: r.scenario,
          note: `${upperFirst(r.message)}. Its scenario is open in the lab and runs again with this version's engine.`,
        };
      if (!r.ok) return fail(upperFirst(r.message) + '.');
      const note =
        r.migratedFrom !== null ? `Saved in trace format version ${r.migratedFrom}; read as the current one.` : null;
      return { ok: true, kind: 'trace', name, trace: r.trace, note };
    }
    case 'qmp': {
      const r = importQmp(body);
      if ('error' in r) {
        const { line, field, message } = r.error;
        const where = [
          line !== null && !message.startsWith(`line ${line}`) ? `line ${line}` : null,
          field && !message.includes(field) ? `field ${field}` : null,
        ]
          .filter(Boolean)
          .join(', ');
        return fail(`This QEMU transcript cannot be replayed: ${where ? `${where}: ` : ''}${message}.`);
      }
      return { ok: true, kind: 'qmp', name, trace: r.trace, record: r.record, note: null };
    }
  }
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The message for a file over the limit, with both sizes. */
export function tooLarge(bytes: number): string {
  const mib = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MiB`;
  return `The file is too large to open (${mib(bytes)}; the limit is ${mib(MAX_OPEN_FILE_BYTES)}).`;
}
