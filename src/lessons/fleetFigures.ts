import type { FleetTrace } from '../engine';
import { getPath } from '../state/paths';

/**
 * Figures of a fleet run a fleet lesson states, by name: a few worked out here, and any field of the trace
 * by its path (`fleet.summary.caps.perSourceHost`, `fleet.scenario.notice.migrateS`).
 */
const DERIVED: Record<string, (t: FleetTrace) => number | string | boolean | undefined> = {
  /** Hosts in the first rack ("rack 1" to a reader). */
  rack1Hosts: (t) => t.layout.hosts.filter((h) => h.rack === 0).length,
  evacuationS: (t) => t.summary.evacuationMs / 1000,
  /** When the first live migration started, s after the request. */
  firstMigrationS: (t) => Math.min(...t.migrations.map((m) => m.startMs)) / 1000,
  /** vm0 under a simulated maintenance event: its notice, what became of it, and how long it was down. */
  vm0NoticeS: (t) => (vm0Fate(t)?.noticeMs ?? NaN) / 1000,
  vm0Outcome: (t) => vm0Fate(t)?.outcome,
  vm0RestartedInPlace: (t) => vm0Fate(t)?.restartHost === t.layout.vms[0].host,
  vm0DownS: (t) => {
    const f = vm0Fate(t);
    return f && f.runningAgainAtMs !== null && f.stoppedAtMs !== null
      ? (f.runningAgainAtMs - f.stoppedAtMs) / 1000
      : undefined;
  },
  vm0Policy: (t) => t.layout.vms[0].onHostMaintenance,
  vm0AutomaticRestart: (t) => t.layout.vms[0].automaticRestart,
};

function vm0Fate(t: FleetTrace) {
  return t.fates.find((f) => f.vm === 0 && f.reason === 'simulate-maintenance') ?? null;
}

/** A fleet figure (`fleet.<name or path>`) of a fleet run, or undefined when the run has no such figure. */
export function fleetFigure(trace: FleetTrace, figure: string): number | string | boolean | undefined {
  const name = figure.slice('fleet.'.length);
  if (Object.hasOwn(DERIVED, name)) return DERIVED[name](trace);
  const value = getPath(trace, name);
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
}
