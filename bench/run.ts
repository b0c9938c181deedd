/**
 * `npm run bench`: wall time and peak memory of the engine on the default scenario, a 64 GiB VM and a
 * 1 TiB VM, and of the fleet engine on 10,000 VMs in a whole-fleet firmware rollout, each in a fresh Node
 * process so peaks do not mix; then a sweep in Chromium. Prints figures; asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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

console.log('Brownout engine benchmark (Node ' + process.version + ')\n');
console.log(
  'scenario  target                               first run   median     peak RSS   simulated   sim/wall   result',
);
for (const [name, { target }] of Object.entries(BENCH_SCENARIOS)) {
  const repeats = name === 'default' ? 15 : name === '64GiB' ? 5 : 1;
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/one.ts', name, String(repeats)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const f = JSON.parse(out) as Figures;
  const med = median(f.wallMs);
  console.log(
    [
      name.padEnd(9),
      target.padEnd(36),
      `${f.wallMs[0].toFixed(0)} ms`.padStart(9),
      `${med.toFixed(0)} ms`.padStart(9),
      `${f.peakRssMiB.toFixed(0)} MiB`.padStart(10),
      `${(f.simulatedMs / 1000).toFixed(1)} s`.padStart(10),
      `${(f.simulatedMs / med).toFixed(0)}x`.padStart(9),
      `  ${f.outcome}, ${f.rounds} rounds, ${f.downtimeMs.toFixed(0)} ms down`,
    ].join(' '),
  );
}
console.log('\nfirst run includes JIT warm-up; median is over 15 runs (default) or 5 (64 GiB) in one process.');

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

// The browser's figures: a 100-point sweep on the engine pool, and the 10,000-VM fleet in its worker and
// on screen, in Chromium (the production build; probes that print their figures beside their targets:
// test/e2e/sweep.probe.spec.ts, test/e2e/fleet.probe.spec.ts).
console.log(
  '\nBrowser probes (Chromium, production build): the Sweep view, target under 3 s on 2 cores; the fleet view',
);
const shell = (command: string, args: string[]) =>
  spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 << 20, env: process.env });
const build = shell('npx', ['vite', 'build']);
const probe =
  build.status === 0
    ? shell('npx', [
        'playwright',
        'test',
        'test/e2e/sweep.probe.spec.ts',
        'test/e2e/fleet.probe.spec.ts',
        '--reporter=line',
      ])
    : build;
const figures = `${probe.stdout}${probe.stderr}`.split('\n').filter((line) => line.trim().startsWith('probe:'));
if (probe.status === 0 && figures.length > 0) for (const line of figures) console.log(line.trim());
else console.log(`the probe did not run (exit ${probe.status}):\n${`${probe.stdout}${probe.stderr}`.slice(-2000)}`);
