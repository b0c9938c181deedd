import type { MigrationState } from '../migration/state';
import type { Outcome, Phase, Round, StopReason, Summary } from './types';

/** How the run ended, as the orchestrator saw it. */
export interface RunVerdict {
  outcome: Outcome;
  converged: boolean;
  stopReason: StopReason;
  pausedAtMs: number | null;
  resumedAtMs: number | null;
  switchoverAtMs: number | null;
  blackoutCopyMs: number;
  expectedDowntimeMs: number;
  /** 1 when a final sync ran at the pause. */
  finalSyncs: number;
}

const lengthOf = (phases: Phase[], kind: Phase['kind']) =>
  phases.filter((p) => p.kind === kind).reduce((sum, p) => sum + (p.endMs - p.startMs), 0);

export function buildSummary(
  s: MigrationState,
  rounds: Round[],
  phases: Phase[],
  v: RunVerdict,
  precopySyncs: number,
): Summary {
  const c = s.counters;
  const sc = s.scenario;
  return {
    strategy: sc.strategy,
    stopRule: sc.precopy.stopRule,
    outcome: v.outcome,
    converged: v.converged,
    stopReason: v.stopReason,
    iterations: rounds.length,
    dirtySyncCount: 1 + precopySyncs + v.finalSyncs,
    downtimeMs: lengthOf(phases, 'blackout'),
    totalTimeMs: s.tMs,
    setupTimeMs: lengthOf(phases, 'setup'),
    bytesTransferred: c.transferredBytes,
    memoryBytes: s.memoryBytes,
    memoryMultiple: c.transferredBytes / s.memoryBytes,
    precopyBytes: c.precopyBytes,
    downtimeBytes: c.downtimeBytes,
    postcopyBytes: c.postcopyBytes,
    normalPages: c.normalPages,
    zeroPages: c.zeroPages,
    rounds,
    pausedAtMs: v.pausedAtMs,
    resumedAtMs: v.resumedAtMs,
    dependencyWindowMs: lengthOf(phases, 'postcopy'),
    postcopyFaults: c.faults,
    faultStallMs: c.faultStallMs,
    maxThrottlePct: Math.round(s.maxThrottle * 100),
    vmLostSeconds: c.vmLostMs / 1000,
    linkSharePct: c.linkCapacityBytes > 0 ? (100 * c.transferredBytes) / c.linkCapacityBytes : 0,
    othersStarvedPct:
      c.othersWantedBytes > 0 ? (100 * (c.othersWantedBytes - c.othersGotBytes)) / c.othersWantedBytes : 0,
    sourceBusySeconds: c.sourceBusyMs / 1000,
    expectedDowntimeMs: v.expectedDowntimeMs,
    blackoutCopyMs: v.blackoutCopyMs,
  };
}
