import fc from 'fast-check';
import { repairScenario } from '../../src/engine/scenario/repair';
import { parseScenario } from '../../src/engine/scenario/validate';
import { anyScenario } from '../support/arbitraries';
import { FIELD_NAMES, HOSTILE_KEYS, hostileText } from './values';
import { fail, guarded, pass, unclearMessages, type Outcome } from './verdict';

/** Hostile scenario documents (JSON text): random JSON, and valid scenarios with a few fields broken. */

/**
 * A hostile JSON value, as JSON text: hand-picked text as it is where it is JSON (5,000 nested brackets
 * included, which no JSON.stringify could write), as a JSON string otherwise; or random JSON.
 */
const hostileJsonText: fc.Arbitrary<string> = fc.oneof(
  hostileText.map((t) => {
    try {
      JSON.parse(t);
      return t;
    } catch {
      return JSON.stringify(t);
    }
  }),
  fc.json({ maxDepth: 3 }),
);

type Doc = Record<string, unknown>;

/** Sets `value` at a dotted path, making objects on the way (keys are own properties, as JSON.parse makes them). */
function put(doc: Doc, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Doc = doc;
  for (const key of keys.slice(0, -1)) {
    const child = Object.hasOwn(node, key) ? node[key] : undefined;
    if (child === null || typeof child !== 'object' || Array.isArray(child))
      Object.defineProperty(node, key, { value: {}, enumerable: true, writable: true, configurable: true });
    node = node[key] as Doc;
  }
  Object.defineProperty(node, keys[keys.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

const LIST_ENTRY_FIELDS = [
  'faults.0',
  'faults.1.kind',
  'workload.phases.0',
  'interventions.0.value',
  'interventions.1',
];

const mutatedDocument = fc
  .tuple(
    anyScenario,
    fc.array(
      fc.tuple(fc.constantFrom(...FIELD_NAMES, ...HOSTILE_KEYS, ...LIST_ENTRY_FIELDS), hostileJsonText, fc.boolean()),
      { minLength: 1, maxLength: 4 },
    ),
    fc.nat(),
  )
  .map(([input, mutations, cut]) => {
    const doc = JSON.parse(JSON.stringify(input)) as Doc;
    let truncate = false;
    // Each hostile value goes in as a placeholder string, replaced by its JSON text once the rest is written.
    const placeholder = (i: number) => `@@hostile-${i}@@`;
    mutations.forEach(([path, , broken], i) => {
      const value = placeholder(i);
      const [list, index, ...rest] = path.split('.');
      if (/^\d+$/.test(index ?? '')) {
        // A list entry: make room for it so the mutation lands inside the list.
        const entries = Array.isArray(doc[list]) ? (doc[list] as unknown[]) : [];
        entries[Number(index)] = rest.length ? { kind: 'source-crash', [rest[0]]: value } : value;
        doc[list] = Array.from(entries, (e) => e ?? {});
      } else put(doc, path, value);
      truncate ||= broken && cut % 7 === 0;
    });
    let text = JSON.stringify(doc);
    mutations.forEach(([, json], i) => {
      text = text.split(JSON.stringify(placeholder(i))).join(json);
    });
    return truncate ? text.slice(0, cut % (text.length + 1)) : text;
  });

export const hostileDocument: fc.Arbitrary<string> = fc.oneof(mutatedDocument, fc.json({ maxDepth: 4 }), hostileText);

/** A document either loads or is refused with clear lines; read leniently it always loads, with clear notes. */
export function checkDocument(text: string): Outcome {
  return guarded(() => {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch {
      return pass('not JSON');
    }
    const strict = parseScenario(input);
    const lenient = repairScenario(input);
    if (!parseScenario(lenient.scenario).ok) return fail('invalid scenario', 'the lenient reading does not validate');
    if (strict.ok) {
      if (lenient.notes.length) return fail('notes on a valid document', lenient.notes[0]);
      return pass('valid');
    }
    const unclear =
      unclearMessages(
        strict.problems.map((p) => p.message),
        Infinity,
      ) ?? unclearMessages(lenient.notes, Infinity);
    if (unclear) return fail('unclear message', unclear);
    if (lenient.notes.length === 0) return fail('silent repair', 'a refused document loaded leniently without a note');
    return pass('refused, loads leniently with notes');
  });
}
