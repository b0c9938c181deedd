// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { messageLines, previewValue, quoteText } from '../../../src/engine/scenario/preview';
import { repairScenario } from '../../../src/engine/scenario/repair';
import { setField } from '../../../src/engine/scenario/setField';
import { parseScenario } from '../../../src/engine/scenario/validate';

const nested = (depth: number, leaf: unknown, wrap: (v: unknown) => unknown) => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
};

const messagesOf = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe('scenario documents from hostile hands', () => {
  it('values nested 5,000 deep are refused with a short message, not a stack overflow', () => {
    const deepList = nested(5000, 1, (v) => [v]);
    const deepObject = nested(5000, 1, (v) => ({ a: v }));
    for (const input of [
      { faults: deepList },
      { faults: [deepList] },
      { vm: deepObject },
      { interventions: [{ atMs: 1, path: deepList, value: deepList }] },
      deepList,
    ]) {
      const lines = messagesOf(input);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.length).toBeLessThan(300);
    }
    expect(messagesOf({ faults: [deepList] })).toEqual(['faults.0: [[[[…]]]] is not allowed; allowed: an object']);
  });

  it('says "missing" for a missing required field, and shows NaN and Infinity as themselves', () => {
    expect(messagesOf({ faults: [{}] })).toEqual([
      'faults.0.kind: missing; allowed: one of network-drop, destination-crash, source-crash, link-degradation',
    ]);
    expect(messagesOf({ vm: { memoryMiB: NaN }, seed: Infinity, workload: { phases: [{ atMs: -Infinity }] } })).toEqual(
      [
        'seed: Infinity is not allowed; allowed: a whole number 0 to 4294967295',
        'vm.memoryMiB: NaN is not allowed; allowed: a whole number 64 to 1048576 MiB',
        'workload.phases.0.atMs: -Infinity is not allowed; allowed: 0 to 1000000000 ms',
      ],
    );
  });

  it('quotes a short prefix of a huge text or key, with its length', () => {
    const lines = messagesOf({ name: 'x'.repeat(100_000), vm: { ['y'.repeat(100_000)]: 1 } });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.length).toBeLessThan(200);
      expect(line).toMatch(/"… \(1000\d\d characters\)/);
    }
    expect(lines[0]).toMatch(/allowed: text of at most 120 characters$/);
  });

  it('names an empty key, and a key holding a prototype name, without touching the prototype', () => {
    const input = JSON.parse('{"": 1, "__proto__": {"polluted": 1}, "vm": {"constructor": 1}}');
    const lines = messagesOf(input);
    expect(lines).toContain('(a key with no name): not a field of the scenario format (see docs/scenario.md)');
    expect(lines).toContain('__proto__: not a field of the scenario format (see docs/scenario.md)');
    expect(lines).toContain('vm.constructor: not a field of the scenario format (see docs/scenario.md)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('setField refuses prototype names and never assigns through them', () => {
    for (const path of ['constructor', '__proto__', 'toString', 'vm.constructor', '__proto__.polluted', 'vm.__proto__'])
      expect(setField({}, path, '1')).toBe(`${path}: not a field of the scenario format`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(setField({}, '', '1')).toBe('(a key with no name): not a field of the scenario format');
    expect(setField({}, 'vm.memoryMiB', '1e999')).toBe(
      'vm.memoryMiB: "1e999" is too large a number; allowed: a whole number 64 to 1048576 MiB',
    );
  });
});

describe('lenient reading drops only what is bad', () => {
  it('keeps the good entries of a list and the fields around it, one note per thing dropped', () => {
    const r = repairScenario({
      network: { linkMbps: 10000 },
      faults: [5, { kind: 'source-crash', atMs: 'x' }, { kind: 'network-drop', bogus: 2 }],
    });
    expect(r.scenario.network.linkMbps).toBe(10000);
    expect(r.scenario.faults).toEqual([expect.objectContaining({ kind: 'network-drop' })]);
    expect(r.notes).toEqual([
      'faults.2.bogus: not a field of the scenario format (see docs/scenario.md); ignored',
      'faults.0: 5 is not allowed; allowed: an object; so faults.0 was dropped',
      'faults.1.atMs: "x" is not allowed; allowed: 0 to 1000000000 ms; so faults.1 was dropped',
    ]);
  });

  it('judges entries against the fields they will run with, not against a value that was dropped', () => {
    const r = repairScenario({ vm: { memoryMiB: 10 }, workload: { phases: [{ atMs: 2, wssMiB: 100 }] } });
    expect(r.scenario.vm.memoryMiB).toBe(4096);
    expect(r.scenario.workload.phases).toEqual([{ atMs: 2, wssMiB: 100 }]);
    expect(r.notes).toEqual([
      'vm.memoryMiB: 10 is not allowed; allowed: a whole number 64 to 1048576 MiB; the default 4096 is used',
    ]);
  });

  it('names entries by their place in the input even when an earlier one was dropped in an earlier pass', () => {
    const r = repairScenario({
      vm: { memoryMiB: 1024 },
      workload: { phases: [{ atMs: -1 }, { atMs: 2 }, { atMs: 3, wssMiB: 2000 }] },
    });
    expect(r.scenario.workload.phases).toEqual([{ atMs: 2 }]);
    expect(r.notes).toEqual([
      'workload.phases.0.atMs: -1 is not allowed; allowed: 0 to 1000000000 ms; so workload.phases.0 was dropped',
      'workload.phases.2.wssMiB: 2000 is more than vm.memoryMiB; allowed: 0 to 1024 MiB (vm.memoryMiB); so workload.phases.2 was dropped',
    ]);
  });

  it('a document that is not an object loads the defaults and says so', () => {
    const r = repairScenario([1, 2]);
    expect(r.scenario).toEqual(repairScenario({}).scenario);
    expect(r.notes).toEqual([
      'the scenario: [1, 2] is not allowed; allowed: an object',
      'the default scenario was loaded instead',
    ]);
  });
});

describe('previews of values in messages', () => {
  it('cut long text without splitting a character, and lists to a few levels', () => {
    expect(quoteText('😀'.repeat(30))).toMatch(/^"(😀){20}"… \(60 characters\)$/);
    expect(quoteText('a' + '😀'.repeat(30))).toMatch(/^"a(😀){19}"… \(61 characters\)$/);
    expect(previewValue([1, [2, [3, [4, [5]]]]])).toBe('[1, [2, [3, […]]]]');
    expect(previewValue(Array.from({ length: 10 }, (_, i) => i))).toBe('[0, 1, 2, 3, … 10 entries]');
    expect(previewValue({ a: NaN, b: -Infinity })).toBe('{"a": NaN, "b": -Infinity}');
  });

  it('message lists drop repeats and count what does not fit', () => {
    expect(messageLines(['a', 'b', 'a'])).toEqual(['a', 'b']);
    const many = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    expect(messageLines(many, 5)).toEqual([
      'line 0',
      'line 1',
      'line 2',
      'line 3',
      '… and 26 more problems like these',
    ]);
  });
});
