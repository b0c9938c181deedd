import { scaleLog, type ScaleLogarithmic } from 'd3';

/** A pause longer than this usually breaks open TCP connections (the notes' target for live migration). */
export const TCP_TIMEOUT_MS = 750;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Round times a student can read off the log axis, from a tenth of a millisecond to months. */
export const TIME_TICKS: readonly { ms: number; label: string }[] = [
  { ms: 0.1, label: '0.1 ms' },
  { ms: 1, label: '1 ms' },
  { ms: 10, label: '10 ms' },
  { ms: 100, label: '100 ms' },
  { ms: 1000, label: '1 s' },
  { ms: 10_000, label: '10 s' },
  { ms: MINUTE, label: '1 min' },
  { ms: 10 * MINUTE, label: '10 min' },
  { ms: HOUR, label: '1 h' },
  { ms: 10 * HOUR, label: '10 h' },
  { ms: DAY, label: '1 day' },
  { ms: 10 * DAY, label: '10 days' },
  { ms: 100 * DAY, label: '100 days' },
];

/**
 * Axis ends on round ticks: below the shortest non-zero downtime, above the longest, and always wide
 * enough (100 ms to 1 s at least) to show the 750 ms line.
 */
export function downtimeDomain(downtimesMs: readonly number[]): [number, number] {
  const low = Math.min(100, ...downtimesMs.filter((d) => d > 0));
  const high = Math.max(1000, ...downtimesMs);
  const from = TIME_TICKS.filter((t) => t.ms <= low).at(-1)?.ms ?? TIME_TICKS[0].ms;
  const to = TIME_TICKS.find((t) => t.ms >= high)?.ms ?? high;
  return [from, to];
}

export type DowntimeScale = ScaleLogarithmic<number, number>;

/** Zero (a move that never paused) clamps to the left end. */
export function downtimeScale(downtimesMs: readonly number[], rangePx: [number, number]): DowntimeScale {
  return scaleLog().domain(downtimeDomain(downtimesMs)).range(rangePx).clamp(true);
}

type Tick = { ms: number; label: string; x: number };

/**
 * The round ticks inside the axis. One of each unit (1 ms, 1 s, 1 min, 1 h, 1 day) always shows; the
 * tens and hundreds between them only where they do not crowd a tick already there.
 */
export function visibleTicks(scale: DowntimeScale, minGapPx: number): Tick[] {
  const [from, to] = scale.domain();
  const inside = TIME_TICKS.filter((t) => t.ms >= from && t.ms <= to).map((t) => ({ ...t, x: scale(t.ms) }));
  const isUnit = (t: Tick) => t.label.startsWith('1 ');
  const kept = inside.filter(isUnit);
  for (const t of inside) if (!isUnit(t) && kept.every((k) => Math.abs(k.x - t.x) >= minGapPx)) kept.push(t);
  return kept.sort((a, b) => a.x - b.x);
}
