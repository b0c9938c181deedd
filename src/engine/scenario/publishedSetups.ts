import { applyPreset } from './presets';
import type { ScenarioInput, WorkloadPreset } from './schema';
import { scenarioOrThrow } from './validate';

/**
 * Published migrations the presets are made to reproduce, with the setup each paper describes. What could
 * and could not be read of the papers is in docs/presets.md; figures marked there as recalled come from the
 * reference sheet, not from the papers' text.
 */
export interface PublishedSetup {
  source: string;
  what: string;
  preset: Exclude<WorkloadPreset, 'custom'>;
  setup: ScenarioInput;
  /** The published figures, ms; null when the paper gives none to compare. */
  downtimeMs: number | null;
  totalTimeMs: number | null;
}

/** Xen in 2005 (Clark et al., section 5): whole passes, dynamic rate limiting from 100 to 500 Mbit/s. */
const XEN_2005: ScenarioInput = {
  strategy: 'precopy',
  network: { linkMbps: 1000, rttMs: 0.2, adaptiveMinMbps: 100, adaptiveMaxMbps: 500, adaptiveStepMbps: 50 },
  // Legacy Xen's loop: fewer than 50 pages, 30 rounds or 3x memory; every page sent, zero or not.
  precopy: { stopRule: 'xen-legacy', maxIterations: 30, zeroPageDetection: false },
  host: { allocateMs: 0, validateMs: 0, passStartMs: 0 },
};

const on = (base: ScenarioInput, memoryMiB: number, extra: ScenarioInput = {}): ScenarioInput => ({
  ...base,
  ...extra,
  vm: { memoryMiB, usedMiB: memoryMiB, deviceStateKiB: 256, vcpus: 1, ...extra.vm },
  network: { ...base.network, ...extra.network },
  precopy: { ...base.precopy, ...extra.precopy },
  postcopy: { ...base.postcopy, ...extra.postcopy },
  host: { ...base.host, ...extra.host },
});

export const PUBLISHED_SETUPS: PublishedSetup[] = [
  {
    source: 'Clark et al., "Live Migration of Virtual Machines", NSDI 2005',
    what: 'SPECweb99 web server, 800 MB VM over Gigabit Ethernet',
    preset: 'web',
    setup: on(XEN_2005, 763),
    downtimeMs: 210,
    totalTimeMs: 71_000,
  },
  {
    source: 'Clark et al., "Live Migration of Virtual Machines", NSDI 2005',
    what: 'Quake 3 server, 64 MB VM over Gigabit Ethernet',
    preset: 'game',
    setup: on(XEN_2005, 64),
    downtimeMs: 60,
    totalTimeMs: 7000,
  },
];

/**
 * Hines and Gopalan, VEE 2009: post-copy on Xen over a Gigabit LAN with adaptive pre-paging ("bubbling")
 * brings network-bound faults within 21 % of the working set, and total time close to a non-live copy's.
 */
export const HINES_2009 = {
  source:
    'Hines and Gopalan, "Post-Copy Based Live Virtual Machine Migration Using Adaptive Pre-Paging and Dynamic Self-Ballooning", VEE 2009',
  faultShareOfWorkingSet: 0.21,
  preset: 'web' as const,
  setup: {
    strategy: 'postcopy',
    vm: { memoryMiB: 1024, usedMiB: 1024, vcpus: 1 },
    network: { linkMbps: 1000, rttMs: 0.2 },
    postcopy: { prepaging: 'bubble' },
    host: { allocateMs: 0, validateMs: 0 },
  } satisfies ScenarioInput,
};

/** A published setup with its preset's workload applied: what the tests run. */
export function publishedScenario(setup: ScenarioInput, preset: Exclude<WorkloadPreset, 'custom'>): ScenarioInput {
  return applyPreset(scenarioOrThrow(setup), preset);
}
