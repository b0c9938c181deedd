/** Runs the 10,000-VM whole-fleet rollout in this process and prints its figures as JSON (see bench/run.ts). */
import { FleetRun } from '../src/engine/fleet/fleetRun';
import { FLEET_PRESETS } from '../src/engine/fleet/presets';

const repeats = Number(process.argv[2] ?? 1);
const wallMs: number[] = [];
const cpuMs: number[] = [];
let summary;
for (let i = 0; i < repeats; i++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const trace = new FleetRun(FLEET_PRESETS['fleet-10k'].scenario).runToEnd();
  wallMs.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
  summary = trace.summary;
}
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ wallMs, cpuMs, peakRssMiB, summary }));
