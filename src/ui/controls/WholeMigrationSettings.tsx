import { DISK_MODES } from '../../engine/scenario/schema';
import { useLab } from '../../state/LabContext';
import { formatMs } from '../format';
import { Choice } from './Choice';
import { FaultEditor } from './FaultEditor';
import { StepSlider } from './StepSlider';
import { Toggle } from './Toggle';

const DISK_LABELS: Record<(typeof DISK_MODES)[number], string> = {
  network: 'Network storage (global name)',
  copy: 'Local disk, copied first',
  'leave-behind': 'Local disk, left on the source',
};

/** Everything around the memory copy: the destination, how each resource is named, special devices, faults. */
export function WholeMigrationSettings() {
  const s = useLab((st) => st.scenario);
  const change = useLab((st) => st.changeField);
  const roomy = s.destination.freeMemoryMiB >= s.vm.memoryMiB && s.destination.freeVcpus >= s.vm.vcpus;
  return (
    <details className="more-settings">
      <summary>Whole migration</summary>
      <Toggle
        label="Destination has room"
        hint="Step 1 reserves memory and vCPUs on the destination; without room the migration is refused before anything is copied."
        checked={roomy}
        onChange={(v) => {
          change('destination.freeMemoryMiB', v ? 16_777_216 : Math.floor(s.vm.memoryMiB / 2));
          change('destination.freeVcpus', v ? 64 : Math.max(0, s.vm.vcpus - 2));
        }}
      />
      <Toggle
        label="Same CPU features"
        hint="Step 2 checks the destination CPU offers every feature the guest already uses."
        checked={s.destination.cpuFeaturesMatch}
        onChange={(v) => change('destination.cpuFeaturesMatch', v)}
      />
      <Toggle
        label="Compatible firmware"
        hint="Step 2 also checks the firmware on the destination can resume this VM."
        checked={s.destination.firmwareMatch}
        onChange={(v) => change('destination.firmwareMatch', v)}
      />
      <Toggle
        label="Matching drivers"
        hint="Step 2: hypervisor and device-model versions must be able to read the VM's device state."
        checked={s.destination.driversMatch}
        onChange={(v) => change('destination.driversMatch', v)}
      />
      <Choice
        label="Disk"
        hint="Network storage is reachable from both hosts by the same name; a local disk must be copied, or it stays behind and ties the VM to the source."
        value={s.resources.disk}
        options={DISK_MODES.map((v) => ({ value: v, label: DISK_LABELS[v] }))}
        onChange={(v) => change('resources.disk', v)}
      />
      <Choice
        label="Network address"
        hint="A global address (L2 or NAT managed) follows the VM; a host-bound one leaves the source forwarding its traffic."
        value={s.resources.networkIdentity}
        options={[
          { value: 'global', label: 'Follows the VM (global)' },
          { value: 'host-bound', label: 'Bound to the source host' },
        ]}
        onChange={(v) => change('resources.networkIdentity', v)}
      />
      <Toggle
        label="Passthrough GPU or FPGA"
        hint="Device state lives in hardware the hypervisor cannot snapshot."
        checked={s.devices.passthroughGpu}
        onChange={(v) => change('devices.passthroughGpu', v)}
      />
      <Toggle
        label="SR-IOV network card"
        hint="A slice of a physical NIC passed straight to the guest: its queues cannot be carried over."
        checked={s.devices.sriovNic}
        onChange={(v) => change('devices.sriovNic', v)}
      />
      <Toggle
        label="TPM bound to the host"
        hint="TPM state sealed to the source host's endorsement key cannot be re-created elsewhere."
        checked={s.devices.hostBoundTpm}
        onChange={(v) => change('devices.hostBoundTpm', v)}
      />
      <StepSlider
        label="Latency budget"
        hint="The longest pause the workload tolerates. Below the shortest possible blackout, nothing can move it live."
        values={[0, 0.5, 1, 2, 5, 10, 50, 100, 300, 750, 1000]}
        value={s.devices.latencyBudgetMs}
        format={(v) => (v === 0 ? 'none' : formatMs(v))}
        onChange={(v) => change('devices.latencyBudgetMs', v)}
      />
      <FaultEditor />
    </details>
  );
}
