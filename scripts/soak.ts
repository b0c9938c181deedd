/**
 * `npm run soak -- [--runs N] [--seed S] [--only NAME[,NAME]]`: the hostile-input harnesses at length, for
 * before a release. Runs every target in test/fuzz/targets.ts for N cases (default 5,000 each), prints the
 * count of each outcome, the slowest case, and the failures with a short form of their input; exits 1 if
 * any case failed. The test suite runs the same generators briefly; this finds what a short run misses.
 * A failure prints its seed: `--seed S --only NAME` runs the same cases again.
 */
import fc from 'fast-check';
import { previewValue } from '../src/engine/scenario/preview';
import { FUZZ_TARGETS, type FuzzTarget } from '../test/fuzz/targets';

/** A case slower than this counts as a hang: decoders answer in milliseconds. */
const SLOW_MS = 1000;
const EXAMPLES_SHOWN = 3;

function options(argv: string[]) {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 5000);
  const seed = Number(value('--seed') ?? Math.floor(Math.random() * 2 ** 31));
  const only = value('--only')?.split(',');
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    console.error('usage: npm run soak -- [--runs N] [--seed S] [--only NAME[,NAME]]');
    process.exit(2);
  }
  const unknown = only?.filter((name) => !FUZZ_TARGETS.some((t) => t.name === name)) ?? [];
  if (unknown.length) {
    console.error(`unknown target ${unknown.join(', ')}; targets: ${FUZZ_TARGETS.map((t) => t.name).join(', ')}`);
    process.exit(2);
  }
  return { runs, seed, targets: FUZZ_TARGETS.filter((t) => !only || only.includes(t.name)) };
}

interface Tally {
  counts: Map<string, number>;
  failures: { label: string; detail: string; input: string }[];
  slowestMs: number;
  elapsedMs: number;
}

function soak(target: FuzzTarget, runs: number, seed: number): Tally {
  const tally: Tally = { counts: new Map(), failures: [], slowestMs: 0, elapsedMs: 0 };
  const show = target.show ?? ((input: unknown) => (typeof input === 'string' ? input : previewValue(input, 300)));
  const started = performance.now();
  // The property records and always holds, so fast-check streams the cases and never shrinks.
  fc.check(
    fc.property(target.input, (input) => {
      const t0 = performance.now();
      let outcome = target.check(input);
      const ms = performance.now() - t0;
      tally.slowestMs = Math.max(tally.slowestMs, ms);
      if (outcome.ok && ms > SLOW_MS)
        outcome = { ok: false, label: 'slow', detail: `${ms.toFixed(0)} ms, more than ${SLOW_MS} ms` };
      const key = outcome.ok ? outcome.label : `FAILED: ${outcome.label}`;
      tally.counts.set(key, (tally.counts.get(key) ?? 0) + 1);
      if (!outcome.ok) tally.failures.push({ label: outcome.label, detail: outcome.detail, input: show(input) });
      return true;
    }),
    { numRuns: runs, seed },
  );
  tally.elapsedMs = performance.now() - started;
  return tally;
}

const { runs, seed, targets } = options(process.argv.slice(2));
console.log(`soak: ${runs} cases per target, seed ${seed}\n`);
let failed = 0;
for (const target of targets) {
  const tally = soak(target, runs, seed);
  console.log(`${target.name}: ${target.description}`);
  for (const [label, n] of [...tally.counts].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(7)}  ${label}`);
  console.log(
    `  ${(tally.elapsedMs / 1000).toFixed(1)} s in all, slowest case ${tally.slowestMs.toFixed(1)} ms, ${tally.failures.length} failed`,
  );
  for (const f of tally.failures.slice(0, EXAMPLES_SHOWN))
    console.log(
      `    ${f.label}: ${f.detail}\n      input: ${f.input.length > 300 ? f.input.slice(0, 300) + '…' : f.input}`,
    );
  console.log('');
  failed += tally.failures.length;
}
console.log(failed ? `soak: ${failed} cases failed (seed ${seed})` : 'soak: every case passed');
process.exit(failed ? 1 : 0);
