import type { InterventionPath, Scenario, WritePattern } from '../scenario/schema';
import type { EventBody } from '../trace/events';

/** The parameters that can change while a migration runs (interventions and workload phases). */
export interface LiveParams {
  writeRateMiBps: number;
  wssMiB: number;
  pattern: WritePattern;
  linkMbps: number;
  capMbps: number;
  rttMs: number;
  vmTrafficMbps: number;
  otherTrafficMbps: number;
  downtimeLimitMs: number;
  autoConverge: boolean;
}

export function initialLiveParams(s: Scenario): LiveParams {
  return {
    writeRateMiBps: s.workload.writeRateMiBps,
    wssMiB: s.workload.wssMiB,
    pattern: s.workload.pattern,
    linkMbps: s.network.linkMbps,
    capMbps: s.network.capMbps,
    rttMs: s.network.rttMs,
    vmTrafficMbps: s.network.vmTrafficMbps,
    otherTrafficMbps: s.network.otherTrafficMbps,
    downtimeLimitMs: s.precopy.downtimeLimitMs,
    autoConverge: s.precopy.autoConverge,
  };
}

/** One timed change: from an intervention, or from a workload phase. */
export interface TimedChange {
  atMs: number;
  source: 'intervention' | 'workload phase';
  patch: Partial<LiveParams>;
  /** The event the change puts in the log. */
  event: EventBody;
}

const leafOf = (path: InterventionPath) => path.split('.')[1] as keyof LiveParams;

/** Interventions and workload phases merged into one time-ordered list (stable for equal times). */
export function timedChanges(s: Scenario): TimedChange[] {
  const changes: TimedChange[] = [];
  for (const phase of s.workload.phases) {
    const patch: Partial<LiveParams> = {};
    if (phase.writeRateMiBps !== undefined) patch.writeRateMiBps = phase.writeRateMiBps;
    if (phase.wssMiB !== undefined) patch.wssMiB = phase.wssMiB;
    if (phase.pattern !== undefined) patch.pattern = phase.pattern;
    changes.push({ atMs: phase.atMs, source: 'workload phase', patch, event: { kind: 'workload-phase', ...patch } });
  }
  for (const iv of s.interventions) {
    const patch = { [leafOf(iv.path)]: iv.value } as Partial<LiveParams>;
    changes.push({
      atMs: iv.atMs,
      source: 'intervention',
      patch,
      event: { kind: 'intervention', path: iv.path, value: iv.value },
    });
  }
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.atMs - b.c.atMs || a.i - b.i)
    .map(({ c }) => c);
}
