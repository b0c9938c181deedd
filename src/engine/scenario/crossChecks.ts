import { previewValue } from './preview';
import type { ScenarioProblem } from './validate';

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const numberOr = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * Rules between fields (used memory within memory, and so on), checked on the raw input so they are
 * reported together with any per-field problems. Fields that are missing take their defaults.
 */
export function crossFieldProblems(
  input: unknown,
  defaults: { memoryMiB: number; usedMiB: number; freeMiB: number; wssMiB: number },
): ScenarioProblem[] {
  const raw = obj(input);
  const vm = obj(raw.vm);
  const workload = obj(raw.workload);
  const memoryMiB = numberOr(vm.memoryMiB, defaults.memoryMiB);
  const usedMiB = numberOr(vm.usedMiB, Math.min(defaults.usedMiB, memoryMiB));
  const problems: ScenarioProblem[] = [];
  const atMost = (field: string, value: unknown, max: number, what: string) => {
    if (typeof value !== 'number' || value <= max) return;
    const allowed = `0 to ${max} MiB (${what})`;
    problems.push({ field, value, allowed, message: `${field}: ${value} is more than ${what}; allowed: ${allowed}` });
  };
  atMost('vm.usedMiB', vm.usedMiB, memoryMiB, 'vm.memoryMiB');
  atMost('vm.freeMiB', vm.freeMiB, usedMiB, 'vm.usedMiB');
  atMost('workload.wssMiB', workload.wssMiB, memoryMiB, 'vm.memoryMiB');
  // Dynamic rate limiting sets a rate per whole pass; QEMU's loop has no passes to set it for.
  const adaptive = obj(raw.network).adaptiveMinMbps;
  if (typeof adaptive === 'number' && adaptive > 0 && (obj(raw.precopy).stopRule ?? 'qemu') === 'qemu')
    problems.push({
      field: 'network.adaptiveMinMbps',
      value: adaptive,
      allowed: '0 under precopy.stopRule qemu',
      message: `network.adaptiveMinMbps: ${adaptive} needs whole passes (precopy.stopRule xen, xen-legacy or no-progress); allowed: 0 under qemu`,
    });
  if (raw.profile === 'qemu') {
    const precopy = obj(raw.precopy);
    const qemuOnly = (field: string, value: unknown, allowed: string) =>
      problems.push({
        field,
        value,
        allowed,
        message: `${field}: ${JSON.stringify(value)} contradicts profile qemu; allowed: ${allowed}`,
      });
    if (typeof precopy.maxIterations === 'number' && precopy.maxIterations !== 0)
      qemuOnly('precopy.maxIterations', precopy.maxIterations, '0 (QEMU has no round cap)');
    if (precopy.stopRule !== undefined && precopy.stopRule !== 'qemu')
      qemuOnly('precopy.stopRule', precopy.stopRule, 'qemu');
  }
  // The guest's own help needs a guest that cooperates: a managed migration's guest never knows.
  if (raw.variant === 'managed')
    for (const help of ['freePageHinting', 'stunRogue'] as const)
      if (obj(raw.precopy)[help] === true)
        problems.push({
          field: `precopy.${help}`,
          value: true,
          allowed: 'false under variant managed',
          message: `precopy.${help}: true needs a cooperating guest (variant paravirtual or self); allowed: false under variant managed`,
        });
  if (Array.isArray(workload.phases))
    workload.phases.forEach((phase, i) =>
      atMost(`workload.phases.${i}.wssMiB`, obj(phase).wssMiB, memoryMiB, 'vm.memoryMiB'),
    );
  if (Array.isArray(raw.interventions))
    raw.interventions.forEach((entry, i) => {
      const iv = obj(entry);
      const field = `interventions.${i}.value`;
      const path = typeof iv.path === 'string' ? iv.path : '';
      const expected = path === 'workload.pattern' ? 'string' : path === 'precopy.autoConverge' ? 'boolean' : 'number';
      const ok = expected === 'number' ? typeof iv.value === 'number' && iv.value >= 0 : typeof iv.value === expected;
      if (!ok && path)
        problems.push({
          field,
          value: iv.value,
          allowed:
            expected === 'number' ? 'a number >= 0' : expected === 'boolean' ? 'true or false' : 'a write pattern',
          message: `${field}: ${previewValue(iv.value)} does not fit ${path}; allowed: ${expected === 'number' ? 'a number >= 0' : expected === 'boolean' ? 'true or false' : 'a write pattern'}`,
        });
      if (path === 'workload.wssMiB') atMost(field, iv.value, memoryMiB, 'vm.memoryMiB');
    });
  return problems;
}
