import fc from 'fast-check';
import { scenarioFields } from '../../src/engine/scenario/fields';

/**
 * The atoms of hostile input: text a student might paste into a link, a `--set` or a scenario file, from
 * the plausible (a typo, a unit) to the malicious (5,000 nested brackets, a prototype name, a script).
 */

const nested = (depth: number, open: string, close: string, closed: boolean) =>
  open.repeat(depth) + (closed ? close.repeat(depth) : '');

/** Leaf field names of the scenario format, as links and `--set` name them. */
export const FIELD_NAMES = scenarioFields()
  .map((f) => f.path)
  .filter((p) => !p.includes('[]'));

/** Keys no scenario has, chosen to trip a careless decoder. */
export const HOSTILE_KEYS = [
  '',
  '.',
  '__proto__',
  '__proto__.polluted',
  'constructor',
  'constructor.prototype.polluted',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'vm.constructor',
  'vm.__proto__',
  'vm.',
  'vm..memoryMiB',
  '.vm.memoryMiB',
  'VM.memoryMiB',
  'vm.memoryMiB.extra',
  'faults.0.kind',
  'interventions[]',
  'k'.repeat(10_000),
  '😀',
  '\u202evm.memoryMiB',
  'vm.memory\u0000MiB',
];

/** Values chosen by hand: each one once broke, or could break, a decoder or its messages. */
export const HOSTILE_TEXTS = [
  '',
  ' ',
  '0',
  '-0',
  '-1',
  '1.5',
  '1e999',
  '-1e999',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1_000',
  ' 12 ',
  '12abc',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '[{}]',
  '[1]',
  '[null]',
  '[1,2,3]',
  '{"kind":"source-crash"}',
  '[{"kind":"source-crash","atMs":1e999}]',
  '[{"kind":"network-drop","atMs":5,"durationMs":-1}]',
  '{"__proto__":{"polluted":1}}',
  '[{"__proto__":{"polluted":1},"kind":"source-crash"}]',
  '{"constructor":{"prototype":{"polluted":1}}}',
  nested(5000, '[', ']', false),
  nested(5000, '[', ']', true),
  nested(5000, '{"a":', '}', false),
  nested(2000, '{"a":', '}', true).replace(/}$/, '1}'),
  'x'.repeat(100_000),
  JSON.stringify(Array.from({ length: 10_000 }, () => 0)),
  JSON.stringify(Array.from({ length: 100 }, () => ({ kind: 'source-crash' }))),
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${7*7}{{7*7}}',
  '😀'.repeat(50),
  '\u202e\u200b\u0000',
  '\ud800',
  'Ünïcødé 日本語',
  '%',
  '%E0%A4%A',
  '%00',
  ':::',
  '0:network.capMbps:100',
  '0:network.linkMbps:0',
  '10:precopy.autoConverge:maybe',
];

/** Any text: hand-picked hostile values, numbers at the edges, random strings, random JSON. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
);

/** A key: a real field name, a hostile one, or random text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
);
