import type { MigrationState } from '../migration/state';
import type { FailureCode } from './events';
import type { BlackoutParts, FastForward, Outcome, Phase, Round, StopReason, Summary } from './types';

/** How the run ended, as the orchestrator saw it. */
export interface RunVerdict {
  outcome: Outcome;
  converged: boolean;
  stopReason: StopReason;
  pausedAtMs: number | null;
  resumedAtMs: number | null;
  switchoverAtMs: number | null;
  blackoutCopyMs: number;
  blackout: BlackoutParts | null;
  expectedDowntimeMs: number;
  /** 1 when a final sync ran at the pause. */
  finalSyncs: number;
  failure: string | null;
  failureCode: FailureCode | null;
  refusals: string[];
  refusedAt: 'allocate' | 'validate' | null;
  /** How a VM that cannot move live was moved instead. */
  offline: 'drain-checkpoint' | 'terminate-restart' | null;
  lostAtMs: number | null;
  fastForward: FastForward | null;
}

/** Figures the run knows that the state does not. */
export interface RunFigures {
  precopySyncs: number;
  simulationLimitMs: number;
}

const lengthOf = (phases: Phase[], ...kinds: Phase['kind'][]) =>
  phases.filter((p) => kinds.includes(p.kind)).reduce((sum, p) => sum + (p.endMs - p.startMs), 0);

/** What stays on the source after the move and keeps it from being deleted. */
export function residualDependencies(s: MigrationState['scenario']): string[] {
  const out: string[] = [];
  if (s.resources.disk === 'leave-behind')
    out.push('the local disk stays on the source host, which keeps serving it to the destination over the network');
  if (s.resources.networkIdentity === 'host-bound')
    out.push("the VM's network address is bound to the source host, which keeps forwarding its traffic");
  return out;
}

/**
 * When the run ends on its own timeline (phases, samples and events): the total time, plus, under the qemu
 * profile, the allocation and validation before QEMU's clock starts.
 */
export const runEndMs = (s: Pick<Summary, 'migrateStartMs' | 'totalTimeMs'>): number =>
  s.migrateStartMs + s.totalTimeMs;

export function buildSummary(
  s: MigrationState,
  rounds: Round[],
  phases: Phase[],
  v: RunVerdict,
  { precopySyncs, simulationLimitMs }: RunFigures,
): Summary {
  const c = s.counters;
  const sc = s.scenario;
  // Under the qemu profile QEMU's clock starts at the migrate command, after allocation and validation.
  const migrateStartMs = sc.profile === 'qemu' ? Math.min(s.migrateStartMs ?? s.tMs, s.tMs) : 0;
  const downtimeMs = lengthOf(phases, 'blackout', 'offline');
  const residuals = v.outcome === 'completed' ? residualDependencies(sc) : [];
  const forwarding = sc.host.forwardingMs > 0;
  const resumed = v.resumedAtMs ?? s.tMs;
  const postcopyEnd = phases.filter((p) => p.kind === 'postcopy').reduce((end, p) => Math.max(end, p.endMs), resumed);
  const resumeStepEnd = Math.max(resumed + sc.host.forwardingMs, postcopyEnd);
  return {
    strategy: sc.strategy,
    stopRule: sc.precopy.stopRule,
    outcome: v.outcome,
    converged: v.converged,
    stopReason: v.stopReason,
    iterations: rounds.length,
    dirtySyncCount: 1 + precopySyncs + v.finalSyncs,
    downtimeMs,
    totalTimeMs: s.tMs - migrateStartMs,
    migrateStartMs,
    setupTimeMs: Math.max(0, lengthOf(phases, 'setup') - migrateStartMs),
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
    xbzrle: s.xbzrle ? { ...s.xbzrle.stats } : null,
    faultStallMs: c.faultStallMs,
    maxThrottlePct: Math.round(s.maxThrottle * 100),
    vmLostSeconds: c.vmLostMs / 1000,
    linkSharePct: c.linkCapacityBytes > 0 ? Math.min(100, (100 * c.transferredBytes) / c.linkCapacityBytes) : 0,
    othersStarvedPct:
      c.othersWantedBytes > 0 ? (100 * (c.othersWantedBytes - c.othersGotBytes)) / c.othersWantedBytes : 0,
    sourceBusySeconds: c.sourceBusyMs / 1000,
    expectedDowntimeMs: v.expectedDowntimeMs,
    blackoutCopyMs: v.blackoutCopyMs,
    blackout: v.blackout,
    wire: { normalBytes: s.wire.normalBytes, zeroBytes: s.wire.zeroBytes },
    deviceBytes: v.blackout?.deviceBytes ?? 0,
    linkCapacityBytes: c.linkCapacityBytes,
    othersWantedBytes: c.othersWantedBytes,
    othersGotBytes: c.othersGotBytes,
    vmLost: { ...c.lost },
    fastForward: v.fastForward,
    simulationLimitMs,
    vmLocation: vmLocationOf(v.outcome, s.vmHost),
    failure: v.failure,
    failureCode: v.failureCode,
    refusals: v.refusals,
    residualDependencies: residuals,
    sourceDeletable: v.outcome === 'completed' && residuals.length === 0,
    lifecycleEndMs: v.outcome === 'completed' ? resumeStepEnd + (residuals.length ? 0 : sc.host.teardownMs) : s.tMs,
    clockJumpMs: v.offline ? 0 : lengthOf(phases, 'blackout'),
    unreachableMs: downtimeMs + (v.outcome === 'completed' && !forwarding ? sc.host.announceMs : 0),
    diskBytes: c.diskBytes,
    stateLost: v.offline === 'terminate-restart' || v.outcome === 'failed' ? 'in-memory state' : 'nothing',
    guestCooperation: v.offline === 'drain-checkpoint' || sc.precopy.freePageHinting || sc.precopy.stunRogue,
  };
}

function vmLocationOf(outcome: Outcome, host: MigrationState['vmHost']): Summary['vmLocation'] {
  if (outcome === 'completed') return 'destination';
  if (outcome === 'failed') return 'lost';
  if (outcome === 'aborted') return 'source';
  return host;
}
