import type { Trace } from '../engine';

/** The playhead every view of the workspace shares: where, whether it moves, how fast. */
export interface Playhead {
  tMs: number;
  playing: boolean;
  /** Simulated ms per real ms. */
  speed: number;
}

export const PLAYBACK_SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
export const DEFAULT_SPEED = 4;

const endOf = (trace: Trace | null) => trace?.summary.totalTimeMs ?? 0;

/** Pure moves of the playhead over the trace it plays (null when nothing is shown). */
export function seekTo(p: Playhead, trace: Trace | null, tMs: number): Playhead {
  return { ...p, tMs: Math.max(0, Math.min(endOf(trace), tMs)) };
}

export function play(p: Playhead, trace: Trace | null): Playhead {
  if (!trace) return p;
  return { ...p, playing: true, tMs: p.tMs >= endOf(trace) ? 0 : p.tMs };
}

export const pause = (p: Playhead): Playhead => (p.playing ? { ...p, playing: false } : p);

export const togglePlay = (p: Playhead, trace: Trace | null): Playhead => (p.playing ? pause(p) : play(p, trace));

/** One step up or down the list of speeds (an unlisted speed steps from 4x). */
export function changeSpeed(p: Playhead, direction: 1 | -1): Playhead {
  const i = PLAYBACK_SPEEDS.indexOf(p.speed as (typeof PLAYBACK_SPEEDS)[number]);
  const from = i < 0 ? PLAYBACK_SPEEDS.indexOf(DEFAULT_SPEED) : i;
  const speed = PLAYBACK_SPEEDS[Math.max(0, Math.min(PLAYBACK_SPEEDS.length - 1, from + direction))];
  return { ...p, speed };
}

/** Where the playhead goes when a new result arrives: the end for the first one, else as near as it can stay. */
export function followNewTrace(p: Playhead, first: boolean, trace: Trace): Playhead {
  const end = trace.summary.totalTimeMs;
  return { ...p, tMs: first && p.tMs === 0 ? end : Math.min(p.tMs, end) };
}

/**
 * Times the playback keys jump between: round starts, phase changes and events, in order. Stops closer
 * together than a two-thousandth of the run (or 1 ms) are one stop: a step must show something.
 */
export function stopsOf(trace: Trace): number[] {
  const end = trace.summary.totalTimeMs;
  const times = [0, end, ...trace.rounds.map((r) => r.startMs), ...trace.phases.map((ph) => ph.startMs)];
  for (const e of trace.events) if (e.kind !== 'sync') times.push(e.tMs);
  const gap = Math.max(1, end / 2000);
  const stops: number[] = [];
  for (const t of times.sort((a, b) => a - b))
    if (stops.length === 0 || t - stops[stops.length - 1] >= gap) stops.push(t);
  if (stops[stops.length - 1] !== end) stops[stops.length - 1] = end;
  return stops;
}

/** To the next (or previous) stop, or the end (or start) when there is none. */
export function jump(p: Playhead, trace: Trace | null, direction: 1 | -1): Playhead {
  if (!trace) return p;
  const stops = stopsOf(trace);
  const target =
    direction > 0 ? stops.find((t) => t > p.tMs + 1e-6) : [...stops].reverse().find((t) => t < p.tMs - 1e-6);
  return seekTo(p, trace, target ?? (direction > 0 ? trace.summary.totalTimeMs : 0));
}
