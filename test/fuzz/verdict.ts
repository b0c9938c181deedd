/**
 * What every decoder owes its user, checked after each hostile input: it returned (no throw), it left the
 * built-in prototypes alone, and each message line it gave is one a person can act on.
 */

/** One case's outcome: a label to count it under, or a failure saying what went wrong. */
export type Outcome = { ok: true; label: string } | { ok: false; label: string; detail: string };

export const pass = (label: string): Outcome => ({ ok: true, label });
export const fail = (label: string, detail: string): Outcome => ({ ok: false, label, detail });

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

const ownKeys = () => PROTOTYPES.map(([name, proto]) => `${name}:${Reflect.ownKeys(proto).map(String).join(',')}`);

/** Runs `decode`, turning a throw or a changed built-in prototype into a failure. */
export function guarded(decode: () => Outcome): Outcome {
  const before = ownKeys();
  let outcome: Outcome;
  try {
    outcome = decode();
  } catch (e) {
    outcome = fail('threw', e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e));
  }
  const after = ownKeys();
  const changed = after.filter((keys, i) => keys !== before[i]);
  if (changed.length || ({} as Record<string, unknown>).polluted !== undefined)
    return fail('polluted a prototype', changed.join(' | ').slice(0, 300) || 'Object.prototype.polluted is set');
  return outcome;
}

/** Words a message must never show: a value lost on the way, or the decoder's own plumbing. */
const GARBLED = [
  'undefined is used',
  'default undefined',
  '[object Object]',
  'Maximum call stack',
  'TypeError',
  'SyntaxError: ',
];

/**
 * Why these message lines are not clear, or null when they are: each line short, naming what it is about
 * before a colon or in its first words, none repeated, none garbled, and not too many of them.
 */
export function unclearMessages(lines: readonly string[], maxLines: number, maxChars = 600): string | null {
  if (lines.length > maxLines) return `${lines.length} lines, more than ${maxLines}`;
  if (new Set(lines).size !== lines.length) return 'a line is repeated';
  for (const line of lines) {
    const head = line.slice(0, 80);
    if (line.trim() === '') return 'an empty line';
    if (line.length > maxChars) return `a line of ${line.length} characters: ${head}…`;
    if (line.startsWith(':')) return `a line names nothing: ${head}`;
    const garbled = GARBLED.find((g) => line.includes(g));
    if (garbled) return `a line says "${garbled}": ${head}`;
    if (!namesItsSubject(line)) return `a line does not say what it is about: ${head}`;
  }
  return null;
}

/** A quoted name as messages write it: JSON-escaped, perhaps cut with its length. */
const QUOTED = /^(?:[\w.]+=)?"(?:[^"\\]|\\.)*"(?:… \(\d+ characters\))?/;

/** The line starts with what it is about: a name (plain or quoted) and a colon, or a sentence that names it. */
function namesItsSubject(line: string): boolean {
  const quoted = QUOTED.exec(line);
  if (quoted) return /^[^:]*: /.test(line.slice(quoted[0].length));
  if (/^iv=\S*( \([\w.]+\))?: /.test(line)) return true;
  return /^\S[^:]*: |^(the |a |an |unknown |--\w+ |scenario file |cannot |usage: | {2}--\w+ |… and \d+ more )/.test(
    line,
  );
}
