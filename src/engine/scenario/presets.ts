import { scenarioSchema, type Scenario, type WorkloadPreset, type WritePattern } from './schema';

/** A workload preset: what it stands for, and its figures for a VM of a given size. */
export interface PresetDefinition {
  label: string;
  /** One line for the picker: what kind of guest this is and why it migrates the way it does. */
  summary: string;
  workload: (memoryMiB: number) => Partial<Scenario['workload']>;
}

const steady = { burstPeriodMs: 0, burstDutyPct: 100, rogueSharePct: 0, phases: [] };
const share = (memoryMiB: number, fraction: number, atMostMiB: number) =>
  Math.min(atMostMiB, Math.round(memoryMiB * fraction));

/**
 * Teaching defaults from the reference sheet (section 5). Rates are page writes per second x page size;
 * the distinct dirty rate is lower once writes start landing on pages that are already dirty.
 */
export const WORKLOAD_PRESET_DEFINITIONS: Record<Exclude<WorkloadPreset, 'custom'>, PresetDefinition> = {
  idle: {
    label: 'Idle VM',
    summary: 'Background kernel noise: a few hundred page writes a second over a few MiB.',
    workload: (m) => ({ ...steady, pattern: 'uniform', writeRateMiBps: 0.5, wssMiB: share(m, 0.01, 4) }),
  },
  // Reproduces Clark et al. 2005's SPECweb99 migration (210 ms down, about 71 s in all) under their setup:
  // see publishedSetups.ts and docs/presets.md.
  web: {
    label: 'Web server',
    summary: 'Page cache and network buffers: a hot core inside a moderate working set.',
    workload: (m) => ({
      ...steady,
      pattern: 'hotcold',
      writeRateMiBps: 80,
      wssMiB: share(m, 0.125, 64),
      hotFractionPct: 25,
      hotWriteSharePct: 80,
    }),
  },
  oltp: {
    label: 'OLTP database',
    summary: 'Buffer-pool pages written with a Zipf skew: a few pages very often, most rarely.',
    workload: (m) => ({
      ...steady,
      pattern: 'zipf',
      writeRateMiBps: 60,
      wssMiB: share(m, 0.5, 2048),
      zipfExponent: 0.99,
    }),
  },
  cache: {
    label: 'In-memory cache',
    summary: 'Keys written uniformly at random over most of RAM: the dirty set saturates.',
    workload: (m) => ({ ...steady, pattern: 'uniform', writeRateMiBps: 150, wssMiB: share(m, 0.75, Infinity) }),
  },
  // Reproduces Clark et al. 2005's Quake 3 server (60 ms down, a few seconds in all) under their setup.
  game: {
    label: 'Game server',
    summary: 'A small, steady hot set (think of a Quake 3 server): converges in a blink.',
    workload: (m) => ({ ...steady, pattern: 'uniform', writeRateMiBps: 100, wssMiB: share(m, 0.0625, 4) }),
  },
  'ml-training': {
    label: 'ML training',
    summary: 'Whole parameter buffers rewritten in bursts, one burst per training step.',
    workload: (m) => ({
      ...steady,
      pattern: 'sequential',
      writeRateMiBps: 1500,
      wssMiB: share(m, 0.25, 2048),
      burstPeriodMs: 2000,
      burstDutyPct: 40,
    }),
  },
  'memory-stress': {
    label: 'Memory stress',
    summary: 'An adversarial writer (like MMuncher) that dirties memory faster than any link sends it.',
    workload: (m) => ({
      ...steady,
      pattern: 'uniform' as WritePattern,
      writeRateMiBps: 400,
      wssMiB: share(m, 0.25, 1024),
      rogueSharePct: 95,
    }),
  },
};

/** Every workload field at its default: what a preset starts from, so nothing of the one before stays. */
const WORKLOAD_DEFAULTS = scenarioSchema.parse({}).workload;

/**
 * The scenario with a preset applied. A preset owns the whole workload (every field not in its figures
 * takes its default) and the used memory (half the VM, or the working set when that is larger), so the
 * result never depends on the preset picked before it.
 */
export function applyPreset(scenario: Scenario, preset: WorkloadPreset): Scenario {
  if (preset === 'custom') return { ...scenario, workload: { ...scenario.workload, preset } };
  const memoryMiB = scenario.vm.memoryMiB;
  const figures = WORKLOAD_PRESET_DEFINITIONS[preset].workload(memoryMiB);
  const workload = { ...WORKLOAD_DEFAULTS, ...figures, preset };
  const usedMiB = Math.min(memoryMiB, Math.max(memoryMiB / 2, workload.wssMiB));
  return { ...scenario, vm: { ...scenario.vm, usedMiB, freeMiB: Math.min(scenario.vm.freeMiB, usedMiB) }, workload };
}
