import * as z from 'zod';
import { CONFIDENTIAL_KINDS, PAGE_ACCEPTANCE, WORKLOAD_PRESETS, WRITE_PATTERNS } from './choices';
import { flag, int, num } from './fieldTypes';

/** The guest's sections of the scenario format: the VM (and its confidential computing) and its workload. */

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

export const vmSchema = z
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
export const workloadSchema = z
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
