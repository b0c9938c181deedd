import fc from 'fast-check';
import { FAULT_KINDS, FAULT_MOMENTS, INTERVENTION_PATHS, type ScenarioInput } from '../../src/engine/scenario/schema';

const pct = (max = 100) => fc.integer({ min: 0, max });

const intervention = fc.record({
  atMs: fc.integer({ min: 0, max: 20_000 }),
  path: fc.constantFrom(...INTERVENTION_PATHS),
  level: pct(),
});

/** A fault at a random point: any kind, tied to any moment, short or long. */
export const anyFault = fc.record({
  kind: fc.constantFrom(...FAULT_KINDS),
  when: fc.constantFrom(...FAULT_MOMENTS),
  atMs: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 12_000 })),
  durationMs: fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 4000, max: 40_000 })),
  factorPct: fc.integer({ min: 1, max: 100 }),
});

/**
 * Any valid scenario small enough to run in a blink: every strategy, rule, pattern and lever (the qemu
 * profile, XBZRLE, dynamic rate limiting and the hosts' copy ceilings among them), and in about half of
 * them up to two injected faults at random points.
 */
export const anyScenario: fc.Arbitrary<ScenarioInput> = fc
  .noBias(
    fc.record({
      strategy: fc.constantFrom('precopy', 'postcopy', 'hybrid', 'stopcopy'),
      stopRule: fc.constantFrom('qemu', 'xen', 'xen-legacy', 'no-progress'),
      memoryMiB: fc.constantFrom(64, 128, 256),
      hugePages: fc.integer({ min: 0, max: 9 }),
      usedPct: pct(),
      wssPct: pct(),
      freePct: pct(50),
      pattern: fc.constantFrom('uniform', 'hotcold', 'sequential', 'zipf'),
      writeRateMiBps: fc.integer({ min: 0, max: 400 }),
      burst: fc.boolean(),
      rogueSharePct: pct(),
      linkMbps: fc.integer({ min: 100, max: 10_000 }),
      capMbps: fc.oneof(fc.constant(0), fc.integer({ min: 50, max: 5000 })),
      rttTenthsMs: fc.integer({ min: 0, max: 100 }),
      vmTrafficMbps: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 800 })),
      otherTrafficMbps: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 800 })),
      downtimeLimitMs: fc.integer({ min: 5, max: 2000 }),
      maxIterations: fc.integer({ min: 1, max: 20 }),
      timeoutS: fc.integer({ min: 0, max: 30 }),
      onNoConvergence: fc.constantFrom('stop-and-copy', 'abort'),
      autoConverge: fc.boolean(),
      trackFromBoot: fc.boolean(),
      zeroPageDetection: fc.boolean(),
      freePageHinting: fc.boolean(),
      stunRogue: fc.boolean(),
      prepaging: fc.constantFrom('none', 'forward', 'bubble'),
      preempt: fc.boolean(),
      switchAfterRounds: fc.integer({ min: 1, max: 4 }),
      switchAtMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
      deviceStateKiB: fc.integer({ min: 0, max: 2048 }),
      interventions: fc.array(intervention, { maxLength: 3 }),
      faults: fc.oneof(fc.array(anyFault, { maxLength: 0 }), fc.array(anyFault, { minLength: 1, maxLength: 2 })),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
      fidelity: fc.record({
        qemuProfile: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
        xbzrle: fc.boolean(),
        xbzrleCacheMiB: fc.constantFrom(1, 4, 64),
        adaptiveMinMbps: fc.oneof(fc.constant(0), fc.integer({ min: 50, max: 2000 })),
        adaptiveSpanMbps: fc.integer({ min: 0, max: 5000 }),
        sendMiBps: fc.oneof(fc.constant(0), fc.integer({ min: 20, max: 2000 })),
        receiveMiBps: fc.oneof(fc.constant(0), fc.integer({ min: 20, max: 2000 })),
        passStartMs: fc.integer({ min: 0, max: 50 }),
        placeUs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })),
        readsPerWrite: fc.integer({ min: 0, max: 4 }),
        throttledSpeedPct: fc.integer({ min: 50, max: 100 }),
        writeBytes: fc.constantFrom(8, 64, 512, 4096),
      }),
    }),
  )
  .map((r): ScenarioInput => {
    const usedMiB = Math.round((r.memoryMiB * r.usedPct) / 100);
    const wssMiB = Math.round((r.memoryMiB * r.wssPct) / 100);
    const f = r.fidelity;
    // The qemu profile has QEMU's one stop rule and no round cap; dynamic rate limiting needs whole passes.
    const stopRule = f.qemuProfile ? 'qemu' : r.stopRule;
    const adaptiveMinMbps = stopRule === 'qemu' ? 0 : f.adaptiveMinMbps;
    return {
      profile: f.qemuProfile ? 'qemu' : 'lab',
      strategy: r.strategy,
      seed: r.seed,
      vm: {
        memoryMiB: r.memoryMiB,
        usedMiB,
        pageKiB: r.hugePages === 0 ? 2048 : 4,
        freeMiB: Math.floor((usedMiB * r.freePct) / 100),
        deviceStateKiB: r.deviceStateKiB,
      },
      workload: {
        pattern: r.pattern,
        writeRateMiBps: r.writeRateMiBps,
        wssMiB,
        burstPeriodMs: r.burst ? 1000 : 0,
        burstDutyPct: r.burst ? 40 : 100,
        rogueSharePct: r.rogueSharePct,
        readsPerWrite: f.readsPerWrite,
        writeBytes: f.writeBytes,
      },
      network: {
        linkMbps: r.linkMbps,
        capMbps: r.capMbps,
        rttMs: r.rttTenthsMs / 10,
        vmTrafficMbps: r.vmTrafficMbps,
        otherTrafficMbps: r.otherTrafficMbps,
        adaptiveMinMbps,
        adaptiveMaxMbps: Math.max(1, adaptiveMinMbps + f.adaptiveSpanMbps),
      },
      precopy: {
        stopRule,
        downtimeLimitMs: r.downtimeLimitMs,
        maxIterations: f.qemuProfile ? 0 : r.maxIterations,
        timeoutS: r.timeoutS,
        onNoConvergence: r.onNoConvergence,
        autoConverge: r.autoConverge,
        trackFromBoot: r.trackFromBoot,
        zeroPageDetection: r.zeroPageDetection,
        freePageHinting: r.freePageHinting,
        stunRogue: r.stunRogue,
        throttledSpeedPct: f.throttledSpeedPct,
        xbzrle: f.xbzrle,
        xbzrleCacheMiB: f.xbzrleCacheMiB,
      },
      postcopy: { prepaging: r.prepaging, preempt: r.preempt, placeUs: f.placeUs },
      host: { sendMiBps: f.sendMiBps, receiveMiBps: f.receiveMiBps, passStartMs: f.passStartMs },
      hybrid: { switchAfterRounds: r.switchAfterRounds, switchAtMs: r.switchAtMs },
      faults: r.faults,
      interventions: r.interventions.map((iv) => ({
        atMs: iv.atMs,
        path: iv.path,
        value:
          iv.path === 'workload.pattern'
            ? (['uniform', 'hotcold', 'sequential', 'zipf'] as const)[iv.level % 4]
            : iv.path === 'precopy.autoConverge'
              ? iv.level % 2 === 0
              : iv.path === 'workload.wssMiB'
                ? Math.round((r.memoryMiB * iv.level) / 100)
                : iv.path === 'network.linkMbps'
                  ? 50 + iv.level * 50
                  : iv.path === 'precopy.downtimeLimitMs'
                    ? 1 + iv.level * 10
                    : iv.level * 10,
      })),
    };
  });
