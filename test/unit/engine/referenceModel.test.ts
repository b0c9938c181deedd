// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_STATE_COUNT } from '../../../src/engine/memory/pageState';
import { MigrationRun } from '../../../src/engine/run';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';
import { ReferenceModel } from '../../support/referenceModel';

/** Small random scenarios inside what the reference model covers. */
const smallScenario: fc.Arbitrary<ScenarioInput> = fc
  .noBias(
    fc.record({
      strategy: fc.constantFrom('precopy', 'precopy', 'hybrid', 'stopcopy', 'postcopy'),
      stopRule: fc.constantFrom('qemu', 'xen'),
      memoryMiB: fc.constantFrom(64, 96),
      usedPct: fc.integer({ min: 0, max: 100 }),
      wssPct: fc.integer({ min: 0, max: 100 }),
      pattern: fc.constantFrom('uniform', 'hotcold', 'sequential', 'zipf'),
      writeRateMiBps: fc.integer({ min: 0, max: 150 }),
      linkMbps: fc.integer({ min: 400, max: 4000 }),
      capMbps: fc.oneof(fc.constant(0), fc.integer({ min: 150, max: 3000 })),
      rttTenthsMs: fc.integer({ min: 0, max: 20 }),
      downtimeLimitMs: fc.integer({ min: 5, max: 500 }),
      maxIterations: fc.integer({ min: 1, max: 8 }),
      onNoConvergence: fc.constantFrom('stop-and-copy', 'abort'),
      trackFromBoot: fc.boolean(),
      zeroPageDetection: fc.boolean(),
      prepaging: fc.constantFrom('none', 'forward'),
      preempt: fc.boolean(),
      switchAfterRounds: fc.integer({ min: 1, max: 3 }),
      deviceStateKiB: fc.integer({ min: 0, max: 512 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    }),
  )
  .map((r) => {
    const usedMiB = Math.round((r.memoryMiB * r.usedPct) / 100);
    return {
      strategy: r.strategy,
      seed: r.seed,
      vm: { memoryMiB: r.memoryMiB, usedMiB, deviceStateKiB: r.deviceStateKiB, vcpus: 2 },
      workload: {
        pattern: r.pattern,
        writeRateMiBps: r.writeRateMiBps,
        wssMiB: Math.round((r.memoryMiB * r.wssPct) / 100),
      },
      network: { linkMbps: r.linkMbps, capMbps: r.capMbps, rttMs: r.rttTenthsMs / 10 },
      precopy: {
        stopRule: r.stopRule,
        downtimeLimitMs: r.downtimeLimitMs,
        maxIterations: r.maxIterations,
        onNoConvergence: r.onNoConvergence,
        trackFromBoot: r.trackFromBoot,
        zeroPageDetection: r.zeroPageDetection,
      },
      postcopy: { prepaging: r.prepaging, preempt: r.preempt },
      hybrid: { switchAfterRounds: r.switchAfterRounds },
      host: { allocateMs: 0, validateMs: 0 },
    } satisfies ScenarioInput;
  });

function compareSlice(run: MigrationRun, ref: ReferenceModel, slice: number): void {
  const s = run.state;
  const where = `after slice ${slice} (t = ${ref.tMs.toFixed(3)} ms)`;
  expect(s.tMs, `time ${where}`).toBeCloseTo(ref.tMs, 6);
  expect(s.toSend.count, `pages marked for sending ${where}`).toBe(ref.markedCount);
  expect(s.log.count, `pages in the dirty log ${where}`).toBe(ref.loggedCount);
  expect(s.counters.transferredBytes, `bytes sent ${where}`).toBeCloseTo(ref.transferred, 3);
  for (let state = 0; state < PAGE_STATE_COUNT; state++)
    expect(s.mem.count(state as never), `pages in state ${state} ${where}`).toBe(ref.stateCount(state));
}

describe('the fast engine agrees with the page-by-page reference model', () => {
  it('slice by slice, over random small scenarios', () => {
    fc.assert(
      fc.property(smallScenario, (scenario) => {
        const run = new MigrationRun(scenario);
        const ref = new ReferenceModel(run.scenario, run.stepMs);
        // The reference does the connection set-up at once; let the engine get there.
        while (run.phase === 'setup') run.step();
        compareSlice(run, ref, 0);
        let slice = 0;
        while (!run.done) {
          run.step();
          ref.step();
          compareSlice(run, ref, ++slice);
          expect(slice).toBeLessThan(200_000);
        }
        expect(ref.phase).toBe('done');
        const summary = run.trace().summary;
        expect(summary.outcome).toBe(ref.outcome);
        expect(summary.precopyBytes).toBeCloseTo(ref.precopyBytes, 3);
        expect(summary.downtimeBytes).toBeCloseTo(ref.downtimeBytes, 3);
        expect(summary.postcopyBytes).toBeCloseTo(ref.postcopyBytes, 3);
        expect(summary.postcopyFaults).toBe(ref.faults);
        expect(summary.rounds.map((r) => [r.pagesSent, r.dirtyPagesAtEnd])).toEqual(
          ref.rounds.map((r) => [r.pagesSent, r.dirtyPagesAtEnd]),
        );
        summary.rounds.forEach((r, i) => {
          expect(r.startMs).toBeCloseTo(ref.rounds[i].startMs, 6);
          expect(r.endMs).toBeCloseTo(ref.rounds[i].endMs, 6);
          expect(r.bytesSent).toBeCloseTo(ref.rounds[i].bytesSent, 3);
        });
        if (ref.outcome === 'completed')
          expect(summary.downtimeMs).toBeCloseTo(ref.blackoutEndMs - ref.blackoutStartMs, 6);
      }),
      { numRuns: 30, seed: 20261126 },
    );
    // The reference recounts every page after every slice: about 30 s on a busy two-core machine.
  }, 120_000);
});
