import { applyPreset } from '../scenario/presets';
import { scenarioSchema, type Scenario } from '../scenario/schema';
import type { VmSpec } from './build';
import type { FleetScenario } from './schema';

const DEFAULT_SCENARIO: Scenario = scenarioSchema.parse({});
/** Limits of the single-VM format a fleet migration must respect to open in the lab. */
export const LAB_MAX_LINK_MBPS = 400_000;
export const LAB_MAX_TIMEOUT_S = 1e7;
export const LAB_MAX_INTERVENTIONS = 64;

/** A VM's own seed for the lab, spread from the fleet's so neighbours differ. */
export const vmSeed = (fleetSeed: number, vm: number) => (fleetSeed + Math.imul(vm + 1, 0x9e3779b1)) >>> 0;

/** Completion timeout for a VM of `memoryMiB` (KubeVirt and Nova count it per GiB), in s; 0 = none. */
export function completionTimeoutS(m: FleetScenario['migration'], memoryMiB: number): number {
  if (m.completionTimeoutSPerGiB <= 0) return 0;
  return Math.min(
    LAB_MAX_TIMEOUT_S,
    m.completionTimeoutSPerGiB * Math.max(m.completionTimeoutMinGiB, memoryMiB / 1024),
  );
}

/**
 * The single-VM scenario of one fleet VM's migration over a link of `linkMbps`: its size and workload
 * preset, and the fleet's migration settings (downtime limit, round cap, timeout, bandwidth cap, set-up,
 * switchover). The flow-level model and the lab both start from it, which is what makes the calibration
 * test speak for fleet migrations too. Built without parsing (it is made for every VM of a large fleet),
 * from values inside the single-VM format's ranges.
 */
export function vmScenario(fleet: FleetScenario, vm: VmSpec, linkMbps: number): Scenario {
  const m = fleet.migration;
  const d = DEFAULT_SCENARIO;
  const base: Scenario = {
    ...d,
    name: `${vm.name} (customer ${vm.customer + 1}), ${vm.preset}`,
    seed: vmSeed(fleet.seed, vm.index),
    vm: { ...d.vm, memoryMiB: vm.memoryMiB, usedMiB: vm.usedMiB, vcpus: vm.vcpus, deviceStateKiB: m.deviceStateKiB },
    network: {
      ...d.network,
      linkMbps: Math.max(1, Math.min(LAB_MAX_LINK_MBPS, linkMbps)),
      capMbps: m.bandwidthPerMigrationMbps,
      rttMs: m.rttMs,
    },
    precopy: {
      ...d.precopy,
      downtimeLimitMs: m.downtimeLimitMs,
      maxIterations: m.maxIterations,
      timeoutS: completionTimeoutS(m, vm.memoryMiB),
      onNoConvergence: m.onNoConvergence,
    },
    host: { ...d.host, allocateMs: m.setupMs, validateMs: 0, switchoverMs: m.switchoverMs },
    destination: { ...d.destination, freeMemoryMiB: Math.max(d.destination.freeMemoryMiB, vm.memoryMiB) },
    devices: { ...d.devices, passthroughGpu: vm.passthroughGpu },
    interventions: [],
    faults: [],
  };
  base.destination.freeVcpus = Math.max(base.destination.freeVcpus, vm.vcpus);
  return applyPreset(base, vm.preset);
}

/** Rate changes over a migration: [ms after its start, Mbit/s] pairs, the first at 0. */
export type RateSteps = [atMs: number, mbps: number][];

/**
 * At most `max` steps with the same bytes in each stretch: the migration is cut into equal stretches of
 * time and each keeps its time-weighted mean rate; neighbours with equal rates merge.
 */
export function compressRateSteps(steps: RateSteps, endMs: number, max = LAB_MAX_INTERVENTIONS): RateSteps {
  if (steps.length <= max) return steps;
  const span = Math.max(1e-9, endMs) / max;
  const out: RateSteps = [];
  let i = 0;
  for (let b = 0; b < max; b++) {
    const from = b * span;
    const to = b === max - 1 ? Math.max(endMs, from) : (b + 1) * span;
    let bytes = 0;
    while (i + 1 < steps.length && steps[i + 1][0] <= from) i++;
    for (let j = i; j < steps.length && steps[j][0] < to; j++) {
      const a = Math.max(from, steps[j][0]);
      const z = Math.min(to, j + 1 < steps.length ? steps[j + 1][0] : to);
      if (z > a) bytes += steps[j][1] * (z - a);
    }
    const mbps = to > from ? bytes / (to - from) : steps[i][1];
    if (!out.length || Math.abs(out[out.length - 1][1] - mbps) > 1e-9 * mbps) out.push([from, mbps]);
  }
  return out;
}

/**
 * The lab scenario for one fleet VM whose granted rate changed at `steps` (the first at 0). The link is the
 * host's NIC, as in the fleet, so the lab gives up on a never-ending pre-copy at the same moment; every
 * step, the first included, is an intervention on `network.linkMbps`.
 */
export function scenarioWithRateSteps(fleet: FleetScenario, vm: VmSpec, steps: RateSteps): Scenario {
  const scenario = vmScenario(fleet, vm, fleet.fleet.nicMbps);
  scenario.interventions = steps.slice(0, LAB_MAX_INTERVENTIONS).map(([atMs, mbps]) => ({
    atMs,
    path: 'network.linkMbps',
    value: Math.max(1, Math.min(LAB_MAX_LINK_MBPS, mbps)),
  }));
  return scenario;
}
