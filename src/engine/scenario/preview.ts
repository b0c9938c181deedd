/**
 * Short, truthful renderings of values for messages. A message about a hand-edited link or file quotes
 * what was given, but never more than a short prefix of it (a 100 KB value must not come back whole),
 * never reads NaN or Infinity as `null` the way JSON does, and never walks deeper than a few levels (a
 * value nested 5,000 deep must not overflow the stack).
 */

const MAX_TEXT_CHARS = 40;
const MAX_VALUE_CHARS = 60;
const MAX_DEPTH = 3;
const MAX_ITEMS = 4;

/** `text` cut to at most `max` characters, without splitting a surrogate pair. */
function prefix(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return text.slice(0, cut);
}

/** Text in double quotes, escaped like JSON, cut to a prefix with its full length when it is long. */
export function quoteText(text: string, max = MAX_TEXT_CHARS): string {
  if (text.length <= max) return JSON.stringify(text);
  return `${JSON.stringify(prefix(text, max))}… (${text.length} characters)`;
}

const numberText = (n: number) =>
  Number.isFinite(n) ? String(n) : Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';

function render(value: unknown, depth: number): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return quoteText(value, 24);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth >= MAX_DEPTH) return '[…]';
    const items = value.slice(0, MAX_ITEMS).map((v) => render(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`… ${value.length} entries`);
    return `[${items.join(', ')}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  if (depth >= MAX_DEPTH) return '{…}';
  const items = keys
    .slice(0, MAX_ITEMS)
    .map((k) => `${quoteText(k, 24)}: ${render((value as Record<string, unknown>)[k], depth + 1)}`);
  if (keys.length > MAX_ITEMS) items.push(`… ${keys.length} keys`);
  return `{${items.join(', ')}}`;
}

/**
 * A value as a message shows it: numbers as written (NaN and Infinity included), text quoted, lists and
 * objects to a few levels and entries, the whole at most about 60 characters.
 */
export function previewValue(value: unknown, max = MAX_VALUE_CHARS): string {
  if (typeof value === 'string') return quoteText(value);
  const text = render(value, 0);
  return text.length <= max ? text : `${prefix(text, max)}…`;
}

/** A field or parameter name as a message shows it: as it is when short and plain, else quoted and cut. */
export function fieldLabel(name: string): string {
  if (name === '') return '(a key with no name)';
  return name.length <= 60 && /^[\w-]+(\.[\w-]+)*$/.test(name) ? name : quoteText(name);
}

/** Message lines without repeats, at most `max` of them, the rest counted on a last line. */
export function messageLines(lines: readonly string[], max = 12): string[] {
  const unique = [...new Set(lines)];
  if (unique.length <= max) return unique;
  return [...unique.slice(0, max - 1), `… and ${unique.length - max + 1} more problems like these`];
}
