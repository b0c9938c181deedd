import { confidentialProblems } from '../confidential/tdxFacts';
import type { Scenario } from '../scenario/schema';
import { kibToBytes, mbpsToBytesPerMs } from '../units';

/**
 * Why this VM cannot be moved live (or by quick migration either): state the hypervisor cannot capture,
 * or a workload that cannot absorb even the shortest pause. Empty when it can.
 */
export function notLiveReasons(s: Scenario): { devices: string[]; latency: string | null } {
  const d = s.devices;
  const devices: string[] = [];
  if (d.passthroughGpu)
    devices.push('a passthrough GPU or FPGA holds state in hardware the hypervisor cannot snapshot');
  if (d.sriovNic) devices.push('an SR-IOV network function is passed through: its queues live in the physical card');
  if (d.hostBoundTpm) devices.push("the TPM's state is bound to the source host's endorsement key");
  if (d.hardwareSecrets) devices.push('secrets rooted in the source machine cannot be carried to another');
  const shortestPauseMs =
    s.host.switchoverMs + s.network.rttMs + kibToBytes(s.vm.deviceStateKiB) / mbpsToBytesPerMs(s.network.linkMbps);
  const latency =
    d.latencyBudgetMs > 0 && d.latencyBudgetMs < shortestPauseMs
      ? `the workload tolerates ${d.latencyBudgetMs} ms of pause, less than the shortest possible blackout (${shortestPauseMs.toFixed(1)} ms)`
      : null;
  return { devices, latency };
}

/** Why the destination cannot take the VM: capacity first (allocation), then compatibility (validation). */
export function destinationProblems(s: Scenario): { allocation: string[]; compatibility: string[] } {
  const d = s.destination;
  const allocation: string[] = [];
  if (d.freeMemoryMiB < s.vm.memoryMiB)
    allocation.push(`the destination has ${d.freeMemoryMiB} MiB free, the VM needs ${s.vm.memoryMiB} MiB`);
  if (d.freeVcpus < s.vm.vcpus)
    allocation.push(`the destination has ${d.freeVcpus} vCPUs free, the VM needs ${s.vm.vcpus}`);
  const compatibility: string[] = [];
  if (!d.cpuFeaturesMatch) compatibility.push('the destination CPU lacks features the guest is already using');
  if (!d.firmwareMatch) compatibility.push('the destination firmware cannot resume this VM');
  if (!d.driversMatch) compatibility.push('the hypervisor or device-model versions do not match');
  compatibility.push(...confidentialProblems(s));
  return { allocation, compatibility };
}
