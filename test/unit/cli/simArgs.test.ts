// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSimArgs } from '../../../src/cli/simArgs';
import { quoteText } from '../../../src/engine/scenario/preview';

const noFiles = (file: string): string => {
  throw new Error(`ENOENT: no such file ${file}`);
};
const files = (byName: Record<string, string>) => (file: string) => byName[file] ?? noFiles(file);

const refusal = (argv: string[], readText = noFiles) => {
  const r = readSimArgs(argv, readText);
  if (r.kind !== 'refuse') throw new Error(`expected a refusal, got ${r.kind}`);
  return r.lines;
};

describe('sim command line', () => {
  it('refuses prototype names in --set by name and pollutes nothing', () => {
    for (const key of [
      'constructor',
      '__proto__',
      'toString',
      'vm.constructor',
      '__proto__.polluted',
      'hasOwnProperty',
    ])
      expect(refusal(['--set', `${key}=1`])).toEqual([`${key}: not a field of the scenario format`]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file nested 5,000 deep with a short message', () => {
    const deep = `{"faults":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(refusal(['--scenario', 'deep.json'], files({ 'deep.json': deep }))).toEqual([
      'faults.0: [[[[…]]]] is not allowed; allowed: an object',
    ]);
  });

  it('names an empty key, quotes a short prefix of a huge value, and shows overflowing numbers as such', () => {
    expect(refusal(['--set', '=5'])).toEqual(['--set "=5": expected key=value, e.g. network.linkMbps=10000']);
    const [huge] = refusal(['--set', `name=${'x'.repeat(100_000)}`]);
    expect(huge.length).toBeLessThan(200);
    expect(refusal(['--set', `vm.pageKiB=${'9'.repeat(400)}`])).toEqual([
      `vm.pageKiB: "${'9'.repeat(40)}"… (400 characters) is too large a number; allowed: one of 4, 2048 KiB`,
    ]);
  });

  it('lists each problem once, bad --set values first, without repeating a field', () => {
    expect(refusal(['--set', 'vm.memoryMiB=abc', '--set', 'faults=[{}]', '--set', 'faults=[{}]'])).toEqual([
      'vm.memoryMiB: "abc" is not a number; allowed: a whole number 64 to 1048576 MiB',
      'faults.0.kind: missing; allowed: one of network-drop, destination-crash, source-crash, link-degradation',
    ]);
  });

  it('a missing file with a huge name is named by a short prefix', () => {
    const name = `${'no-such-folder/'.repeat(2000)}scenario.json`;
    const read = (file: string) => readFileSync(file, 'utf8');
    const lines = refusal(['--scenario', name], read);
    expect(lines).toEqual([`cannot read scenario file ${quoteText(name)}: the name is too long for this system`]);
    expect(lines[0].length).toBeLessThan(150);
    expect(refusal(['--scenario', 'no-such-folder/x.json'], read)).toEqual([
      'cannot read scenario file "no-such-folder/x.json": there is no such file',
    ]);
  });

  it('a good command line gives the scenario to run', () => {
    const r = readSimArgs(['--set', 'network.linkMbps=10000', '--trace', 'out.json'], noFiles);
    expect(r.kind).toBe('run');
    if (r.kind !== 'run') return;
    expect(r.scenario.network.linkMbps).toBe(10000);
    expect(r.traceFile).toBe('out.json');
  });
});
