import * as z from 'zod';
import { currentVersion } from '../versioning';
import { SCENARIO_FORMAT } from './versions';

/**
 * The public scenario format: one schema shared by the engine, the CLI, the URL and the docs.
 * Every number says its unit in its name; ranges here are the ranges the app and the CLI accept.
 * When a field changes meaning, append a migration to SCENARIO_FORMAT (./versions.ts): the version follows.
 */
export const SCENARIO_VERSION = currentVersion(SCENARIO_FORMAT);

const int = (min: number, max: number, fallback: number, text: string) =>
  z.number().int().min(min).max(max).default(fallback).describe(text);
const num = (min: number, max: number, fallback: number, text: string) =>
  z.number().min(min).max(max).default(fallback).describe(text);
const flag = (fallback: boolean, text: string) => z.boolean().default(fallback).describe(text);

export const STRATEGIES = ['precopy', 'postcopy', 'hybrid', 'stopcopy'] as const;
/** lab: the whole lifecycle counts in the total time; qemu: QEMU's own semantics (see `profile`). */
export const PROFILES = ['lab', 'qemu'] as const;
export const WRITE_PATTERNS = ['uniform', 'hotcold', 'sequential', 'zipf'] as const;
export const STOP_RULES = ['qemu', 'xen', 'xen-legacy', 'no-progress'] as const;
export const PREPAGING = ['none', 'forward', 'bubble'] as const;
/** Who drives the migration (see src/engine/variants/): the hypervisor alone, helped by the guest, or the guest. */
export const VARIANTS = ['managed', 'paravirtual', 'self'] as const;
export const CONFIDENTIAL_KINDS = ['none', 'tdx'] as const;
export const PAGE_ACCEPTANCE = ['at-boot', 'on-first-use'] as const;
export const WORKLOAD_PRESETS = [
  'custom',
  'idle',
  'web',
  'oltp',
  'cache',
  'game',
  'ml-training',
  'memory-stress',
] as const;

/** Parameters that may change mid-migration (interventions), with the path used to name them. */
export const INTERVENTION_PATHS = [
  'workload.writeRateMiBps',
  'workload.wssMiB',
  'workload.pattern',
  'network.linkMbps',
  'network.capMbps',
  'network.rttMs',
  'network.vmTrafficMbps',
  'network.otherTrafficMbps',
  'precopy.downtimeLimitMs',
  'precopy.autoConverge',
] as const;
export type InterventionPath = (typeof INTERVENTION_PATHS)[number];

/** A confidential VM (Intel TDX style): the host cannot read its memory; see src/engine/confidential/. */
const confidentialSchema = z
  .strictObject({
    kind: z
      .enum(CONFIDENTIAL_KINDS)
      .default('none')
      .describe(
        'none: an ordinary VM; tdx: a trust domain whose memory the host cannot read (Intel TDX 1.5 migration).',
      ),
    migratable: flag(
      true,
      'tdx: the TD was built with the MIGRATABLE attribute; without it the TDX module refuses to export it.',
    ),
    acceptance: z
      .enum(PAGE_ACCEPTANCE)
      .default('at-boot')
      .describe(
        'tdx: at-boot: the guest accepted all its memory when it booted; on-first-use: it accepts pages as it first writes them, so never-written pages travel without a payload.',
      ),
    attestMs: num(
      0,
      600_000,
      1500,
      'tdx: time for the two Migration TDs to attest each other and hand over the session key, in ms (an assumption: no published figure; past 60000 the session times out).',
    ),
    tcbMatch: flag(
      true,
      "tdx: the destination platform's TCB (TDX and SGX component versions, PCE SVN) meets the migration policy.",
    ),
    moduleMatch: flag(
      true,
      "tdx: the destination's TDX module can import this TD (1.5 or later, an overlapping migration version).",
    ),
    policyMatch: flag(
      true,
      "tdx: the destination Migration TD's identity and policy match the policy bound to this TD.",
    ),
    pagesPerBundle: int(
      1,
      512,
      1,
      'tdx: private pages per migration bundle (QEMU sends 1; the GPA list holds up to 512).',
    ),
    blockedWriteFaultUs: num(
      0,
      1000,
      20,
      'tdx: host time for one guest write to a write-blocked page (exit, unblock, re-entry), in microseconds (an assumption: no published figure).',
    ),
  })
  .prefault({});

const vmSchema = z
  .strictObject({
    memoryMiB: int(64, 1_048_576, 4096, 'Guest RAM, in MiB (up to 1 TiB).'),
    usedMiB: num(
      0,
      1_048_576,
      2048,
      'Memory the guest has ever written, in MiB; the rest are zero pages. Left out: half of vm.memoryMiB.',
    ),
    pageKiB: z
      .union([z.literal(4), z.literal(2048)])
      .default(4)
      .describe('Tracking page size in KiB: 4 (normal) or 2048 (2 MiB huge pages).'),
    vcpus: int(1, 256, 4, 'Virtual CPUs; post-copy fault stalls are spread over them.'),
    deviceStateKiB: num(0, 1_048_576, 256, 'Device and CPU state sent during the blackout, in KiB.'),
    freeMiB: num(
      0,
      1_048_576,
      0,
      'Of the used memory, MiB the guest has freed again (free-page hinting lets pre-copy skip it).',
    ),
    trackingOverheadPct: num(0, 50, 2, 'Slowdown of the guest while its writes are being tracked, in %.'),
    confidential: confidentialSchema,
  })
  .prefault({});

const phaseSchema = z.strictObject({
  atMs: num(0, 1e9, 0, 'Simulated time the phase starts, in ms after migration start.'),
  writeRateMiBps: z.number().min(0).max(100_000).optional().describe('New write rate, in MiB/s.'),
  wssMiB: z.number().min(0).max(1_048_576).optional().describe('New writable working set, in MiB.'),
  pattern: z.enum(WRITE_PATTERNS).optional().describe('New write pattern.'),
});

// The workload's defaults are the Web server preset's figures on the default VM (presets.ts), so what the
// picker shows for a scenario left at its defaults is what runs.
const workloadSchema = z
  .strictObject({
    preset: z.enum(WORKLOAD_PRESETS).default('web').describe('Which preset the workload came from (informative).'),
    pattern: z.enum(WRITE_PATTERNS).default('hotcold').describe('How writes spread over the working set.'),
    writeRateMiBps: num(0, 100_000, 80, 'Page writes per second times the page size, in MiB/s.'),
    wssMiB: num(
      0,
      1_048_576,
      64,
      'Writable working set: the pages the guest keeps writing, in MiB. Left out: an eighth of vm.memoryMiB, at most 64.',
    ),
    hotFractionPct: num(1, 100, 25, 'hotcold: share of the working set that is hot, in %.'),
    hotWriteSharePct: num(0, 100, 80, 'hotcold: share of the writes that go to the hot part, in %.'),
    zipfExponent: num(0.1, 3, 0.99, 'zipf: skew exponent s (page of rank r is written with weight 1/r^s).'),
    burstPeriodMs: num(0, 600_000, 0, 'Length of one write burst cycle, in ms (0 = steady writing).'),
    burstDutyPct: num(1, 100, 100, 'Share of each burst cycle spent writing, in %.'),
    cpuBound: flag(true, 'Writes come from guest CPU work, so throttling and stalls slow them down.'),
    readsPerWrite: num(
      0,
      100,
      1,
      'Page reads per page write, over the same pages. Reads change nothing, but in post-copy a read of a page the destination lacks faults like a write.',
    ),
    writeBytes: num(
      1,
      4096,
      64,
      'Bytes of a page one write changes (8 = one word, 64 = a cache line); XBZRLE encodes only what changed.',
    ),
    rogueSharePct: num(0, 100, 0, 'Share of the writes made by one rogue process that stunning can freeze, in %.'),
    phases: z.array(phaseSchema).max(32).default([]).describe('Workload changes at given simulated times (up to 32).'),
  })
  .prefault({});

const networkSchema = z
  .strictObject({
    linkMbps: num(1, 400_000, 1000, 'Link bandwidth between the hosts, in Mbit/s.'),
    capMbps: num(0, 400_000, 0, 'Migration bandwidth cap (throttle) in Mbit/s; 0 = no cap.'),
    rttMs: num(0, 1000, 0.5, 'Round-trip time between the hosts, in ms.'),
    capScheduleMbps: z
      .array(z.number().min(0).max(400_000))
      .max(64)
      .default([])
      .describe('Cap per pre-copy round in Mbit/s (round 1 first; the last value repeats); empty = capMbps.'),
    adaptiveMinMbps: num(
      0,
      400_000,
      0,
      "Xen 2005's dynamic rate limiting (Clark et al.): first round's rate, in Mbit/s; each later round at the last round's dirtying rate plus adaptiveStepMbps; 0 = off. Textbook passes only.",
    ),
    adaptiveMaxMbps: num(1, 400_000, 500, "Dynamic rate limiting: the highest rate, also the final copy's, in Mbit/s."),
    adaptiveStepMbps: num(
      0,
      400_000,
      50,
      'Dynamic rate limiting: added to the dirtying rate for the next round, in Mbit/s.',
    ),
    vmTrafficMbps: num(0, 400_000, 0, "The VM's own network traffic on the source link, in Mbit/s."),
    otherTrafficMbps: num(0, 400_000, 0, 'Traffic other services on the source host want to send, in Mbit/s.'),
  })
  .prefault({});

const precopySchema = z
  .strictObject({
    stopRule: z
      .enum(STOP_RULES)
      .default('qemu')
      .describe(
        'qemu: dirty bytes fit in bandwidth x downtime limit; xen: <50 pages or round cap; ' +
          'xen-legacy: also stops past 3x memory sent; no-progress: stop when a round barely shrinks the dirty set.',
      ),
    downtimeLimitMs: num(1, 2_000_000, 300, 'Longest acceptable blackout, in ms (QEMU default 300).'),
    maxIterations: int(
      0,
      10_000,
      30,
      'Cap on live pre-copy rounds under every stop rule (0 = no cap, as in QEMU itself).',
    ),
    onNoConvergence: z
      .enum(['stop-and-copy', 'abort'])
      .default('stop-and-copy')
      .describe('What happens when the cap or timeout is reached before convergence.'),
    timeoutS: num(0, 1e7, 0, 'Give up pre-copy after this many simulated seconds (0 = no timeout).'),
    autoConverge: flag(false, "Throttle the guest's vCPUs when it dirties memory faster than it is sent."),
    throttledSpeedPct: num(
      1,
      100,
      85,
      "Auto-converge: under a throttle p the guest runs at this % of (1 - p) of its own speed: the throttle's effectiveness (100 = ideal; fitted to a real QEMU run: 85).",
    ),
    throttleInitialPct: num(1, 99, 20, 'Auto-converge: first throttle step, in %.'),
    throttleIncrementPct: num(1, 99, 10, 'Auto-converge: added per further step, in %.'),
    throttleMaxPct: num(1, 99, 99, 'Auto-converge: highest throttle, in %.'),
    throttleTriggerPct: num(1, 100, 50, 'Auto-converge: step when bytes dirtied exceed this % of bytes sent.'),
    trackFromBoot: flag(false, 'Dirty tracking ran since boot, so round 1 skips pages never written.'),
    zeroPageDetection: flag(true, 'Send never-written pages as tiny markers instead of full pages.'),
    freePageHinting: flag(false, 'The guest tells the host which pages are free, so they are not sent.'),
    stunRogue: flag(false, 'The guest freezes its rogue process when pre-copy stops shrinking the dirty set.'),
    xbzrle: flag(
      false,
      'XBZRLE: after the first pass, send a cached page as the XOR delta to its last sent copy (never in post-copy).',
    ),
    xbzrleCacheMiB: num(
      1,
      1_048_576,
      64,
      'XBZRLE cache size, in MiB (QEMU default 64; rounded down to a power of 2 pages).',
    ),
    xbzrleEncodeUs: num(
      0,
      1000,
      3,
      'XBZRLE: source CPU time to look up and delta-encode one 4 KiB page, in microseconds.',
    ),
    xenTargetDirtyPages: int(0, 1_000_000, 50, 'xen rules: stop when fewer pages than this are dirty.'),
    xenMaxSentFactor: num(0, 100, 3, 'xen-legacy: stop once this many times the memory has been sent.'),
    noProgressMiB: num(0, 1_048_576, 1, 'no-progress: stop when a round shrinks the dirty set by less, in MiB.'),
  })
  .prefault({});

const postcopySchema = z
  .strictObject({
    prepaging: z
      .enum(PREPAGING)
      .default('forward')
      .describe('none: push in address order; forward: continue after each fault (QEMU); bubble: around it.'),
    preempt: flag(false, 'Faulted pages skip the queue of pushed pages (postcopy-preempt).'),
    capMbps: num(0, 400_000, 0, 'Bandwidth cap of the background push in Mbit/s; 0 = no cap.'),
    queueKiB: num(
      0,
      65_536,
      256,
      'Most pushed data queued on the socket ahead of a faulted page without preempt, in KiB (never more than is left to push).',
    ),
    placeUs: num(
      0,
      1000,
      0,
      'Destination CPU time to place one 4 KiB page during post-copy (UFFDIO_COPY), in microseconds; slows the push when it binds.',
    ),
    recoveryMs: num(
      0,
      86_400_000,
      30_000,
      'After switchover, a network loss longer than this cannot be recovered: the VM is lost, in ms.',
    ),
  })
  .prefault({});

const hybridSchema = z
  .strictObject({
    switchAfterRounds: int(1, 1000, 2, 'Pre-copy rounds before switching to post-copy.'),
    switchAtMs: num(0, 1e9, 0, 'Switch to post-copy at this simulated time instead, in ms (0 = use rounds).'),
  })
  .prefault({});

const hostSchema = z
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

const destinationSchema = z
  .strictObject({
    freeMemoryMiB: num(0, 16_777_216, 16_777_216, 'Memory free on the destination host, in MiB.'),
    freeVcpus: int(0, 4096, 64, 'vCPUs free on the destination host.'),
    cpuFeaturesMatch: flag(true, "The destination's CPU offers every feature the guest was started with."),
    firmwareMatch: flag(true, 'The destination runs a firmware version this VM can resume on.'),
    driversMatch: flag(true, 'Hypervisor and device-model versions on the destination are compatible.'),
  })
  .prefault({});

export const DISK_MODES = ['network', 'copy', 'leave-behind'] as const;
export const NOT_LIVE_RESPONSES = ['refuse', 'drain-checkpoint', 'terminate-restart', 'paravirtual'] as const;

const resourcesSchema = z
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

const devicesSchema = z
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

export const FAULT_KINDS = ['network-drop', 'destination-crash', 'source-crash', 'link-degradation'] as const;
export const FAULT_MOMENTS = ['at-time', 'brownout', 'blackout', 'after-commit'] as const;

const faultSchema = z.strictObject({
  kind: z.enum(FAULT_KINDS).describe('What fails.'),
  when: z
    .enum(FAULT_MOMENTS)
    .default('at-time')
    .describe('at-time: at atMs; brownout, blackout, after-commit: atMs after that step begins.'),
  atMs: num(0, 1e9, 0, 'Simulated time of the fault, or its delay after the step begins, in ms.'),
  durationMs: num(0, 1e8, 2000, 'network-drop: how long the link carries nothing, in ms.'),
  factorPct: num(1, 100, 10, 'link-degradation: the link keeps this share of its speed, in %.'),
});

const interventionSchema = z.strictObject({
  atMs: num(0, 1e9, 0, 'Simulated time of the change, in ms.'),
  path: z.enum(INTERVENTION_PATHS).describe('The parameter that changes.'),
  value: z.union([z.number(), z.boolean(), z.enum(WRITE_PATTERNS)]).describe('Its new value.'),
});

const selfMigrationSchema = z
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

const outputSchema = z
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

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION).default(SCENARIO_VERSION).describe('Scenario format version.'),
  profile: z
    .enum(PROFILES)
    .default('lab')
    .describe(
      "lab: the total time counts allocation and validation; qemu: QEMU's semantics: no round cap (precopy.maxIterations 0) and total time from the migrate command, as QEMU's total-time.",
    ),
  name: z.string().max(120).default('').describe('A title for the scenario.'),
  strategy: z.enum(STRATEGIES).default('precopy').describe('How memory moves.'),
  variant: z
    .enum(VARIANTS)
    .default('managed')
    .describe(
      'Who drives it: managed: the hypervisor alone (the guest never knows); paravirtual: the hypervisor with help from a modified guest (free-page hints, stunning); self: the guest OS copies itself. Left out: paravirtual when precopy.freePageHinting or precopy.stunRogue is on, else managed.',
    ),
  seed: int(0, 4_294_967_295, 1, 'Seed of the random write stream; same seed, same trace.'),
  vm: vmSchema,
  workload: workloadSchema,
  network: networkSchema,
  precopy: precopySchema,
  postcopy: postcopySchema,
  hybrid: hybridSchema,
  host: hostSchema,
  interventions: z
    .array(interventionSchema)
    .max(64)
    .default([])
    .describe('Parameter changes at given simulated times (up to 64).'),
  destination: destinationSchema,
  resources: resourcesSchema,
  devices: devicesSchema,
  faults: z.array(faultSchema).max(8).default([]).describe('Faults to inject (up to 8).'),
  selfMigration: selfMigrationSchema,
  output: outputSchema,
});

/** A scenario as written by a person: every field optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in: what the engine runs. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Strategy = (typeof STRATEGIES)[number];
export type Profile = (typeof PROFILES)[number];
export type WritePattern = (typeof WRITE_PATTERNS)[number];
export type StopRule = (typeof STOP_RULES)[number];
export type Intervention = Scenario['interventions'][number];
export type WorkloadPhase = Scenario['workload']['phases'][number];
export type WorkloadPreset = (typeof WORKLOAD_PRESETS)[number];
export type Fault = Scenario['faults'][number];
export type FaultKind = (typeof FAULT_KINDS)[number];
export type Variant = (typeof VARIANTS)[number];
export type ConfidentialKind = (typeof CONFIDENTIAL_KINDS)[number];
