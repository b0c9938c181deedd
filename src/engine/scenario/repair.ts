import { fieldLabel, previewValue } from './preview';
import type { Scenario } from './schema';
import { maxLengthOf, parseScenario, schemaAt, type ScenarioProblem } from './validate';

/**
 * Lenient reading, for links and saved state (the CLI refuses instead): what is bad is dropped, and only
 * that. A bad field takes its default; a bad entry of a list (one fault, one workload phase) is dropped
 * and the other entries stay; a list that is too long keeps its first entries; a key that is not a field
 * is ignored. Each thing dropped gets one line saying what was wrong and what took its place.
 */

type Key = string | number;
type Container = Record<string, unknown> | unknown[];

export interface RepairedScenario {
  scenario: Scenario;
  /** One line per thing dropped or replaced; empty when the input was valid. */
  notes: string[];
}

export interface RepairOptions {
  /** How to name entry `index` of list `listField` (and a field inside it) in the notes. */
  entryLabel?: (listField: string, index: number, rest: readonly Key[]) => string;
}

/** Each pass drops at least one thing; a few passes settle any scenario (fields, then entries, then rules). */
const MAX_PASSES = 12;

const defaultEntryLabel = (listField: string, index: number, rest: readonly Key[]) =>
  fieldLabel([listField, index, ...rest].join('.'));

const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

/** The problem's field as keys (cross-field rules give only the dotted name, whose keys hold no dots). */
const keysOf = (p: ScenarioProblem): Key[] =>
  p.path ? [...p.path] : p.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

function valueAt(root: unknown, path: readonly Key[]): unknown {
  let v = root;
  for (const key of path) {
    if (!isContainer(v) || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<Key, unknown>)[key];
  }
  return v;
}

/** `root` with the container at `path` replaced by `edit` of a copy of it; copies along the way, mutates nothing. */
function editAt(root: unknown, path: readonly Key[], edit: (c: Container) => Container): unknown {
  if (!isContainer(root)) return root;
  const copy: Container = Array.isArray(root) ? [...root] : { ...root };
  if (path.length === 0) return edit(copy);
  const [head, ...rest] = path;
  if (!Object.hasOwn(root, head)) return root;
  (copy as Record<Key, unknown>)[head] = editAt((root as Record<Key, unknown>)[head], rest, edit);
  return copy;
}

/** What the repair does about one problem. */
type Plan =
  | { kind: 'field'; path: Key[] } // delete the field: its default takes over
  | { kind: 'key'; path: Key[] } // not a field: delete the key
  | { kind: 'entry'; list: Key[]; index: number } // drop one entry of a list
  | { kind: 'truncate'; list: Key[]; max: number }; // keep a list's first entries

function planFor(problem: ScenarioProblem, input: unknown): Plan | null {
  const path = keysOf(problem);
  if (path.length === 0) return null;
  if (!schemaAt(path)) return { kind: 'key', path };
  for (let i = 0; i < path.length; i++) {
    const node = schemaAt(path.slice(0, i + 1));
    if (node?.def.type !== 'array') continue;
    const list = path.slice(0, i + 1);
    if (i + 1 < path.length && typeof path[i + 1] === 'number')
      return { kind: 'entry', list, index: path[i + 1] as number };
    const value = valueAt(input, list);
    const max = maxLengthOf(node);
    if (Array.isArray(value) && max !== undefined && value.length > max) return { kind: 'truncate', list, max };
    return { kind: 'field', path: list };
  }
  return { kind: 'field', path };
}

/** What took a dropped field's place, read from the scenario that was finally loaded. */
export function replacementNote(scenario: Scenario, path: readonly Key[]): string {
  const value = valueAt(scenario, path);
  if (Array.isArray(value) && value.length === 0) return 'left empty (the default)';
  return `the default ${previewValue(value)} is used`;
}

/** Reads a scenario leniently: always gives one, with a note for each thing dropped. Never throws. */
export function repairScenario(input: unknown, options: RepairOptions = {}): RepairedScenario {
  const entryLabel = options.entryLabel ?? defaultEntryLabel;
  const notes: ((final: Scenario) => string)[] = [];
  // For each list, the original position of each entry still in it, so notes name what the user wrote.
  const positions = new Map<string, number[]>();
  // How many entries each truncation cut, known only once the entries dropped before it are gone.
  const cuts = new Map<Plan, { entries: number }>();
  const originalIndex = (list: Key[], index: number) => positions.get(list.join('.'))?.[index] ?? index;
  let current = input;

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = parseScenario(current);
    if (result.ok) return { scenario: result.scenario, notes: [...new Set(notes.map((n) => n(result.scenario)))] };
    const groups = new Map<string, { plan: Plan; messages: string[] }>();
    for (const problem of result.problems) {
      const plan = planFor(problem, current);
      if (!plan) return fallback(result.problems.map((p) => p.message));
      const target =
        plan.kind === 'entry' ? [...plan.list, plan.index] : plan.kind === 'truncate' ? plan.list : plan.path;
      const id = `${plan.kind}:${target.join('.')}`;
      const group = groups.get(id) ?? { plan, messages: [] };
      group.messages.push(renamed(problem));
      groups.set(id, group);
    }
    // Fields and keys first, alone: a rule between fields may judge an entry by a value that is about to
    // take its default (a phase's working set against a memory size that was out of range). Then entries
    // last to first, so the positions of the ones still to drop stay right, then lists cut to their longest.
    const all = [...groups.values()];
    const fieldsFirst = all.filter((g) => g.plan.kind === 'field' || g.plan.kind === 'key');
    const chosen = fieldsFirst.length ? fieldsFirst : all;
    for (const { plan, messages } of chosen) notes.push(noteFor(plan, [...new Set(messages)].join('; ')));
    const before = current;
    for (const plan of chosen.map((g) => g.plan).sort((a, b) => order(b) - order(a))) current = apply(plan);
    if (current === before) return fallback(result.problems.map((p) => p.message));
  }
  return fallback(['the scenario kept having new problems']);

  function order(plan: Plan): number {
    return plan.kind === 'entry' ? 1 + plan.index : 0;
  }

  /** The problem's message naming the field as the user wrote it (an entry by its original position). */
  function renamed(problem: ScenarioProblem): string {
    const path = keysOf(problem);
    const at = path.findIndex((key, i) => typeof key === 'number' && schemaAt(path.slice(0, i))?.def.type === 'array');
    if (at < 0) return problem.message;
    const list = path.slice(0, at);
    const label = entryLabel(list.join('.'), originalIndex(list, path[at] as number), path.slice(at + 1));
    const shown = fieldLabel(problem.field);
    return problem.message.startsWith(shown) ? label + problem.message.slice(shown.length) : problem.message;
  }

  function noteFor(plan: Plan, said: string): (final: Scenario) => string {
    if (plan.kind === 'key') return () => `${said}; ignored`;
    if (plan.kind === 'field') return (final) => `${said}; ${replacementNote(final, plan.path)}`;
    if (plan.kind === 'entry') {
      const label = entryLabel(plan.list.join('.'), originalIndex(plan.list, plan.index), []);
      return () => `${said}; so ${label} was dropped`;
    }
    const cut = { entries: 0 };
    cuts.set(plan, cut);
    return () => `${said}; the last ${cut.entries} ${cut.entries === 1 ? 'entry was' : 'entries were'} dropped`;
  }

  function apply(plan: Plan): unknown {
    if (plan.kind === 'key' || plan.kind === 'field')
      return editAt(current, plan.path.slice(0, -1), (c) => dropKey(c, plan.path[plan.path.length - 1]));
    const listField = plan.list.join('.');
    const list = valueAt(current, plan.list);
    if (!Array.isArray(list)) return current;
    const was = positions.get(listField) ?? list.map((_, i) => i);
    if (plan.kind === 'entry') {
      positions.set(
        listField,
        was.filter((_, i) => i !== plan.index),
      );
      return editAt(current, plan.list, (c) => (c as unknown[]).filter((_, i) => i !== plan.index));
    }
    const cut = cuts.get(plan);
    if (cut) cut.entries += list.length - plan.max;
    positions.set(listField, was.slice(0, plan.max));
    return editAt(current, plan.list, (c) => (c as unknown[]).slice(0, plan.max));
  }

  function fallback(lines: string[]): RepairedScenario {
    const scenario = parseScenario({});
    if (!scenario.ok) throw new Error('the default scenario is invalid');
    const resolved = notes.map((n) => n(scenario.scenario));
    return {
      scenario: scenario.scenario,
      notes: [...new Set([...resolved, ...lines, 'the default scenario was loaded instead'])],
    };
  }
}

function dropKey(container: Container, key: Key): Container {
  if (Array.isArray(container)) return container;
  const copy = { ...container };
  delete copy[key];
  return copy;
}
