import type { ScenarioInput } from '../../src/engine/scenario/schema';

type Section<K extends keyof ScenarioInput> = NonNullable<ScenarioInput[K]>;

/**
 * An idealised scenario for closed-form checks: no device state, no round-trip time, no switchover cost,
 * no fixed cost to start a pass, a throttle that takes full effect, every page used, no round cap.
 * Sections given override the matching defaults field by field.
 */
export function ideal(over: {
  strategy?: ScenarioInput['strategy'];
  seed?: number;
  vm?: Section<'vm'>;
  workload?: Section<'workload'>;
  network?: Section<'network'>;
  precopy?: Section<'precopy'>;
  postcopy?: Section<'postcopy'>;
  hybrid?: Section<'hybrid'>;
}): ScenarioInput {
  const memoryMiB = over.vm?.memoryMiB ?? 4096;
  return {
    strategy: over.strategy ?? 'precopy',
    seed: over.seed ?? 7,
    vm: { memoryMiB, usedMiB: memoryMiB, deviceStateKiB: 0, trackingOverheadPct: 0, ...over.vm },
    workload: { pattern: 'uniform', writeRateMiBps: 0, wssMiB: memoryMiB, ...over.workload },
    network: { linkMbps: 1000, capMbps: 0, rttMs: 0, ...over.network },
    precopy: { maxIterations: 0, throttledSpeedPct: 100, ...over.precopy },
    postcopy: { ...over.postcopy },
    hybrid: { ...over.hybrid },
    host: { switchoverMs: 0, allocateMs: 0, validateMs: 0, passStartMs: 0 },
  };
}

/** Bytes per second of a decimal link speed. */
export const bytesPerSec = (mbps: number) => (mbps * 1e6) / 8;
/** MiB/s of a decimal MB/s figure (the reference sheet's D). */
export const mibps = (mbPerSec: number) => (mbPerSec * 1e6) / 1048576;
/** A normal 4 KiB page on the wire. */
export const PAGE_WIRE = 4104;
