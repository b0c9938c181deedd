import { useId, useMemo } from 'react';
import type { FleetTrace } from '../../engine';
import type { FleetProbe } from '../../state/fleetStore';
import { formatMiB, formatMs } from '../format';
import { MaintenanceNotice } from './MaintenanceNotice';
import { hostsAt, residentsAt } from './residents';
import { useFleetTime } from './useFleetTime';

interface FleetVmPanelProps {
  trace: FleetTrace;
  endMs: number;
  selectedHost: number | null;
  selectedVm: number | null;
  probe: FleetProbe | null;
  onSelectVm: (vm: number) => void;
  onSelectHost: (host: number) => void;
  onOpenMigration: (trace: FleetTrace, id: number) => void;
  onSimulate: (vm: number) => void;
}

const OUTCOME_TEXT: Record<string, string> = {
  migrated: 'moved live',
  restarted: 'terminated, then restarted',
  'waiting-for-operator': 'terminated; waits for an operator',
  unplaced: 'terminated; no host had room to restart it',
  'migration-failed': 'its live migration failed; it stayed',
  refused: 'could not be moved as asked',
  stuck: 'still waiting to move at the end',
};

/** The VMs of the host picked on the grid, and the VM picked: its policy, its fate, its migrations. */
export function FleetVmPanel(p: FleetVmPanelProps) {
  const { trace, selectedHost, selectedVm } = p;
  const tMs = useFleetTime(p.endMs);
  // The same option elements every frame, so React does not diff a thousand of them while playing.
  const hostOptions = useMemo(
    () =>
      trace.layout.hosts.map((h) => (
        <option key={h.index} value={h.index}>
          {h.name}
        </option>
      )),
    [trace],
  );
  const id = useId();
  const vms = trace.layout.vms;
  const residents = selectedHost === null ? [] : residentsAt(trace, selectedHost, tMs);
  const vm = selectedVm === null ? null : vms[selectedVm];
  const where = vm ? hostsAt(trace, tMs)[vm.index] : -1;
  const fates = vm ? trace.fates.filter((f) => f.vm === vm.index) : [];
  const moves = vm ? trace.migrations.filter((m) => m.vm === vm.index) : [];
  return (
    <section className="region fleet-vm" aria-label="VM details">
      <h2>VMs</h2>
      <div className="fleet-field">
        <label htmlFor={id}>Pick a VM</label>
        <input
          id={id}
          type="number"
          min={0}
          max={Math.max(0, vms.length - 1)}
          value={selectedVm ?? ''}
          placeholder={`0 to ${vms.length - 1}`}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (e.target.value !== '' && Number.isInteger(n) && n >= 0 && n < vms.length) p.onSelectVm(n);
          }}
        />
        <small>Or click a host on the grid, or a bar of the chart.</small>
      </div>
      <div className="fleet-field">
        <label htmlFor={`${id}-host`}>Pick a host</label>
        <select
          id={`${id}-host`}
          value={selectedHost ?? ''}
          onChange={(e) => e.target.value !== '' && p.onSelectHost(Number(e.target.value))}
        >
          <option value="">(none)</option>
          {hostOptions}
        </select>
      </div>
      {selectedHost !== null && (
        <div className="fleet-vm__host">
          <h3>
            {trace.layout.hosts[selectedHost]?.name} at {formatMs(tMs)}: {residents.length} VMs
          </h3>
          <ul className="fleet-vm__list">
            {residents.slice(0, 60).map((v) => (
              <li key={v}>
                <button type="button" aria-pressed={v === selectedVm} onClick={() => p.onSelectVm(v)}>
                  {vms[v].name} · {formatMiB(vms[v].memoryMiB)} ·{' '}
                  {vms[v].onHostMaintenance === 'MIGRATE' ? 'migrate' : 'terminate'}
                </button>
              </li>
            ))}
            {residents.length > 60 && <li>and {residents.length - 60} more</li>}
          </ul>
        </div>
      )}
      {vm && (
        <div className="fleet-vm__detail" aria-label={`${vm.name} details`}>
          <h3>
            {vm.name}, customer {vm.customer + 1}
          </h3>
          <dl>
            <dt>Size</dt>
            <dd>
              {formatMiB(vm.memoryMiB)}, {vm.vcpus} vCPUs, {vm.preset}
            </dd>
            <dt>On host maintenance</dt>
            <dd>
              {vm.onHostMaintenance}
              {vm.passthroughGpu ? ' (passthrough GPU: cannot move live)' : ''}
              {vm.confidential ? ' (confidential VM)' : ''}
            </dd>
            <dt>Automatic restart</dt>
            <dd>{vm.automaticRestart ? 'on' : 'off (waits for an operator)'}</dd>
            <dt>Watches maintenance-event</dt>
            <dd>{vm.pollsMetadata ? 'yes' : 'no (gets no advance notice)'}</dd>
            <dt>Now on</dt>
            <dd>{where >= 0 ? trace.layout.hosts[where]?.name : 'stopped'}</dd>
            <dt>In this run</dt>
            <dd>{fates.length ? fates.map((f) => OUTCOME_TEXT[f.outcome] ?? f.outcome).join('; ') : 'not affected'}</dd>
          </dl>
          {moves.map((m) => (
            <button key={m.id} type="button" onClick={() => p.onOpenMigration(trace, m.id)}>
              Open its migration {trace.layout.hosts[m.source]?.name} → {trace.layout.hosts[m.destination]?.name} in the
              lab
            </button>
          ))}
          <button type="button" onClick={() => p.onSimulate(vm.index)}>
            Simulate maintenance event
          </button>
        </div>
      )}
      {p.probe && p.probe.vm === selectedVm && (
        <MaintenanceNotice probe={p.probe} onOpenMigration={p.onOpenMigration} />
      )}
    </section>
  );
}
