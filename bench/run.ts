/**
 * `npm run bench`: wall time and peak memory of the engine on the default scenario, a 64 GiB VM and a
 * 1 TiB VM, and of the fleet engine on 10,000 VMs in a whole-fleet firmware rollout, each in a fresh Node
 * process so peaks do not mix, each beside its target from issue 15; then the browser probes (first render,
 * playback frame times, long tasks during a drag, slider-to-result, a 100-point sweep), each beside its
 * budget. Prints figures and the machine's load average; asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { BENCH_SCENARIOS } from './scenarios';

interface Figures {
  wallMs: number[];
  simulatedMs: number;
  peakRssMiB: number;
  outcome: string;
  rounds: number;
  downtimeMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const loadLine = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} on ${cpus().length} cores`;
const verdict = (figure: number, budget: number) => (figure <= budget ? 'holds' : 'MISSES');

console.log(`Brownout engine benchmark (Node ${process.version}), ${loadLine()}\n`);
console.log('scenario  median    target     first run   peak RSS (target)        simulated   sim/wall   result');
for (const [name, { target }] of Object.entries(BENCH_SCENARIOS)) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/one.ts', name, String(target.repeats)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const f = JSON.parse(out) as Figures;
  const med = median(f.wallMs);
  const memory = target.peakRssMiB ? `(<= ${target.peakRssMiB} MiB: ${verdict(f.peakRssMiB, target.peakRssMiB)})` : '';
  console.log(
    [
      name.padEnd(9),
      `${med.toFixed(1)} ms`.padStart(9),
      `<= ${target.medianMs} ms: ${verdict(med, target.medianMs)}`.padEnd(22),
      `${f.wallMs[0].toFixed(0)} ms`.padStart(9),
      `${f.peakRssMiB.toFixed(0)} MiB ${memory}`.padEnd(26),
      `${(f.simulatedMs / 1000).toFixed(1)} s`.padStart(9),
      `${(f.simulatedMs / med).toFixed(0)}x`.padStart(9),
      `  ${f.outcome}, ${f.rounds} rounds, ${f.downtimeMs.toFixed(0)} ms down`,
    ].join(' '),
  );
}
console.log(
  '\nmedian over 15 runs (default), 5 (64 GiB) or 3 (1 TiB) in one fresh process each; the first run includes JIT warm-up;',
);
console.log(
  'peak RSS: the whole Node process at the end of the first run (about 100 MiB of it is Node and tsx before the engine starts).',
);

const fleetOut = execFileSync(process.execPath, ['--import', 'tsx', 'bench/fleet.ts', '5'], {
  encoding: 'utf8',
  maxBuffer: 1 << 20,
});
const fleet = JSON.parse(fleetOut) as {
  wallMs: number[];
  cpuMs: number[];
  peakRssMiB: number;
  summary: { vms: number; hosts: number; migrated: number; terminated: number; evacuationMs: number; endMs: number };
};
const fs = fleet.summary;
console.log('\nfleet: 10,000 VMs on 1,000 hosts, firmware rollout of the whole fleet in 10 waves (target: under 2 s)');
console.log(
  `  first run ${fleet.wallMs[0].toFixed(0)} ms, median ${median(fleet.wallMs).toFixed(0)} ms over ${fleet.wallMs.length} ` +
    `(CPU ${median(fleet.cpuMs).toFixed(0)} ms), peak RSS ${fleet.peakRssMiB.toFixed(0)} MiB; ` +
    `${fs.migrated} migrations, ${fs.terminated} terminations, ${(fs.endMs / 3600_000).toFixed(1)} h simulated`,
);

// The browser's figures (Chromium, the production build): the lab's budgets (test/e2e/perf.probe.spec.ts), a
// 100-point sweep on the engine pool (test/e2e/sweep.probe.spec.ts) and the 10,000-VM fleet in its worker and on
// screen (test/e2e/fleet.probe.spec.ts); each line gives the figure and its budget.
console.log(`\nBrowser probes (Chromium, production build), ${loadLine()}`);
const shell = (command: string, args: string[]) =>
  spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 << 20, env: process.env });
const build = shell('npx', ['vite', 'build']);
const budget = `${build.stdout}`.split('\n').find((line) => line.startsWith('initial JavaScript:'));
if (budget) console.log(`build: ${budget}`);
const probe =
  build.status === 0
    ? shell('npx', [
        'playwright',
        'test',
        'test/e2e/perf.probe.spec.ts',
        'test/e2e/sweep.probe.spec.ts',
        'test/e2e/fleet.probe.spec.ts',
        '--reporter=line',
      ])
    : build;
const figures = `${probe.stdout}${probe.stderr}`.split('\n').filter((line) => line.trim().startsWith('probe:'));
if (probe.status === 0 && figures.length > 0) for (const line of figures) console.log(line.trim());
else console.log(`the probe did not run (exit ${probe.status}):\n${`${probe.stdout}${probe.stderr}`.slice(-2000)}`);
console.log(`(after the probes: ${loadLine()})`);
