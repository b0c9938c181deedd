import { randomLcg } from 'd3-random';
import { previewValue } from '../scenario/preview';
import type { ScenarioProblem } from '../scenario/validate';
import type { FleetScenario, VmPreset } from './schema';

/** One host of the fleet. Hosts are numbered rack by rack: rack r holds r x hostsPerRack onwards. */
export interface HostSpec {
  index: number;
  /** `r2h5`: rack 2, host 5 (both counted from 1, as an operator would say them). */
  name: string;
  rack: number;
  memoryMiB: number;
  vcpus: number;
}

/** One VM: its size, workload, owner and availability policy, and the host it starts on. */
export interface VmSpec {
  index: number;
  name: string;
  customer: number;
  memoryMiB: number;
  vcpus: number;
  usedMiB: number;
  preset: VmPreset;
  onHostMaintenance: 'MIGRATE' | 'TERMINATE';
  automaticRestart: boolean;
  passthroughGpu: boolean;
  confidential: boolean;
  pollsMetadata: boolean;
  /** Whether the platform can move it live at all (no passthrough GPU, a confidential VM only if supported). */
  liveMigratable: boolean;
  host: number;
}

export interface FleetLayout {
  hosts: HostSpec[];
  racks: number;
  vms: VmSpec[];
  customers: string[];
}

export type BuildResult = { ok: true; layout: FleetLayout } | { ok: false; problems: ScenarioProblem[] };

/** What a student reads: racks and hosts counted from 1 (rack 1, r1h1); the scenario's indexes count from 0. */
export const rackName = (rack: number) => `rack ${rack + 1}`;
export const hostName = (rack: number, slot: number) => `r${rack + 1}h${slot + 1}`;

function pickWeighted<T extends { weight: number }>(items: readonly T[], u: number): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (total <= 0) return items[Math.min(items.length - 1, Math.floor(u * items.length))];
  let x = u * total;
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return items[items.length - 1];
}

const OVERRIDABLE = [
  'customer',
  'preset',
  'memoryMiB',
  'vcpus',
  'onHostMaintenance',
  'automaticRestart',
  'passthroughGpu',
  'confidential',
  'pollsMetadata',
] as const;

const problem = (field: string, value: unknown, allowed: string, why: string): ScenarioProblem => ({
  field,
  value,
  allowed,
  message: `${field}: ${previewValue(value)} is not allowed: ${why}; allowed: ${allowed}`,
});

/**
 * The fleet a scenario describes, drawn from its seed: each VM's size, workload, customer and policy,
 * then its host (a random one with room, trying the next ones in turn). Overrides are applied on top.
 * Fails, naming the field, when a VM fits no host or the VMs do not fit the fleet.
 */
export function buildFleet(s: FleetScenario): BuildResult {
  const { racks, hostsPerRack, hostMemoryMiB, hostVcpus } = s.fleet;
  const hosts: HostSpec[] = [];
  for (let r = 0; r < racks; r++)
    for (let h = 0; h < hostsPerRack; h++)
      hosts.push({ index: hosts.length, name: hostName(r, h), rack: r, memoryMiB: hostMemoryMiB, vcpus: hostVcpus });
  const problems: ScenarioProblem[] = [];
  s.vms.sizes.forEach((size, i) => {
    if (size.memoryMiB > hostMemoryMiB)
      problems.push(
        problem(`vms.sizes.${i}.memoryMiB`, size.memoryMiB, `at most ${hostMemoryMiB} MiB`, 'larger than a host'),
      );
    if (size.vcpus > hostVcpus)
      problems.push(problem(`vms.sizes.${i}.vcpus`, size.vcpus, `at most ${hostVcpus}`, 'more than a host has'));
  });
  if (s.vms.sizes.every((z) => z.weight <= 0))
    problems.push(problem('vms.sizes', 'all weights 0', 'at least one weight above 0', 'no size could be drawn'));
  if (s.vms.presets.every((p) => p.weight <= 0))
    problems.push(problem('vms.presets', 'all weights 0', 'at least one weight above 0', 'no workload could be drawn'));
  if (problems.length) return { ok: false, problems };

  const random = randomLcg(s.seed / 4_294_967_296);
  const v = s.vms;
  const vms: VmSpec[] = [];
  for (let i = 0; i < v.count; i++) {
    const size = pickWeighted(v.sizes, random());
    const preset = pickWeighted(v.presets, random()).preset;
    const customer = Math.floor(random() * v.customers);
    const passthroughGpu = random() * 100 < v.gpuPct;
    const confidential = random() * 100 < v.confidentialPct;
    const chooseTerminate = random() * 100 < v.terminatePct;
    const automaticRestart = !(random() * 100 < v.manualRestartPct);
    const pollsMetadata = random() * 100 < v.pollsMetadataPct;
    vms.push({
      index: i,
      name: `vm${i}`,
      customer,
      memoryMiB: size.memoryMiB,
      vcpus: size.vcpus,
      usedMiB: 0,
      preset,
      onHostMaintenance: chooseTerminate ? 'TERMINATE' : 'MIGRATE',
      automaticRestart,
      passthroughGpu,
      confidential,
      pollsMetadata,
      liveMigratable: true,
      host: -1,
    });
  }
  const pinned = new Map<number, number>();
  v.overrides.forEach((o, k) => {
    const vm = vms[o.vm];
    if (!vm) {
      problems.push(problem(`vms.overrides.${k}.vm`, o.vm, `0 to ${v.count - 1}`, `there are ${v.count} VMs`));
      return;
    }
    if (o.customer !== undefined && o.customer >= v.customers)
      problems.push(problem(`vms.overrides.${k}.customer`, o.customer, `0 to ${v.customers - 1}`, 'no such customer'));
    if (o.host !== undefined && o.host >= hosts.length)
      problems.push(problem(`vms.overrides.${k}.host`, o.host, `0 to ${hosts.length - 1}`, 'no such host'));
    if (o.memoryMiB !== undefined && o.memoryMiB > hostMemoryMiB)
      problems.push(
        problem(`vms.overrides.${k}.memoryMiB`, o.memoryMiB, `at most ${hostMemoryMiB} MiB`, 'larger than a host'),
      );
    if (o.vcpus !== undefined && o.vcpus > hostVcpus)
      problems.push(problem(`vms.overrides.${k}.vcpus`, o.vcpus, `at most ${hostVcpus}`, 'more than a host has'));
    for (const key of OVERRIDABLE) if (o[key] !== undefined) Object.assign(vm, { [key]: o[key] });
    if (o.host !== undefined) pinned.set(vm.index, o.host);
    // A VM that cannot move live must be TERMINATE: Compute Engine refuses to create it otherwise.
    if (
      o.onHostMaintenance === 'MIGRATE' &&
      (vm.passthroughGpu || (vm.confidential && !s.fleet.confidentialLiveMigration))
    )
      problems.push(
        problem(
          `vms.overrides.${k}.onHostMaintenance`,
          'MIGRATE',
          'TERMINATE',
          vm.passthroughGpu
            ? 'a VM with a passthrough GPU cannot live-migrate'
            : 'this platform cannot live-migrate confidential VMs',
        ),
      );
  });
  if (problems.length) return { ok: false, problems };
  for (const vm of vms) {
    vm.liveMigratable = !vm.passthroughGpu && (!vm.confidential || s.fleet.confidentialLiveMigration);
    if (!vm.liveMigratable) vm.onHostMaintenance = 'TERMINATE';
    vm.usedMiB = Math.round((vm.memoryMiB * v.usedPct) / 100);
  }
  const placed = place(s, hosts, vms, pinned, random);
  if (placed) return { ok: false, problems: [placed] };
  const customers = Array.from({ length: v.customers }, (_, c) => `customer ${c + 1}`);
  return { ok: true, layout: { hosts, racks, vms, customers } };
}

/** Initial placement: pinned VMs first, then every other at a random host with room. */
function place(
  s: FleetScenario,
  hosts: HostSpec[],
  vms: VmSpec[],
  pinned: Map<number, number>,
  random: () => number,
): ScenarioProblem | null {
  const mem = new Float64Array(hosts.length);
  const cpu = new Float64Array(hosts.length);
  const fits = (vm: VmSpec, h: number) =>
    mem[h] + vm.memoryMiB <= hosts[h].memoryMiB && cpu[h] + vm.vcpus <= hosts[h].vcpus;
  const put = (vm: VmSpec, h: number) => {
    vm.host = h;
    mem[h] += vm.memoryMiB;
    cpu[h] += vm.vcpus;
  };
  for (const [index, h] of pinned) {
    const vm = vms[index];
    if (!fits(vm, h)) {
      const k = s.vms.overrides.findIndex((o) => o.vm === index && o.host !== undefined);
      return problem(`vms.overrides.${k}.host`, h, 'a host with room for the VM', `host ${hosts[h].name} is full`);
    }
    put(vm, h);
  }
  for (const vm of vms) {
    if (vm.host >= 0) continue;
    const start = Math.floor(random() * hosts.length);
    let h = -1;
    for (let k = 0; k < hosts.length && h < 0; k++)
      if (fits(vm, (start + k) % hosts.length)) h = (start + k) % hosts.length;
    if (h < 0) {
      const totalMiB = hosts.reduce((a, x) => a + x.memoryMiB, 0);
      return problem(
        'vms.count',
        s.vms.count,
        `fewer VMs (${vm.index} fitted), or more or bigger hosts`,
        `VM ${vm.index} (${vm.memoryMiB} MiB, ${vm.vcpus} vCPUs) found no host with room in ${hosts.length} hosts of ${totalMiB / hosts.length} MiB`,
      );
    }
    put(vm, h);
  }
  return null;
}
