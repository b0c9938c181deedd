// @vitest-environment node
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { initialJs, initialJsBudget, type BudgetChunk } from '../../../jsBudget.ts';

/** Text that gzip cannot shrink much (hashes in a row, base64): gzip takes it to about three quarters. */
const noise = (kib: number, seed: number) => {
  const parts: string[] = [];
  for (let i = 0; parts.length * 44 < kib * 1024; i++)
    parts.push(createHash('sha256').update(`${seed}:${i}`).digest('base64'));
  return parts.join('');
};
const gz = (text: string) => gzipSync(text).length / 1024;

const chunk = (fileName: string, code: string, imports: string[] = [], isEntry = false): BudgetChunk => ({
  type: 'chunk',
  fileName,
  code,
  imports,
  isEntry,
});

const bundle = (): Record<string, BudgetChunk> => {
  const entry = chunk('assets/index.js', noise(40, 1), ['assets/shared.js'], true);
  const shared = chunk('assets/shared.js', noise(30, 2), ['assets/deep.js']);
  const deep = chunk('assets/deep.js', noise(20, 3));
  const lazy = chunk('assets/FleetScreen.js', noise(300, 4), ['assets/shared.js']);
  const css: BudgetChunk = { type: 'asset', fileName: 'assets/index.css' };
  return Object.fromEntries([entry, shared, deep, lazy, css].map((c) => [c.fileName, c]));
};

describe('the initial-JavaScript budget', () => {
  it('counts the entry and its static imports, transitively, gzipped; not the chunks loaded on first use', () => {
    const b = bundle();
    const report = initialJs(b, 250);
    expect(report.files.map((f) => f.fileName).sort()).toEqual([
      'assets/deep.js',
      'assets/index.js',
      'assets/shared.js',
    ]);
    const expected = ['assets/index.js', 'assets/shared.js', 'assets/deep.js'].reduce((s, n) => s + gz(b[n].code!), 0);
    expect(report.totalKiB).toBeCloseTo(expected, 6);
    expect(report.holds).toBe(true);
  });

  it('is over when the lazily loaded view becomes a static import', () => {
    const b = bundle();
    b['assets/index.js'].imports!.push('assets/FleetScreen.js');
    const report = initialJs(b, 250);
    expect(report.totalKiB).toBeGreaterThan(250);
    expect(report.holds).toBe(false);
  });

  it('counts the app the entry loads at once (its own dynamic import), but not the views other chunks load later', () => {
    const b = bundle();
    const entry = chunk('assets/main.js', noise(2, 6), [], true);
    entry.dynamicImports = ['assets/index.js'];
    b['assets/index.js'].isEntry = false;
    b['assets/index.js'].dynamicImports = ['assets/FleetScreen.js'];
    b[entry.fileName] = entry;
    const report = initialJs(b, 250);
    expect(report.files.map((f) => f.fileName).sort()).toEqual([
      'assets/deep.js',
      'assets/index.js',
      'assets/main.js',
      'assets/shared.js',
    ]);
  });

  it('fails the build when over, and lets it pass (saying so) when within', () => {
    const plugin = initialJsBudget();
    const over = bundle();
    over['assets/index.js'].imports!.push('assets/FleetScreen.js');
    const log = console.log;
    const lines: string[] = [];
    console.log = (line: string) => lines.push(line);
    try {
      expect(() => plugin.generateBundle({}, over)).toThrow(/OVER BUDGET/);
      expect(() => plugin.generateBundle({}, bundle())).not.toThrow();
    } finally {
      console.log = log;
    }
    expect(
      lines.some((l) => /initial JavaScript: [\d.]+ KiB gzipped in 3 files \(budget 250 KiB\): holds/.test(l)),
    ).toBe(true);
  });

  it('leaves the engine worker’s own build alone', () => {
    const worker = { 'assets/engine.worker.js': chunk('assets/engine.worker.js', noise(300, 5), [], true) };
    expect(() => initialJsBudget().generateBundle({}, worker)).not.toThrow();
  });
});
