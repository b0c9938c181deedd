import type { Scenario } from '../engine';

const round = (mib: number) => Math.round(mib * 1000) / 1000;

/**
 * Keeps the rules between fields after one field changed: a new memory size scales used memory, freed
 * memory and the working set with it; used memory never exceeds memory, freed never exceeds used.
 */
export function reconcile(s: Scenario, changedPath: string, before: Scenario): Scenario {
  const vm = { ...s.vm };
  const workload = { ...s.workload };
  if (changedPath === 'vm.memoryMiB') {
    const scale = vm.memoryMiB / before.vm.memoryMiB;
    vm.usedMiB = round(Math.min(vm.memoryMiB, before.vm.usedMiB * scale));
    vm.freeMiB = round(Math.min(vm.usedMiB, before.vm.freeMiB * scale));
    workload.wssMiB = round(Math.min(vm.memoryMiB, before.workload.wssMiB * scale));
    workload.phases = workload.phases.map((p) =>
      p.wssMiB === undefined ? p : { ...p, wssMiB: round(Math.min(vm.memoryMiB, p.wssMiB * scale)) },
    );
  }
  vm.usedMiB = Math.min(vm.usedMiB, vm.memoryMiB);
  vm.freeMiB = Math.min(vm.freeMiB, vm.usedMiB);
  workload.wssMiB = Math.min(workload.wssMiB, vm.memoryMiB);
  return { ...s, vm, workload };
}
