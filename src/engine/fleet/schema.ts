import * as z from 'zod';
import { WORKLOAD_PRESETS } from '../scenario/schema';

/**
 * The fleet scenario format: racks and hosts, VMs with their availability policies, the scheduler's
 * policies, how each migration is run, and the trigger events. One schema for the engine, the CLI
 * (`npm run fleet`), links and docs/fleet.md. Bump FLEET_SCENARIO_VERSION when a field changes meaning.
 */
export const FLEET_SCENARIO_VERSION = 1;

const int = (min: number, max: number, fallback: number, text: string) =>
  z.number().int().min(min).max(max).default(fallback).describe(text);
const num = (min: number, max: number, fallback: number, text: string) =>
  z.number().min(min).max(max).default(fallback).describe(text);
const flag = (fallback: boolean, text: string) => z.boolean().default(fallback).describe(text);

/** Most hosts and VMs a fleet may have (the CLI and the app refuse larger ones). */
export const MAX_HOSTS = 20_000;
export const MAX_VMS = 100_000;

export const VM_PRESETS = WORKLOAD_PRESETS.filter((p) => p !== 'custom') as Exclude<
  (typeof WORKLOAD_PRESETS)[number],
  'custom'
>[];
export const PLATFORMS = ['custom', 'kubevirt', 'nova', 'vsphere', 'azure'] as const;
export const ON_HOST_MAINTENANCE = ['MIGRATE', 'TERMINATE'] as const;
export const FAIRNESS = ['round-robin', 'fifo'] as const;
export const FAULT_DOMAINS = ['none', 'rack'] as const;
export const PLACEMENTS = ['spread', 'pack'] as const;

const fleetSchema = z
  .strictObject({
    racks: int(1, 500, 4, 'Racks in the fleet; a rack is one fault domain.'),
    hostsPerRack: int(1, 200, 8, 'Hosts in each rack.'),
    hostMemoryMiB: int(1024, 16_777_216, 393_216, 'Memory of each host, in MiB (default 384 GiB).'),
    hostVcpus: int(1, 4096, 96, 'vCPUs of each host (no overcommit).'),
    nicMbps: num(100, 400_000, 25_000, "Each host's network card, in Mbit/s, in each direction."),
    rackUplinkMbps: num(
      100,
      12_800_000,
      100_000,
      "Each rack's uplink to the rest of the fleet, in Mbit/s, in each direction.",
    ),
    confidentialLiveMigration: flag(
      false,
      'The platform can live-migrate confidential VMs (TDX module 1.5+ with a Migration TD). Off as on ' +
        'Compute Engine, where SEV-SNP and TDX VMs must be TERMINATE.',
    ),
  })
  .prefault({});

const sizeSchema = z.strictObject({
  memoryMiB: int(64, 1_048_576, 4096, 'Guest RAM of this size class, in MiB.'),
  vcpus: int(1, 256, 2, 'vCPUs of this size class.'),
  weight: num(0, 1000, 1, 'Relative share of VMs of this size.'),
});

const presetShareSchema = z.strictObject({
  preset: z.enum(VM_PRESETS).describe('A workload preset of the lab (docs/scenario.md).'),
  weight: num(0, 1000, 1, 'Relative share of VMs running this workload.'),
});

const overrideSchema = z.strictObject({
  vm: z
    .number()
    .int()
    .min(0)
    .max(MAX_VMS - 1)
    .describe('Which VM (0-based index) this override sets.'),
  customer: z.number().int().min(0).max(999).optional().describe('Its customer (0-based index).'),
  preset: z.enum(VM_PRESETS).optional().describe('Its workload preset.'),
  memoryMiB: z.number().int().min(64).max(1_048_576).optional().describe('Its RAM, in MiB.'),
  vcpus: z.number().int().min(1).max(256).optional().describe('Its vCPUs.'),
  host: z
    .number()
    .int()
    .min(0)
    .max(MAX_HOSTS - 1)
    .optional()
    .describe('The host it starts on (0-based index).'),
  onHostMaintenance: z.enum(ON_HOST_MAINTENANCE).optional().describe('Its maintenance policy.'),
  automaticRestart: z.boolean().optional().describe('Whether it restarts on its own after being terminated.'),
  passthroughGpu: z.boolean().optional().describe('Whether it has a passthrough GPU (cannot live-migrate).'),
  confidential: z.boolean().optional().describe('Whether it is a confidential VM (SEV-SNP, TDX).'),
  pollsMetadata: z.boolean().optional().describe('Whether its guest watches the maintenance-event key.'),
});

const vmsSchema = z
  .strictObject({
    count: int(0, MAX_VMS, 256, 'VMs in the fleet, placed on hosts at random (by the seed) where they fit.'),
    usedPct: num(1, 100, 50, "Share of each VM's memory its guest has written (the rest are zero pages), in %."),
    sizes: z
      .array(sizeSchema)
      .min(1)
      .max(16)
      .default([
        { memoryMiB: 2048, vcpus: 1, weight: 30 },
        { memoryMiB: 4096, vcpus: 2, weight: 35 },
        { memoryMiB: 8192, vcpus: 4, weight: 20 },
        { memoryMiB: 16_384, vcpus: 8, weight: 10 },
        { memoryMiB: 65_536, vcpus: 16, weight: 5 },
      ])
      .describe('Size classes the VMs are drawn from (1 to 16).'),
    presets: z
      .array(presetShareSchema)
      .min(1)
      .max(16)
      .default([
        { preset: 'web', weight: 35 },
        { preset: 'oltp', weight: 20 },
        { preset: 'cache', weight: 10 },
        { preset: 'idle', weight: 20 },
        { preset: 'game', weight: 10 },
        { preset: 'ml-training', weight: 5 },
      ])
      .describe('Workloads the VMs are drawn from (1 to 16).'),
    customers: int(1, 1000, 4, 'Customers (tenants) the VMs belong to, drawn evenly.'),
    terminatePct: num(0, 100, 10, 'Share of the VMs that could migrate whose owner chose TERMINATE, in %.'),
    manualRestartPct: num(0, 100, 20, 'Share of the VMs with automaticRestart off (they wait for an operator), in %.'),
    gpuPct: num(0, 100, 4, 'Share of the VMs with a passthrough GPU (always TERMINATE), in %.'),
    confidentialPct: num(0, 100, 4, 'Share of confidential VMs (TERMINATE unless the platform migrates them), in %.'),
    pollsMetadataPct: num(
      0,
      100,
      100,
      'Share of guests that watch the maintenance-event key; the others get no advance notice, in %.',
    ),
    overrides: z
      .array(overrideSchema)
      .max(256)
      .default([])
      .describe('Settings for particular VMs on top of the drawn ones (up to 256).'),
  })
  .prefault({});

const noticeSchema = z
  .strictObject({
    migrateS: num(0, 604_800, 60, 'Advance notice before a live migration, in s (Compute Engine: 60).'),
    gpuTerminateS: num(
      0,
      604_800,
      3600,
      'Advance notice before a GPU VM is terminated, in s (Compute Engine: 1 hour).',
    ),
    terminateS: num(
      0,
      604_800,
      0,
      'Advance notice before another TERMINATE VM stops, in s (Compute Engine sets the key only for MIGRATE and GPU VMs).',
    ),
  })
  .prefault({});

const schedulerSchema = z
  .strictObject({
    platform: z
      .enum(PLATFORMS)
      .default('custom')
      .describe("Take the caps and timeouts left out from this platform's defaults (see the table below)."),
    fleetCap: int(0, 100_000, 0, 'Most migrations at once in the whole fleet (0 = no cap).'),
    perSourceHostCap: int(0, 1000, 2, 'Most migrations at once out of one host (0 = no cap).'),
    perDestinationHostCap: int(0, 1000, 2, 'Most migrations at once into one host (0 = no cap).'),
    perCustomerCap: int(0, 100_000, 0, "Most migrations at once of one customer's VMs (0 = no cap)."),
    fairness: z
      .enum(FAIRNESS)
      .default('round-robin')
      .describe('round-robin: customers take turns; fifo: VMs in the order they became ready.'),
    faultDomain: z
      .enum(FAULT_DOMAINS)
      .default('none')
      .describe('rack: planned maintenance works on one rack at a time (urgent evacuations are exempt).'),
    rateLimitPerMin: int(0, 1_000_000, 0, 'Most migrations started in any minute (0 = no limit).'),
    placement: z
      .enum(PLACEMENTS)
      .default('spread')
      .describe('spread: the destination with the most room; pack: the fullest one that fits.'),
    maxFillPct: num(1, 100, 95, 'A destination is never filled past this share of its memory and vCPUs, in %.'),
    restartS: num(0, 86_400, 45, 'Time a terminated VM takes to boot again on its new host, in s.'),
    maintenanceS: num(0, 604_800, 600, 'How long an emptied host stays down for its maintenance, in s.'),
  })
  .prefault({});

const migrationSchema = z
  .strictObject({
    downtimeLimitMs: num(1, 2_000_000, 300, 'Longest acceptable blackout, in ms (QEMU default 300).'),
    maxIterations: int(0, 10_000, 30, 'Cap on live pre-copy rounds (0 = no cap).'),
    completionTimeoutSPerGiB: num(0, 100_000, 0, 'Give up pre-copy after this many s per GiB of RAM (0 = never).'),
    completionTimeoutMinGiB: num(0, 1024, 0, 'The timeout counts at least this many GiB (Nova: 2).'),
    onNoConvergence: z
      .enum(['stop-and-copy', 'abort'])
      .default('stop-and-copy')
      .describe('At the round cap or the timeout: stop the VM and copy the rest, or abort the migration.'),
    bandwidthPerMigrationMbps: num(0, 400_000, 0, 'Bandwidth cap of each migration in Mbit/s (0 = none).'),
    setupMs: num(0, 600_000, 50, 'Reserving and checking the destination before copying starts, in ms.'),
    rttMs: num(0, 1000, 0.5, 'Round trip between hosts, in ms.'),
    deviceStateKiB: num(0, 1_048_576, 256, 'Device and CPU state sent in the blackout, in KiB.'),
    switchoverMs: num(0, 10_000, 1, 'Stopping and starting the vCPUs at switchover, in ms.'),
  })
  .prefault({});

const atS = num(0, 1e7, 0, 'When the event happens, in s of fleet time.');
const hostIndex = int(0, MAX_HOSTS - 1, 0, 'The host (0-based; rack r holds hosts r x hostsPerRack onwards).');
const vmIndex = int(0, MAX_VMS - 1, 0, 'The VM (0-based index).');

export const EVENT_KINDS = [
  'host-maintenance',
  'rack-maintenance',
  'firmware-rollout',
  'flaky-host',
  'operator-move',
  'noisy-neighbour',
  'consolidate',
  'simulate-maintenance',
] as const;

const eventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('host-maintenance').describe('Planned maintenance of one host.'),
    atS,
    host: hostIndex,
  }),
  z.strictObject({
    kind: z.literal('rack-maintenance').describe('Planned maintenance of a whole rack: it goes down once empty.'),
    atS,
    rack: int(0, 499, 0, 'The rack (0-based).'),
  }),
  z.strictObject({
    kind: z.literal('firmware-rollout').describe('A firmware update of every host, wave after wave.'),
    atS,
    waves: int(1, MAX_HOSTS, 4, 'Waves the hosts are split into, in host order.'),
    waveGapS: num(0, 604_800, 300, 'Soak time after one wave is back before the next starts, in s.'),
  }),
  z.strictObject({
    kind: z.literal('flaky-host').describe('A host reports failing hardware: evacuate it before it fails.'),
    atS,
    host: hostIndex,
    failAfterS: num(
      0,
      1e7,
      0,
      'It fails this long after the warning, losing the VMs still on it, in s (0 = it holds).',
    ),
  }),
  z.strictObject({
    kind: z.literal('operator-move').describe("An operator's request to move one VM."),
    atS,
    vm: vmIndex,
    toHost: int(-1, MAX_HOSTS - 1, -1, 'Destination host (0-based), or -1 to let placement choose.'),
  }),
  z.strictObject({
    kind: z.literal('noisy-neighbour').describe('Rebalance: move a noisy VM off its host to the emptiest one.'),
    atS,
    vm: vmIndex,
  }),
  z.strictObject({
    kind: z.literal('consolidate').describe('Empty the least-loaded hosts and switch them off.'),
    atS,
    hostsOff: int(1, MAX_HOSTS, 1, 'Hosts to switch off (those whose VMs can all move live).'),
  }),
  z.strictObject({
    kind: z.literal('simulate-maintenance').describe('A simulated maintenance event for one VM, as its owner asks.'),
    atS,
    vm: vmIndex,
  }),
]);

const outputSchema = z
  .strictObject({
    maxSamples: int(16, 5000, 400, 'Samples of per-host load kept over the whole run.'),
  })
  .prefault({});

export const fleetScenarioSchema = z.strictObject({
  version: z.literal(FLEET_SCENARIO_VERSION).default(FLEET_SCENARIO_VERSION).describe('Fleet scenario format version.'),
  name: z.string().max(120).default('').describe('A title for the fleet scenario.'),
  seed: int(0, 4_294_967_295, 1, 'Seed of the VM mix and placement; same seed, same fleet.'),
  fleet: fleetSchema,
  vms: vmsSchema,
  notice: noticeSchema,
  scheduler: schedulerSchema,
  migration: migrationSchema,
  events: z
    .array(eventSchema)
    .max(64)
    .default([{ kind: 'rack-maintenance', atS: 0, rack: 0 }])
    .describe('Trigger events (up to 64).'),
  output: outputSchema,
});

export type FleetScenarioInput = z.input<typeof fleetScenarioSchema>;
export type FleetScenario = z.output<typeof fleetScenarioSchema>;
export type FleetEventSpec = FleetScenario['events'][number];
export type FleetEventKind = FleetEventSpec['kind'];
export type Platform = (typeof PLATFORMS)[number];
export type VmPreset = (typeof VM_PRESETS)[number];
export type VmOverride = FleetScenario['vms']['overrides'][number];
