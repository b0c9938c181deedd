/** Runs one bench scenario in this process and prints its figures as JSON (see bench/run.ts). */
import { MigrationRun } from '../src/engine/run';
import { BENCH_SCENARIOS } from './scenarios';

const name = process.argv[2];
const entry = BENCH_SCENARIOS[name];
if (!entry) throw new Error(`no bench scenario ${name}`);
const repeats = Number(process.argv[3] ?? 1);
const wallMs: number[] = [];
let simulatedMs = 0;
let peakRssMiB = 0;
let summary;
for (let i = 0; i < repeats; i++) {
  const started = performance.now();
  const run = new MigrationRun(entry.scenario);
  const trace = run.runToEnd();
  wallMs.push(performance.now() - started);
  simulatedMs = trace.summary.totalTimeMs;
  summary = trace.summary;
  // The peak of one run (later repeats only add timings; their garbage would add to the peak).
  peakRssMiB ||= process.resourceUsage().maxRSS / 1024;
}
process.stdout.write(
  JSON.stringify({
    wallMs,
    simulatedMs,
    peakRssMiB,
    outcome: summary!.outcome,
    rounds: summary!.iterations,
    downtimeMs: summary!.downtimeMs,
  }),
);
