import type { InterventionPath, Scenario, WritePattern } from '../scenario/schema';

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
  /** How the change reads in the event log. */
  label: string;
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
    const parts = Object.entries(patch).map(([k, v]) => `${k} = ${v}`);
    changes.push({ atMs: phase.atMs, source: 'workload phase', patch, label: `workload phase: ${parts.join(', ')}` });
  }
  for (const iv of s.interventions) {
    const patch = { [leafOf(iv.path)]: iv.value } as Partial<LiveParams>;
    changes.push({ atMs: iv.atMs, source: 'intervention', patch, label: `${iv.path} set to ${iv.value}` });
  }
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.atMs - b.c.atMs || a.i - b.i)
    .map(({ c }) => c);
}
