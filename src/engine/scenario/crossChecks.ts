import { MAX_SIMULATED_MS } from '../migration/limits';
import { mbpsToBytesPerMs, mibToBytes } from '../units';
import { previewValue } from './preview';
import { allowedAt, schemaAt, type ScenarioProblem } from './validate';

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
      const problem = interventionProblem(obj(entry), `interventions.${i}.value`);
      if (problem) problems.push(problem);
      const iv = obj(entry);
      if (iv.path === 'workload.wssMiB') atMost(`interventions.${i}.value`, iv.value, memoryMiB, 'vm.memoryMiB');
    });
  const tooLong = onePassProblem(raw, usedMiB);
  if (tooLong) problems.push(tooLong);
  return problems;
}

/**
 * An intervention's value must fit the field it changes, with that field's own range: a link set to 0
 * (or a round trip of 10^9 ms) would stop the migration dead and the run would never end.
 */
function interventionProblem(iv: Raw, field: string): ScenarioProblem | null {
  const path = typeof iv.path === 'string' ? iv.path : '';
  const keys = path.split('.');
  if (!path || !schemaAt(keys)) return null;
  const target = schemaAt(keys)!;
  const allowed = allowedAt(keys);
  const type = target.def.type;
  const value = iv.value;
  const message = (why: string) => ({
    field,
    value,
    allowed: `${allowed} (the range of ${path})`,
    message: `${field}: ${previewValue(value)} ${why} for ${path}; allowed: ${allowed}`,
  });
  if (type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return message('is not a number');
    const min = target.minValue as number | null;
    const max = target.maxValue as number | null;
    if ((min !== null && value < min) || (max !== null && value > max)) return message('is out of range');
    return null;
  }
  if (type === 'boolean') return typeof value === 'boolean' ? null : message('is not true or false');
  if (type === 'enum') {
    const options = Object.values(target.def.entries as Record<string, string>);
    return typeof value === 'string' && options.includes(value) ? null : message('is not one of the choices');
  }
  return null;
}

/**
 * A run covers at most a day of simulated time: a VM whose used memory cannot cross the link once in that
 * time (1 TiB over 1 Mbit/s would take months) is refused up front, naming the link speed it would need.
 */
function onePassProblem(raw: Raw, usedMiB: number): ScenarioProblem | null {
  const network = obj(raw.network);
  const linkMbps = numberOr(network.linkMbps, 1000);
  const capMbps = numberOr(network.capMbps, 0);
  const rateMbps = capMbps > 0 ? Math.min(capMbps, linkMbps) : linkMbps;
  if (rateMbps <= 0) return null;
  const passMs = mibToBytes(usedMiB) / mbpsToBytesPerMs(rateMbps);
  if (passMs <= MAX_SIMULATED_MS) return null;
  const neededMbps = Math.ceil((mibToBytes(usedMiB) * 8) / (MAX_SIMULATED_MS / 1000) / 1e6);
  const field = capMbps > 0 && capMbps < linkMbps ? 'network.capMbps' : 'network.linkMbps';
  const days = (passMs / 86_400_000).toFixed(1);
  const allowed = `at least ${neededMbps} Mbit/s for ${usedMiB} MiB of used memory (or less used memory)`;
  return {
    field,
    value: field === 'network.capMbps' ? capMbps : linkMbps,
    allowed,
    message:
      `${field}: ${rateMbps} Mbit/s would take ${days} days to send the ${usedMiB} MiB of used memory once, ` +
      `longer than the 24 h of migration the simulation covers; allowed: ${allowed}`,
  };
}
