// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { HINES_2009, PUBLISHED_SETUPS, publishedScenario } from '../../../src/engine/scenario/publishedSetups';

/**
 * The web and game presets under the setups their papers describe reproduce the published downtime and
 * total time within 25 %; the web preset under Hines and Gopalan's post-copy setup keeps network faults
 * within their 21 % of the working set, with the total close to a non-live copy. Sources: docs/presets.md.
 */
const within25 = (actual: number, published: number) => Math.abs(actual - published) / published <= 0.25;

describe('presets reproduce published migrations', () => {
  it.each(PUBLISHED_SETUPS.map((p) => [p.what, p] as const))('%s', (_what, p) => {
    const s = runScenario(publishedScenario(p.setup, p.preset)).summary;
    expect(s.outcome).toBe('completed');
    expect(within25(s.downtimeMs, p.downtimeMs!), `downtime ${s.downtimeMs} ms vs ${p.downtimeMs}`).toBe(true);
    expect(within25(s.totalTimeMs, p.totalTimeMs!), `total ${s.totalTimeMs} ms vs ${p.totalTimeMs}`).toBe(true);
    // Dynamic rate limiting: the first round at 100 Mbit/s, later ones faster, never above 500.
    expect(s.rounds[0].capMbps).toBe(100);
    expect(Math.max(...s.rounds.map((r) => r.capMbps))).toBeLessThanOrEqual(500);
    expect(s.rounds.at(-1)!.capMbps).toBeGreaterThan(100);
  });

  it('dynamic rate limiting: each round at the last one’s dirtying rate plus 50 Mbit/s; the final copy at 500', () => {
    const p = PUBLISHED_SETUPS[0];
    const s = runScenario(publishedScenario(p.setup, p.preset)).summary;
    for (let i = 1; i < s.rounds.length; i++) {
      const r = s.rounds[i - 1];
      const dirtyingMbps = (r.newlyDirtiedPages * 4096 * 8) / ((r.endMs - r.startMs) * 1000);
      expect(s.rounds[i].capMbps).toBeCloseTo(Math.max(100, dirtyingMbps + 50), 6);
    }
    // Stopped because keeping up would take more than the maximum.
    expect(s.stopReason).toBe('rate-above-max');
    const last = s.rounds.at(-1)!;
    const finalBytes = last.dirtyPagesAtEnd * 4104 + 256 * 1024;
    const copyMs = (finalBytes * 8) / (500 * 1000);
    expect(s.downtimeMs).toBeCloseTo(copyMs + 1 + 0.2, 1);
  });

  it('the old presets did not: the same setups gave a few ms of downtime', () => {
    // What the issue measured (4.9 ms and 3.8 ms) came from much lighter workloads; keep that contrast honest.
    const light = runScenario({
      ...PUBLISHED_SETUPS[0].setup,
      workload: { pattern: 'hotcold', writeRateMiBps: 40, wssMiB: 95, hotFractionPct: 10, hotWriteSharePct: 80 },
    }).summary;
    expect(light.downtimeMs).toBeLessThan(0.5 * PUBLISHED_SETUPS[0].downtimeMs!);
  });

  it('post-copy (Hines and Gopalan): faults within 21 % of the working set, total close to a non-live copy', () => {
    const scenario = publishedScenario(HINES_2009.setup, HINES_2009.preset);
    const s = runScenario(scenario).summary;
    const wssPages = (scenario.workload!.wssMiB! * 1048576) / 4096;
    expect(s.postcopyFaults).toBeGreaterThan(0);
    expect(s.postcopyFaults / wssPages).toBeLessThanOrEqual(HINES_2009.faultShareOfWorkingSet);
    const nonLive = runScenario({ ...scenario, strategy: 'stopcopy' }).summary;
    expect(within25(s.totalTimeMs, nonLive.totalTimeMs)).toBe(true);
    // Each page once.
    expect(s.bytesTransferred).toBeLessThanOrEqual(nonLive.bytesTransferred * 1.001);
  });
});
