// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { runEndMs } from '../../../src/engine/trace/summary';
import {
  advance,
  BLACKOUT_ON_SCREEN_MS,
  NO_PACING,
  pacingMoments,
  type Pacing,
  type Playhead,
} from '../../../src/state/playhead';

// The lab's default run: a few rounds, then a short blackout that ends in commit at the end of the run.
const trace = runScenario({});
const end = runEndMs(trace.summary);
const blackout = trace.phases.find((p) => p.kind === 'blackout')!;
const blackoutMs = blackout.endMs - blackout.startMs;
const PAUSES: Pacing = { pauseAtMoments: true, slowBlackout: false };
const SLOW: Pacing = { pauseAtMoments: false, slowBlackout: true };
const BOTH: Pacing = { pauseAtMoments: true, slowBlackout: true };
const at = (tMs: number, speed = 4): Playhead => ({ tMs, playing: true, speed });

describe('paced playback', () => {
  it('the run has what the pacing is about: rounds, a short blackout, commit at the end', () => {
    expect(trace.rounds.length).toBeGreaterThanOrEqual(3);
    expect(blackoutMs).toBeGreaterThan(50);
    expect(blackoutMs).toBeLessThan(400);
    expect(trace.events.find((e) => e.kind === 'commit')!.tMs).toBeCloseTo(end, 6);
  });

  it('without pacing the playhead moves real time x speed and stops at the end', () => {
    expect(advance(at(1000), trace, 250, NO_PACING).playhead).toEqual(at(2000));
    expect(advance(at(1000, 0.5), trace, 250).playhead.tMs).toBe(1125);
    const last = advance(at(end - 10), trace, 1000, NO_PACING);
    expect(last.playhead).toEqual({ tMs: end, playing: false, speed: 4 });
    // Paused playheads do not move.
    expect(advance({ ...at(5), playing: false }, trace, 1000, BOTH).playhead.tMs).toBe(5);
  });

  it('lists the moments: each round end, the blackout beginning with the last round end, commit', () => {
    const moments = pacingMoments(trace);
    const r = trace.rounds;
    const last = r[r.length - 1];
    expect(moments.map((m) => m.tMs)).toEqual([...r.map((x) => x.endMs), end]);
    expect(moments.map((m) => m.label)).toEqual([
      ...r.map((x) => (x === last ? `end of round ${x.index}, blackout begins` : `end of round ${x.index}`)),
      'commit',
    ]);
    expect(last.endMs).toBe(blackout.startMs);
  });

  it('pauses by itself at each moment in turn, and Play goes on from there to the next', () => {
    let p = at(0);
    const stops: string[] = [];
    for (let i = 0; i < 10 && p.tMs < end; i++) {
      const step = advance({ ...p, playing: true }, trace, 1e9, PAUSES);
      expect(step.playhead.playing).toBe(false);
      expect(step.playhead.tMs).toBe(step.pausedAt!.tMs);
      stops.push(step.pausedAt!.label);
      p = step.playhead;
    }
    expect(stops).toEqual(pacingMoments(trace).map((m) => m.label));
    expect(p.tMs).toBe(end);
  });

  it('does not pause before a moment is reached: the time left over is plain time x speed', () => {
    const r1 = trace.rounds[0].endMs;
    const step = advance(at(r1 - 400), trace, 99, PAUSES);
    expect(step.pausedAt).toBeNull();
    expect(step.playhead.tMs).toBeCloseTo(r1 - 4, 9);
    expect(step.playhead.playing).toBe(true);
  });

  it(`slows through the blackout so that it lasts ${BLACKOUT_ON_SCREEN_MS} ms on screen, whatever the speed`, () => {
    for (const speed of [1, 4, 64]) {
      const rate = Math.min(speed, blackoutMs / BLACKOUT_ON_SCREEN_MS);
      const half = advance(at(blackout.startMs, speed), trace, BLACKOUT_ON_SCREEN_MS / 2, SLOW);
      expect(half.playhead.tMs).toBeCloseTo(blackout.startMs + (BLACKOUT_ON_SCREEN_MS / 2) * rate, 6);
      // Just short of the full time it is still in the blackout; just past it, through.
      const nearly = advance(at(blackout.startMs, speed), trace, BLACKOUT_ON_SCREEN_MS - 1, SLOW);
      expect(nearly.playhead.tMs).toBeLessThan(blackout.endMs);
      const through = advance(at(blackout.startMs, speed), trace, BLACKOUT_ON_SCREEN_MS + 1, SLOW);
      expect(through.playhead.tMs).toBe(end);
      expect(through.playhead.playing).toBe(false);
    }
  });

  it('crossing into the blackout, the part before it goes at speed and the rest slowed', () => {
    const rate = blackoutMs / BLACKOUT_ON_SCREEN_MS;
    // 400 ms of simulated time before the blackout at 4x: 100 ms real, then 100 ms real at the slow rate.
    const step = advance(at(blackout.startMs - 400), trace, 200, SLOW);
    expect(step.playhead.tMs).toBeCloseTo(blackout.startMs + 100 * rate, 6);
    // Pacing off: no slowing.
    expect(advance(at(blackout.startMs - 400), trace, 150, NO_PACING).playhead.tMs).toBe(blackout.startMs + 200);
  });

  it('a blackout long enough to see is not sped up: it plays at the chosen speed', () => {
    // A small VM whose writer outruns a slow link: the round cap forces a blackout of several seconds.
    const long = runScenario({
      vm: { memoryMiB: 512, usedMiB: 512 },
      workload: { pattern: 'uniform', writeRateMiBps: 400, wssMiB: 256 },
      network: { linkMbps: 400 },
    });
    const b = long.phases.find((p) => p.kind === 'blackout')!;
    expect(b.endMs - b.startMs).toBeGreaterThan(BLACKOUT_ON_SCREEN_MS);
    const step = advance(at(b.startMs, 1), long, 1000, SLOW);
    expect(step.playhead.tMs).toBeCloseTo(b.startMs + 1000, 6);
  });

  it('with both on, the blackout is slowed and playback still stops at commit', () => {
    const step = advance(at(blackout.startMs), trace, BLACKOUT_ON_SCREEN_MS + 50, BOTH);
    expect(step.playhead.tMs).toBe(end);
    expect(step.pausedAt?.label).toBe('commit');
    const inside = advance(at(blackout.startMs), trace, 1000, BOTH);
    expect(inside.pausedAt).toBeNull();
    expect(inside.playhead.tMs).toBeCloseTo(blackout.startMs + (1000 * blackoutMs) / BLACKOUT_ON_SCREEN_MS, 6);
  });
});
