import * as z from 'zod';
import {
  DISK_MODES,
  FAULT_KINDS,
  FAULT_MOMENTS,
  INTERVENTION_PATHS,
  NOT_LIVE_RESPONSES,
  WRITE_PATTERNS,
} from './choices';
import { flag, int, num } from './fieldTypes';

/**
 * Around the copy, sections of the scenario format: the hosts, the destination's checks, disks and devices,
 * faults, interventions, self-migration and what the trace keeps.
 */

export const hostSchema = z
  .strictObject({
    zeroScanUs: num(0, 100, 0.25, 'Time to check one 4 KiB page for zeros, in microseconds.'),
    passStartMs: num(
      0,
      10_000,
      13.5,
      'Fixed cost of starting the first pass over all of memory, in ms (hidden when a bandwidth cap makes the sender wait anyway).',
    ),
    sendMiBps: num(
      0,
      100_000,
      0,
      'Most the source host can copy into the migration stream, in MiB/s (0 = no ceiling).',
    ),
    receiveMiBps: num(
      0,
      100_000,
      0,
      'Most the destination host can take in from the stream, in MiB/s (0 = no ceiling).',
    ),
    switchoverMs: num(0, 10_000, 1, 'Fixed cost of stopping and starting the vCPUs at switchover, in ms.'),
    allocateMs: num(0, 600_000, 40, 'Time to reserve memory and vCPUs on the destination, in ms.'),
    validateMs: num(0, 600_000, 10, 'Time to check the destination can run this VM (CPU, firmware, drivers), in ms.'),
    announceMs: num(
      0,
      60_000,
      50,
      'From resume until the gratuitous ARP has moved the traffic to the destination, in ms.',
    ),
    forwardingMs: num(0, 3_600_000, 1000, 'How long the source forwards stray packets after resume, in ms.'),
    teardownMs: num(0, 600_000, 100, 'Time to delete the VM on the source, in ms.'),
    shutdownS: num(0, 86_400, 20, 'Time for a clean guest shutdown (soft power-down), in s.'),
    diskMiBps: num(1, 100_000, 500, 'Disk speed for writing and reading a hibernation image, in MiB/s.'),
    carryMinutes: num(0, 100_000, 30, 'Suspend and carry: time to take the saved VM to the other place, in minutes.'),
    streamTimeoutMs: num(
      1,
      3_600_000,
      5000,
      'A migration stream that moves nothing for this long is broken (keepalive timeout), in ms.',
    ),
  })
  .prefault({});

export const destinationSchema = z
  .strictObject({
    freeMemoryMiB: num(0, 16_777_216, 16_777_216, 'Memory free on the destination host, in MiB.'),
    freeVcpus: int(0, 4096, 64, 'vCPUs free on the destination host.'),
    cpuFeaturesMatch: flag(true, "The destination's CPU offers every feature the guest was started with."),
    firmwareMatch: flag(true, 'The destination runs a firmware version this VM can resume on.'),
    driversMatch: flag(true, 'Hypervisor and device-model versions on the destination are compatible.'),
  })
  .prefault({});
export const resourcesSchema = z
  .strictObject({
    disk: z
      .enum(DISK_MODES)
      .default('network')
      .describe(
        'network: storage reachable from both hosts (a global name); copy: a local disk copied first; ' +
          'leave-behind: a local disk the destination keeps reading from the source (a residual dependency).',
      ),
    diskGiB: num(1, 1_048_576, 40, 'Size of the local disk, in GiB.'),
    diskWriteMiBps: num(0, 100_000, 2, "The guest's disk writes while its disk is copied, in MiB/s."),
    networkIdentity: z
      .enum(['global', 'host-bound'])
      .default('global')
      .describe('global: the address follows the VM (L2 or NAT); host-bound: the source must keep forwarding.'),
  })
  .prefault({});

export const devicesSchema = z
  .strictObject({
    passthroughGpu: flag(false, 'A GPU or FPGA passed straight through to the guest.'),
    sriovNic: flag(false, 'An SR-IOV network card function passed through to the guest.'),
    hostBoundTpm: flag(false, "A TPM whose state is bound to the source host's endorsement key."),
    hardwareSecrets: flag(false, 'Secrets rooted in the source machine (serial numbers, sealed keys).'),
    latencyBudgetMs: num(0, 3_600_000, 0, 'The longest pause the workload tolerates, in ms (0 = no budget).'),
    whenNotLive: z
      .enum(NOT_LIVE_RESPONSES)
      .default('refuse')
      .describe(
        'When live migration is impossible: refuse; give notice so the workload drains and checkpoints; ' +
          'terminate and restart; or swap in a paravirtual device whose state can be captured.',
      ),
    checkpointS: num(0, 86_400, 30, 'Drain and checkpoint time after advance notice, in s.'),
    restartS: num(0, 86_400, 45, 'Time to boot the VM again and bring its service up, in s.'),
  })
  .prefault({});
export const faultSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS).describe('What fails.'),
  when: z
    .enum(FAULT_MOMENTS)
    .default('at-time')
    .describe('at-time: at atMs; brownout, blackout, after-commit: atMs after that step begins.'),
  atMs: num(0, 1e9, 0, 'Simulated time of the fault, or its delay after the step begins, in ms.'),
  durationMs: num(0, 1e8, 2000, 'network-drop: how long the link carries nothing, in ms.'),
  factorPct: num(1, 100, 10, 'link-degradation: the link keeps this share of its speed, in %.'),
});

export const interventionSchema = z.strictObject({
  atMs: num(0, 1e9, 0, 'Simulated time of the change, in ms.'),
  path: z.enum(INTERVENTION_PATHS).describe('The parameter that changes.'),
  value: z.union([z.number(), z.boolean(), z.enum(WRITE_PATTERNS)]).describe('Its new value.'),
});

export const selfMigrationSchema = z
  .strictObject({
    copyCpuPct: num(
      0,
      50,
      25,
      "variant self: share of the guest's CPU its own copy code (and its own write tracking) takes from the workload while it copies, in %.",
    ),
    footprintMiB: num(
      0,
      4096,
      8,
      'variant self: memory the copy code itself keeps writing (its buffers, stack, page tables); it is dirty at the end and goes in the final copy, in MiB.',
    ),
    holdBackWorkingSet: flag(
      true,
      'variant self: the guest knows its working set and leaves it out of the first round (it would be written again); it goes later or in the final copy.',
    ),
  })
  .prefault({});

export const outputSchema = z
  .strictObject({
    heatmapCells: int(16, 16_384, 1024, 'Cells each memory heatmap frame aggregates the pages into.'),
    heatmapFromPage: int(
      0,
      268_435_456,
      0,
      'First page the heatmap shows (a zoom into one region of memory); pages are of vm.pageKiB.',
    ),
    heatmapPages: int(
      0,
      268_435_456,
      0,
      'How many pages from there the heatmap shows (0 = all of memory); down to one page per cell.',
    ),
    maxSamples: int(64, 100_000, 2000, 'Most time-series samples kept; the sampling step doubles to fit.'),
    maxFrames: int(8, 5000, 400, 'Most heatmap frames kept.'),
  })
  .prefault({});
