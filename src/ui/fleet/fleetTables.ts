import { HOST_STATES, type FleetTrace, type HostState } from '../../engine';
import type { TableData } from '../a11y/ChartTable';
import { formatBytes, formatMs } from '../format';
import { sampleIndexAt } from './fleetAt';

/** The Gantt chart's table lists this many migrations at most (a 10,000-VM rollout is for the CSV). */
export const MAX_MIGRATION_ROWS = 500;

const OUTCOME_TEXT = { completed: 'completed', aborted: 'aborted, stayed on the source', lost: 'lost' } as const;

/** The host grid at `tMs` as a table: each host's state, the memory it holds and its migrations in and out. */
export function hostsTableData(trace: FleetTrace, tMs: number, stateText: Record<HostState, string>): TableData {
  const k = sampleIndexAt(trace, tMs);
  const s = trace.samples;
  return {
    caption: `Hosts at ${formatMs(tMs)}`,
    columns: ['Host', 'Rack', 'State', 'Memory held', 'Migrations out', 'Migrations in'],
    rows: trace.layout.hosts.map((h) => {
      const i = k * s.hosts + h.index;
      return [
        h.name,
        String(h.rack + 1),
        stateText[HOST_STATES[s.state[i]] ?? 'up'],
        `${Math.round(s.memoryPct[i])} %`,
        String(s.outgoing[i]),
        String(s.incoming[i]),
      ];
    }),
  };
}

/** The Gantt chart as a table: every migration (up to MAX_MIGRATION_ROWS) in the order they started. */
export function migrationsTableData(trace: FleetTrace): TableData {
  const { hosts, vms } = trace.layout;
  const shown = [...trace.migrations].sort((a, b) => a.startMs - b.startMs || a.id - b.id).slice(0, MAX_MIGRATION_ROWS);
  return {
    caption: `Migrations over time: ${trace.migrations.length}`,
    columns: ['VM', 'From', 'To', 'Start', 'End', 'Blackout', 'Bytes', 'Outcome'],
    rows: shown.map((m) => [
      vms[m.vm]?.name ?? `VM ${m.vm + 1}`,
      hosts[m.source]?.name ?? '',
      hosts[m.destination]?.name ?? '',
      formatMs(m.startMs),
      formatMs(m.endMs),
      formatMs(m.blackoutMs),
      formatBytes(m.bytes),
      OUTCOME_TEXT[m.outcome],
    ]),
    note:
      shown.length < trace.migrations.length
        ? `The first ${shown.length} of ${trace.migrations.length} migrations; the export has them all.`
        : undefined,
  };
}
