// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MigrationRun, runScenario } from '../../../src/engine/run';
import type { Summary, Trace } from '../../../src/engine/trace/types';
import { bytesPerSec, ideal, PAGE_WIRE } from '../../support/scenarios';

const M = 4 * 1073741824;
/** One pass of all 4 GiB as full pages over 1 Gbit/s, in ms. */
const PASS_MS = ((M / 4096) * PAGE_WIRE * 1000) / bytesPerSec(1000);

/** Bytes and time add up over the rounds, simulated or computed. */
function addsUp(t: Trace): void {
  const s = t.summary;
  expect(s.rounds.reduce((sum, r) => sum + r.bytesSent, 0)).toBeCloseTo(s.precopyBytes, 0);
  expect(s.bytesTransferred).toBeCloseTo(s.precopyBytes + s.downtimeBytes + s.postcopyBytes, 0);
  for (let i = 1; i < s.rounds.length; i++) expect(s.rounds[i].startMs).toBeCloseTo(s.rounds[i - 1].endMs, 6);
  if (s.pausedAtMs !== null) expect(s.rounds[s.rounds.length - 1].endMs).toBeCloseTo(s.pausedAtMs, 6);
}

describe('a run whose outcome is decided reaches its verdict without simulating every round', () => {
  /** The case: ?v=1&workload.writeRateMiBps=2000&workload.wssMiB=4096&workload.pattern=uniform */
  const writer = { workload: { writeRateMiBps: 2000, wssMiB: 4096, pattern: 'uniform' as const } };
  /** The same writer on a quarter of the memory: rounds a quarter as long, quicker to test. */
  const smaller = {
    vm: { memoryMiB: 1024, usedMiB: 512 },
    workload: { writeRateMiBps: 500, wssMiB: 1024, pattern: 'uniform' as const },
  };

  it('the round cap is reached (30 rounds), the rest forced through as precopy.onNoConvergence says', () => {
    const t = runScenario(writer);
    const s = t.summary;
    expect(s.stopReason).toBe('max-iterations');
    expect(s.iterations).toBe(30);
    expect(s.outcome).toBe('completed');
    expect(s.converged).toBe(false);
    // Every round of a saturated writer sends all of memory again (G6: the dirty set pins at M).
    for (const r of s.rounds.slice(1)) expect(r.dirtyPagesAtEnd).toBe(1_048_576);
    // The forced blackout sends the whole dirty set at the link: M / B (G7).
    expect(s.downtimeMs / 1000).toBeCloseTo(34.4, 0);
    expect(s.fastForward).not.toBeNull();
    expect(t.events.some((e) => e.kind === 'fast-forward')).toBe(true);
    expect(s.rounds.filter((r) => r.end === 'fast-forward').length).toBe(
      s.fastForward!.lastRound - s.fastForward!.firstRound + 1,
    );
    addsUp(t);
  });

  it('with onNoConvergence abort, the cap ends the migration and the VM stays on the source', () => {
    const s = runScenario({ ...smaller, precopy: { onNoConvergence: 'abort' } }).summary;
    expect(s.iterations).toBe(30);
    expect(s.outcome).toBe('aborted');
    expect(s.vmLocation).toBe('source');
    expect(s.downtimeMs).toBe(0);
  });

  it('G6 with no cap and no timeout: QEMU would copy forever, so the run ends unfinished and says why', () => {
    const t = runScenario(ideal({ workload: { pattern: 'sequential', writeRateMiBps: 150e6 / 1048576 } }));
    const s = t.summary;
    expect(s.outcome).toBe('unfinished');
    expect(s.stopReason).toBe('never-converges');
    expect(s.converged).toBe(false);
    expect(s.downtimeMs).toBe(0);
    expect(s.vmLocation).toBe('source');
    const decision = t.events.find((e) => e.kind === 'stop-decision');
    expect(decision).toMatchObject({ rule: 'never-converges' });
    // It said so after a few rounds, not after ten minutes of identical ones.
    expect(s.totalTimeMs).toBeLessThan(6 * PASS_MS);
    addsUp(t);
  });

  it('G7: Xen v2 with a far cap (100 rounds) sends about 100 M live and then forces a blackout of M / B', () => {
    const t = runScenario(
      ideal({
        workload: { pattern: 'sequential', writeRateMiBps: 150e6 / 1048576 },
        precopy: { stopRule: 'xen', maxIterations: 100 },
      }),
    );
    const s = t.summary;
    expect(s.iterations).toBe(100);
    expect(s.stopReason).toBe('max-iterations');
    expect(s.precopyBytes / ((M / 4096) * PAGE_WIRE)).toBeCloseTo(100, 1);
    expect(s.downtimeMs / 1000).toBeCloseTo(34.4, 0);
    expect(s.totalTimeMs / PASS_MS).toBeCloseTo(101, 1);
    expect(s.fastForward).not.toBeNull();
    addsUp(t);
  });

  it('G9: a 64 MiB hot set at 1 Gbit/s never fits 300 ms (W / B = 537 ms): never-converging, not a ten-minute run', () => {
    const s: Summary = runScenario(
      ideal({ vm: { memoryMiB: 1024 }, workload: { pattern: 'uniform', wssMiB: 64, writeRateMiBps: 4000 } }),
    ).summary;
    expect(s.outcome).toBe('unfinished');
    expect(s.stopReason).toBe('never-converges');
    expect(s.totalTimeMs).toBeLessThan(60_000);
  });

  it('a timeout far away is reached at its time, with the rounds in between computed', () => {
    const s = runScenario({
      ...smaller,
      precopy: { maxIterations: 0, timeoutS: 3600, onNoConvergence: 'abort' },
    }).summary;
    expect(s.stopReason).toBe('timeout');
    expect(s.outcome).toBe('aborted');
    expect(s.totalTimeMs).toBeGreaterThanOrEqual(3_600_000);
    expect(s.totalTimeMs).toBeLessThan(3_600_000 + PASS_MS / 2);
    expect(s.fastForward).not.toBeNull();
  });

  it('anything scheduled ahead (an intervention) keeps every round simulated', () => {
    const run = new MigrationRun({
      ...smaller,
      precopy: { maxIterations: 8 },
      interventions: [{ atMs: 60_000, path: 'network.linkMbps', value: 2000 }],
    });
    const s = run.runToEnd().summary;
    expect(s.fastForward).toBeNull();
    expect(s.iterations).toBe(8);
  });
});
