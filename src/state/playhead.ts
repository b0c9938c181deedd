import type { Trace } from '../engine';
import { runEndMs } from '../engine';

/** The playhead every view of the workspace shares: where, whether it moves, how fast. */
export interface Playhead {
  tMs: number;
  playing: boolean;
  /** Simulated ms per real ms. */
  speed: number;
}

export const PLAYBACK_SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
export const DEFAULT_SPEED = 4;

const endOf = (trace: Trace | null) => (trace ? runEndMs(trace.summary) : 0);

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
  const end = runEndMs(trace.summary);
  return { ...p, tMs: first && p.tMs === 0 ? end : Math.min(p.tMs, end) };
}

/**
 * Times the playback keys jump between: round starts, phase changes and events, in order. Stops closer
 * together than a two-thousandth of the run (or 1 ms) are one stop: a step must show something.
 */
export function stopsOf(trace: Trace): number[] {
  const end = runEndMs(trace.summary);
  const times = [0, end, ...trace.rounds.map((r) => r.startMs), ...trace.phases.map((ph) => ph.startMs)];
  // Events past the end (the steps that run on after it) are not places the playhead can go.
  for (const e of trace.events) if (e.kind !== 'sync' && e.tMs <= end) times.push(e.tMs);
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
  return seekTo(p, trace, target ?? (direction > 0 ? runEndMs(trace.summary) : 0));
}

/** How playback paces itself for a room (presentation mode): both can be switched off. */
export interface Pacing {
  /** Pause by itself at the end of each round, when the blackout begins and at commit. */
  pauseAtMoments: boolean;
  /** Stretch the blackout so it lasts at least BLACKOUT_ON_SCREEN_MS of real time, however short it is. */
  slowBlackout: boolean;
}

export const NO_PACING: Pacing = { pauseAtMoments: false, slowBlackout: false };

/** A 286 ms blackout at 4x would flash by in 72 ms; paced, it stays on screen this long (real time). */
export const BLACKOUT_ON_SCREEN_MS = 3000;

/** A moment playback pauses at, and what it is. */
export interface PacingMoment {
  tMs: number;
  label: string;
}

/**
 * The moments that matter in a run, in order: the end of each round, the start of the blackout, commit.
 * Moments less than 1 ms apart are one (the last round ends as the blackout begins), their labels joined.
 */
export function pacingMoments(trace: Trace): PacingMoment[] {
  const raw: PacingMoment[] = trace.rounds.map((r) => ({ tMs: r.endMs, label: `end of round ${r.index}` }));
  for (const ph of trace.phases) if (ph.kind === 'blackout') raw.push({ tMs: ph.startMs, label: 'blackout begins' });
  for (const e of trace.events) if (e.kind === 'commit') raw.push({ tMs: e.tMs, label: 'commit' });
  const moments: PacingMoment[] = [];
  for (const m of raw.sort((a, b) => a.tMs - b.tMs)) {
    const last = moments[moments.length - 1];
    if (last && m.tMs - last.tMs < 1) last.label = `${last.label}, ${m.label}`;
    else moments.push({ ...m });
  }
  return moments;
}

/** The blackout's span, if the run has one. */
const blackoutOf = (trace: Trace) => trace.phases.find((ph) => ph.kind === 'blackout') ?? null;

/** Where a playing playhead is after `realMs` of real time, and the moment it paused at (if it did). */
export interface Advance {
  playhead: Playhead;
  pausedAt: PacingMoment | null;
}

/**
 * Moves a playing playhead by `realMs` of real time x its speed, paced: slower through the blackout, and
 * pausing at the first moment it reaches (never at the one it starts from, so Play goes on from a pause).
 * Stops at the end of the run. Without pacing it is plain time x speed.
 */
export function advance(p: Playhead, trace: Trace, realMs: number, pacing: Pacing = NO_PACING): Advance {
  const end = runEndMs(trace.summary);
  if (!p.playing) return { playhead: p, pausedAt: null };
  const blackout = pacing.slowBlackout ? blackoutOf(trace) : null;
  const blackoutSpeed = blackout
    ? Math.min(p.speed, Math.max(blackout.endMs - blackout.startMs, 0) / BLACKOUT_ON_SCREEN_MS)
    : p.speed;
  const moments = pacing.pauseAtMoments ? pacingMoments(trace) : [];
  let tMs = p.tMs;
  let left = realMs;
  // Each pass runs to the next boundary: a moment, the blackout's start or end, or the end of the run.
  for (;;) {
    const inBlackout = blackout !== null && tMs >= blackout.startMs && tMs < blackout.endMs;
    const rate = inBlackout ? blackoutSpeed : p.speed;
    const moment = moments.find((m) => m.tMs > tMs + 1e-9) ?? null;
    let boundary = Math.min(end, moment?.tMs ?? Infinity);
    if (blackout && tMs < blackout.startMs) boundary = Math.min(boundary, blackout.startMs);
    if (inBlackout) boundary = Math.min(boundary, blackout.endMs);
    const needMs = rate > 0 ? (boundary - tMs) / rate : Infinity;
    if (needMs > left) return { playhead: { ...p, tMs: tMs + left * rate }, pausedAt: null };
    tMs = boundary;
    left -= needMs;
    const reached = moment !== null && tMs === moment.tMs ? moment : null;
    if (reached || tMs >= end)
      return { playhead: { ...p, tMs: Math.min(tMs, end), playing: false }, pausedAt: reached };
  }
}
