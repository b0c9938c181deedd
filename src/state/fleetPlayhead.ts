import type { Transition } from './transitions';

/**
 * The fleet view's moves of the workspace's shared playhead, over the fleet run's time (`endMs`) rather
 * than the lab's run. Pure, like the lab's (./playhead.ts).
 */
export const fleetSeek =
  (tMs: number, endMs: number): Transition =>
  (s) => ({ playhead: { ...s.playhead, tMs: Math.max(0, Math.min(endMs, tMs)) } });

export const fleetTogglePlay =
  (endMs: number): Transition =>
  (s) => {
    const p = s.playhead;
    if (p.playing) return { playhead: { ...p, playing: false } };
    return { playhead: { ...p, playing: true, tMs: p.tMs >= endMs ? 0 : p.tMs } };
  };

/** One frame of playback: `dtMs` of real time at `simPerReal` simulated ms per real ms; stops at the end. */
export const fleetAdvance =
  (dtMs: number, simPerReal: number, endMs: number): Transition =>
  (s) => {
    const p = s.playhead;
    if (!p.playing) return null;
    const next = p.tMs + dtMs * simPerReal;
    return { playhead: next >= endMs ? { ...p, tMs: endMs, playing: false } : { ...p, tMs: next } };
  };

/** Fleet playback speeds, simulated seconds per real second; 0 fits the busy part of the run into about 20 s. */
export const FLEET_SPEEDS = [0, 1, 5, 15, 60, 300, 1800] as const;
export const FIT_REAL_S = 20;

/** Simulated ms per real ms at a speed (0: `fitMs` of the run in FIT_REAL_S). */
export const fleetSimPerReal = (speedSPerS: number, fitMs: number) =>
  speedSPerS > 0 ? speedSPerS : Math.max(1, fitMs / 1000 / FIT_REAL_S);
