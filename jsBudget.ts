import { gzipSync } from 'node:zlib';

/**
 * The initial-JavaScript budget: what the page must fetch and run before the lab can draw (the entry
 * chunk, the app it loads at once, and every chunk those import statically, gzipped), not the views loaded on first use
 * (src/ui/lazyScreens.tsx) nor the engine worker, which runs off the main thread.
 */
export const INITIAL_JS_BUDGET_KIB = 250;

/** The parts of a Rollup/Rolldown output chunk the budget reads. */
export interface BudgetChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  code?: string;
}

export interface BudgetReport {
  files: { fileName: string; gzipKiB: number }[];
  totalKiB: number;
  budgetKiB: number;
  holds: boolean;
}

/**
 * The entry chunks, what they import dynamically themselves (the entry starts a worker, then loads the app),
 * and their static imports, transitively, each with its gzipped size.
 */
export function initialJs(bundle: Record<string, BudgetChunk>, budgetKiB = INITIAL_JS_BUDGET_KIB): BudgetReport {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const next of byName.get(name)!.imports ?? []) visit(next);
  };
  for (const chunk of chunks)
    if (chunk.isEntry) for (const name of [chunk.fileName, ...(chunk.dynamicImports ?? [])]) visit(name);
  const files = [...seen].map((fileName) => ({
    fileName,
    gzipKiB: gzipSync(byName.get(fileName)!.code ?? '').length / 1024,
  }));
  const totalKiB = files.reduce((sum, f) => sum + f.gzipKiB, 0);
  return { files, totalKiB, budgetKiB, holds: totalKiB <= budgetKiB };
}

export const budgetLine = (r: BudgetReport) =>
  `initial JavaScript: ${r.totalKiB.toFixed(1)} KiB gzipped in ${r.files.length} files ` +
  `(budget ${r.budgetKiB} KiB): ${r.holds ? 'holds' : 'OVER BUDGET'}`;

/** Vite plugin: prints the figure after every production build and fails the build when it is over. */
export function initialJsBudget() {
  return {
    name: 'brownout-initial-js-budget',
    apply: 'build' as const,
    // The engine worker is a build of its own; only the page's bundle has the entry this is about.
    generateBundle(_options: unknown, bundle: Record<string, BudgetChunk>) {
      const entries = Object.values(bundle).filter((c) => c.type === 'chunk' && c.isEntry);
      if (entries.every((c) => c.fileName.includes('worker'))) return;
      const report = initialJs(bundle);
      console.log(`\n${budgetLine(report)}`);
      if (!report.holds) {
        for (const f of [...report.files].sort((a, b) => b.gzipKiB - a.gzipKiB))
          console.log(`  ${f.gzipKiB.toFixed(1).padStart(7)} KiB  ${f.fileName}`);
        throw new Error(`${budgetLine(report)}: split a view out (src/ui/lazyScreens.tsx) or trim what the lab loads`);
      }
    },
  };
}
