import type { FleetTrace } from '../../engine';
import { formatBytes, formatCount, formatMs } from '../format';
import { fleetIndexOf } from './fleetIndex';
import { useFleetTime } from './useFleetTime';

interface Row {
  label: string;
  now: string | null;
  total: string;
  hint: string;
}

/** The run's counters: so far (at the playhead) and at the end, each with what it counts. */
export function FleetCounters({ trace, endMs }: { trace: FleetTrace; endMs: number }) {
  const tMs = useFleetTime(endMs);
  const s = trace.summary;
  const c = fleetIndexOf(trace).countersAt(tMs);
  const peak = s.peakConcurrent;
  const caps = s.caps;
  const capText = (n: number) => (n > 0 ? `cap ${n}` : 'no cap');
  const rows: Row[] = [
    {
      label: 'VMs moved live',
      now: formatCount(c.moved),
      total: formatCount(s.migrated),
      hint: 'Live migrations that completed.',
    },
    {
      label: 'Terminated',
      now: formatCount(c.terminated),
      total: formatCount(s.terminated),
      hint: 'Stopped by their policy, a failed migration or a failing host.',
    },
    {
      label: 'Restarted',
      now: formatCount(c.restarted),
      total: formatCount(s.restarted),
      hint: 'Terminated VMs running again.',
    },
    {
      label: 'Total blackout',
      now: formatMs(c.blackoutMs),
      total: formatMs(s.totalBlackoutMs),
      hint: 'Sum of the paused times of the completed migrations.',
    },
    {
      label: 'Bytes on the network',
      now: formatBytes(c.bytes),
      total: formatBytes(s.bytesTransferred),
      hint: 'Sent by the migrations that ended.',
    },
    {
      label: 'Under way',
      now: formatCount(c.activeMigrations),
      total: '',
      hint: 'Migrations in progress at the playhead.',
    },
    {
      label: 'Peak at once, per customer',
      now: null,
      total: `${peak.perCustomer} (${capText(caps.perCustomer)})`,
      hint: 'Most migrations of one customer at the same time.',
    },
    {
      label: 'Peak at once, per source host',
      now: null,
      total: `${peak.perSourceHost} (${capText(caps.perSourceHost)})`,
      hint: 'Most migrations out of one host at the same time.',
    },
    {
      label: 'Peak at once, per destination host',
      now: null,
      total: `${peak.perDestinationHost} (${capText(caps.perDestinationHost)})`,
      hint: 'Most migrations into one host at the same time.',
    },
    {
      label: 'Peak at once, fleet',
      now: null,
      total: `${peak.fleet} (${capText(caps.fleet)})`,
      hint: 'Most migrations in the whole fleet at the same time.',
    },
    {
      label: 'Time to evacuate',
      now: null,
      total: `${formatMs(s.evacuationMs)}${s.evacuationComplete ? '' : ' (not complete)'}`,
      hint: 'From the first trigger until the last affected VM left the host it had to leave.',
    },
  ];
  return (
    <section className="region fleet-counters" aria-label="Fleet counters">
      <h2>Counters</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">So far</th>
            <th scope="col">At the end</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} title={r.hint}>
              <th scope="row">{r.label}</th>
              <td>{r.now ?? '–'}</td>
              <td>{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fleet-note">
        {formatCount(s.vms)} VMs on {formatCount(s.hosts)} hosts in {s.racks} racks; {formatCount(s.affected)} affected
        {s.waitingForOperator ? `, ${s.waitingForOperator} waiting for an operator` : ''}
        {s.failed ? `, ${s.failed} migrations failed` : ''}
        {s.unplaced ? `, ${s.unplaced} found no room` : ''}.
      </p>
    </section>
  );
}
