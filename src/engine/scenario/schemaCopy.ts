import * as z from 'zod';
import { PREPAGING, STOP_RULES } from './choices';
import { flag, int, num } from './fieldTypes';

/** How memory crosses, sections of the scenario format: the network, pre-copy, post-copy and hybrid. */

export const networkSchema = z
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

export const precopySchema = z
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
    autoConverge: flag(
      false,
      "Throttle the guest's vCPUs in steps while it dirties too much for pre-copy to converge (see throttleTriggerPct).",
    ),
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

export const postcopySchema = z
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

export const hybridSchema = z
  .strictObject({
    switchAfterRounds: int(1, 1000, 2, 'Pre-copy rounds before switching to post-copy.'),
    switchAtMs: num(0, 1e9, 0, 'Switch to post-copy at this simulated time instead, in ms (0 = use rounds).'),
  })
  .prefault({});
