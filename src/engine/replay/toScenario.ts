import type { ScenarioInput, WritePattern } from '../scenario/schema';
import { TARGET_PAGE_BYTES, bytesToMiB, mibToBytes } from '../units';
import type { QmpRecord } from './qmp';

/** What a transcript does not say about the guest, given by the person importing it. */
export interface ImportHints {
  /** The guest's writable working set, MiB. */
  wssMiB: number;
  /** Memory the guest has written, MiB (default: the working set plus half a MiB of kernel). */
  usedMiB?: number;
  pattern?: WritePattern;
  /** Page writes per second x page size; default: estimated from the transcript's dirty-rate reply. */
  writeRateMiBps?: number;
  /** Link speed; default: loopback on these machines (about 1.5 GB/s, seen in the final copies). */
  linkMbps?: number;
}

/** QEMU's default max-bandwidth when a transcript does not set one: 128 MiB/s. */
const QEMU_DEFAULT_MAX_BANDWIDTH = 134_217_728;
const LOOPBACK_MBPS = 12_000;

/**
 * Uniform writes at w per second over W pages dirty W(1 - e^(-w/W)) distinct pages in one second, which
 * is what query-dirty-rate measures; solved for w. A measurement at or above W means the set saturates:
 * then a write rate of three times the set is as good as any.
 */
export function writeRateFromDirtyRate(dirtyRateMBps: number, wssMiB: number): number {
  const wssPages = mibToBytes(wssMiB) / TARGET_PAGE_BYTES;
  const distinctPerSec = (dirtyRateMBps * 1e6) / TARGET_PAGE_BYTES;
  if (wssPages <= 0) return 0;
  const share = Math.min(distinctPerSec / wssPages, 0.95);
  const writesPerSec = -wssPages * Math.log(1 - share);
  return bytesToMiB(writesPerSec * TARGET_PAGE_BYTES);
}

/** The scenario equivalent to a recorded QEMU migration. */
export function scenarioFromQmp(record: QmpRecord, hints: ImportHints): ScenarioInput {
  const memoryMiB = Math.max(64, Math.round(bytesToMiB(record.guestRamBytes)));
  const maxBandwidth = record.maxBandwidthBytesPerSec ?? QEMU_DEFAULT_MAX_BANDWIDTH;
  const writeRateMiBps =
    hints.writeRateMiBps ??
    (record.measuredDirtyRateMBps !== null ? writeRateFromDirtyRate(record.measuredDirtyRateMBps, hints.wssMiB) : 0);
  const postcopy = record.capabilities.includes('postcopy-ram') && record.postcopyStartS !== null;
  return {
    name: 'Imported QEMU migration',
    strategy: postcopy ? 'hybrid' : 'precopy',
    vm: {
      memoryMiB,
      usedMiB: Math.min(memoryMiB, hints.usedMiB ?? hints.wssMiB + 0.5),
      vcpus: 1,
      deviceStateKiB: 0,
    },
    workload: {
      preset: 'custom',
      pattern: hints.pattern ?? 'uniform',
      writeRateMiBps,
      wssMiB: Math.min(memoryMiB, hints.wssMiB),
    },
    network: {
      linkMbps: hints.linkMbps ?? LOOPBACK_MBPS,
      capMbps: (maxBandwidth * 8) / 1e6,
      rttMs: 0.05,
    },
    precopy: {
      stopRule: 'qemu',
      downtimeLimitMs: record.downtimeLimitMs ?? 300,
      maxIterations: 0,
      autoConverge: record.capabilities.includes('auto-converge'),
      ...(record.cancelledAtS !== null ? { timeoutS: record.cancelledAtS, onNoConvergence: 'abort' as const } : {}),
    },
    hybrid: postcopy ? { switchAtMs: Math.max(1, record.postcopyStartS! * 1000) } : {},
    // QEMU's total-time starts at the migrate command: the management layer's preparation is not in it.
    host: { switchoverMs: 1, allocateMs: 0, validateMs: 0 },
  };
}
