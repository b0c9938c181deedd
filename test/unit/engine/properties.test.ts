// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MigrationRun, runScenario } from '../../../src/engine/run';
import { traceToJson } from '../../../src/engine/trace/serialize';
import type { Trace } from '../../../src/engine/trace/types';
import { anyScenario } from '../../support/arbitraries';
import { blackoutPartsMs } from '../../support/blackout';

/** Every number anywhere in the trace, with where it sits. */
function* numbersIn(value: unknown, path = 'trace'): Generator<[string, number]> {
  if (typeof value === 'number') yield [path, value];
  else if (ArrayBuffer.isView(value)) {
    const arr = value as unknown as ArrayLike<number>;
    for (let i = 0; i < arr.length; i++) yield [`${path}[${i}]`, arr[i]];
  } else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* numbersIn(value[i], `${path}[${i}]`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* numbersIn(v, `${path}.${k}`);
}

const SETTINGS = { numRuns: 60, seed: 424242 };

describe('properties over random valid scenarios', () => {
  it('a completed migration leaves every page on the destination in its last version', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const run = new MigrationRun(scenario, { audit: true });
        const s = run.runToEnd().summary;
        const audit = run.state.audit!;
        expect(audit.staleTouches, 'the destination never runs on a stale page').toBe(0);
        if (s.outcome !== 'completed') return;
        for (let p = 0; p < audit.version.length; p++)
          if (audit.destination[p] !== audit.version[p]) expect.fail(`page ${p} is stale on the destination`);
        expect(run.state.toSend.count).toBe(0);
        expect(run.state.stalePages).toBe(0);
      }),
      SETTINGS,
    );
  });

  it('bytes add up over rounds and phases; downtime <= total time; aborted runs never pause', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const trace = runScenario(scenario);
        const s = trace.summary;
        expect(s.bytesTransferred).toBeCloseTo(s.precopyBytes + s.downtimeBytes + s.postcopyBytes, 3);
        if (s.strategy === 'precopy' || s.strategy === 'hybrid')
          expect(s.precopyBytes).toBeCloseTo(
            s.rounds.reduce((sum, r) => sum + r.bytesSent, 0),
            3,
          );
        expect(s.downtimeMs).toBeLessThanOrEqual(s.totalTimeMs);
        const phaseTime = trace.phases.reduce((sum, p) => sum + (p.endMs - p.startMs), 0);
        // The phases cover the whole run; under the qemu profile the total time starts at the migrate command.
        expect(phaseTime).toBeCloseTo(s.migrateStartMs + s.totalTimeMs, 6);
        if (scenario.profile !== 'qemu') expect(s.migrateStartMs).toBe(0);
        // An abort decided by the stop rule comes before any pause (a fault may strike during the blackout).
        if (s.outcome === 'aborted' && s.stopReason !== 'fault') {
          expect(s.downtimeMs).toBe(0);
          expect(s.pausedAtMs).toBeNull();
        }
        if (s.strategy === 'stopcopy') expect(s.downtimeMs).toBeCloseTo(s.totalTimeMs - s.setupTimeMs, 6);
        for (let i = 1; i < s.rounds.length; i++)
          expect(s.rounds[i].startMs).toBeGreaterThanOrEqual(s.rounds[i - 1].endMs);
      }),
      SETTINGS,
    );
  });

  it('the blackout parts add up to the downtime, and a run ended by a fault keeps its rounds', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const s = runScenario(scenario).summary;
        // Cut short by a fault or not, every millisecond of the blackout is in one of its parts.
        if (s.blackout) {
          const b = s.blackout;
          const parts = blackoutPartsMs(b);
          expect(parts).toBeCloseTo(s.downtimeMs, 6);
          if (s.resumedAtMs !== null) expect(b.pageBytes + b.zeroBytes + b.deviceBytes).toBeCloseTo(s.downtimeBytes, 3);
        }
        const lost = Object.values(s.vmLost).reduce((a, b) => a + b, 0);
        expect(lost / 1000).toBeCloseTo(s.vmLostSeconds, 6);
        if (s.precopyBytes > 0 && (s.strategy === 'precopy' || s.strategy === 'hybrid'))
          expect(s.iterations).toBeGreaterThan(0);
      }),
      SETTINGS,
    );
  });

  it('only a completed migration frees the source; a VM that ran on the destination is never reported back on the source', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const t = runScenario(scenario);
        const s = t.summary;
        const deleted = t.lifecycle.find((x) => x.step === 'delete-source')!;
        if (deleted.status === 'done') expect([s.outcome, s.vmLocation]).toEqual(['completed', 'destination']);
        const ranThere = t.events.some((e) => e.kind === 'resumed' && e.host === 'destination');
        if (ranThere) expect(s.outcome).not.toBe('aborted');
        if (s.outcome === 'aborted') expect(s.vmLocation).toBe('source');
      }),
      SETTINGS,
    );
  });

  it('no figure anywhere in a trace is NaN, infinite or negative', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const trace: Trace = runScenario(scenario);
        for (const [where, n] of numbersIn({ ...trace, scenario: undefined })) {
          if (!Number.isFinite(n)) expect.fail(`${where} is ${n}`);
          if (n < 0) expect.fail(`${where} is negative: ${n}`);
        }
      }),
      { ...SETTINGS, numRuns: 30 },
    );
  });

  it('the same scenario and seed give a byte-identical trace', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        expect(traceToJson(runScenario(scenario))).toBe(traceToJson(runScenario(scenario)));
      }),
      { ...SETTINGS, numRuns: 15 },
    );
  });

  it('a different seed changes the write stream (so the seed really is used)', () => {
    const base = { workload: { pattern: 'uniform' as const, writeRateMiBps: 80, wssMiB: 256 } };
    const a = runScenario({ ...base, seed: 1 }).summary;
    const b = runScenario({ ...base, seed: 2 }).summary;
    expect(a.bytesTransferred).not.toBe(b.bytesTransferred);
  });
});
