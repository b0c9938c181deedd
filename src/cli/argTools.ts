import { messageLines, quoteText } from '../engine';

/**
 * The parts `npm run sim` and `npm run fleet` read their arguments with: flags with a value, a JSON file
 * holding an object, the `--set key=value` list and the refusal. Each gives lines that name the flag or field.
 */

/** A refusal (exit code 2): at most 40 lines, each cut to a readable length. */
export type Refusal = { kind: 'refuse'; lines: string[] };
export const refuse = (lines: string[]): Refusal => ({ kind: 'refuse', lines: messageLines(lines, 40) });

/**
 * Reads `--flag value` pairs: the last value of each flag wins, every `--set` is kept in order. `--help`
 * or `-h` anywhere asks for help; an unknown flag or one without its value is refused with the usage.
 */
export function readFlags(
  argv: readonly string[],
  known: readonly string[],
  usage: string,
): { kind: 'help' } | Refusal | { kind: 'flags'; values: Map<string, string>; sets: string[] } {
  const values = new Map<string, string>();
  const sets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg !== '--set' && !known.includes(arg))
      return refuse([`unknown argument: ${quoteText(arg)}`, ...usage.split('\n')]);
    if (i + 1 >= argv.length) return refuse([`${arg} needs a value`, ...usage.split('\n')]);
    const value = argv[++i];
    if (arg === '--set') sets.push(value);
    else values.set(arg, value);
  }
  return { kind: 'flags', values, sets };
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the name is too long for this system',
};

/** An error's message, cut short: Node quotes the whole path, JSON.parse a piece of the text. */
const cut = (message: string) => (message.length <= 160 ? message : `${message.slice(0, 160)}…`);

/** Why a file could not be read, in words (Node's code when it is a known one). */
export const readError = (e: unknown) =>
  READ_ERRORS[(e as { code?: string }).code ?? ''] ?? cut(String((e as Error).message));

/** The JSON object a file holds (`what` names the file in messages, e.g. `fleet scenario`), or why not. */
export function readJsonObject(
  file: string,
  readText: (file: string) => string,
  what: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; line: string } {
  const name = quoteText(file);
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    return { ok: false, line: `cannot read ${what} file ${name}: ${readError(e)}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, line: `${what} file ${name} is not valid JSON: ${cut((e as Error).message)}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return { ok: false, line: `${what} file ${name} must hold a JSON object` };
  return { ok: true, value: parsed as Record<string, unknown> };
}

type Parsed<T> = { ok: true; scenario: T } | { ok: false; problems: { field: string; message: string }[] };

/**
 * Applies the `--set key=value` assignments in order with `setOne`, then validates with `parse`. A field a
 * `--set` already refused is not reported again by the validation. `example` shows the form, e.g.
 * `network.linkMbps=10000`.
 */
export function applySets<T>(
  input: Record<string, unknown>,
  sets: readonly string[],
  setOne: (input: Record<string, unknown>, key: string, text: string) => string | null,
  example: string,
  parse: (input: Record<string, unknown>) => Parsed<T>,
): { kind: 'parsed'; scenario: T } | Refusal {
  const problems: string[] = [];
  const badFields = new Set<string>();
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    const key = assignment.slice(0, eq).trim();
    if (eq < 0 || key === '') {
      problems.push(`--set ${quoteText(assignment)}: expected key=value, e.g. ${example}`);
      continue;
    }
    const problem = setOne(input, key, assignment.slice(eq + 1).trim());
    if (problem) {
      problems.push(problem);
      badFields.add(key);
    }
  }
  const parsed = parse(input);
  if (!parsed.ok) problems.push(...parsed.problems.filter((p) => !badFields.has(p.field)).map((p) => p.message));
  if (problems.length || !parsed.ok) return refuse(problems);
  return { kind: 'parsed', scenario: parsed.scenario };
}
