import type { Scenario } from '../scenario/schema';
import type { LostWork, Round } from '../trace/types';
import type { Counters, MigrationState } from './state';

/** Rounds that must look alike before the run counts as steady. */
export const STEADY_ROUNDS = 3;
/** How much alike: the spread of each figure over those rounds, as a share of its mean. */
const STEADY_SPREAD = 0.02;
/** How far from stopping: the marked set after each sync must exceed the threshold by this factor. */
const STOP_MARGIN = 1.25;
/** Fewer rounds than this ahead are simulated rather than computed. */
const MIN_ROUNDS_TO_SKIP = 2;

/** Counter values as plain numbers, for differences. */
type CounterMarks = Omit<Counters, 'lost'> & { lost: LostWork };

const copyCounters = (c: Counters): CounterMarks => ({ ...c, lost: { ...c.lost } });

/** What one steady round adds to the counters (mean of the last rounds). */
export type CounterStep = CounterMarks;

export interface SteadyState {
  /** The round to repeat: the last one, with what it added to the counters as its figures. */
  model: Round;
  /** What each such round adds to the counters (the last round's own increments, so pages stay whole). */
  step: CounterStep;
}

/**
 * Watches pre-copy rounds for a steady state: the last few rounds alike in length, bytes and the pages
 * marked at each sync, nothing scheduled that could change them, and the stop rule far from firing. In
 * that state the outcome is decided (the dirty set is pinned at its ceiling, round after round), so the
 * run need not simulate every remaining round page by page.
 */
export class SteadyStateWatch {
  private readonly marks: { round: number; tMs: number; counters: CounterMarks }[] = [];

  /** Call right after a round closes (at its sync): remembers the counters there. */
  roundClosed(state: MigrationState, roundIndex: number): void {
    this.marks.push({ round: roundIndex, tMs: state.tMs, counters: copyCounters(state.counters) });
    if (this.marks.length > STEADY_ROUNDS + 1) this.marks.shift();
  }

  /** Forgets what it saw (after a fast-forward the marks no longer line up with the counters). */
  reset(): void {
    this.marks.length = 0;
  }

  /** The steady state the last rounds show, or null when they do not show one. */
  steady(state: MigrationState, rounds: readonly Round[]): SteadyState | null {
    if (rounds.length < STEADY_ROUNDS + 1 || this.marks.length < STEADY_ROUNDS + 1) return null;
    const last = rounds.slice(-STEADY_ROUNDS);
    // Round 1 is the first pass, never like the others; every round must have ended at its own sync.
    if (last[0].index < 2 || last.some((r) => r.end !== 'sync' && r.end !== 'pass')) return null;
    const first = this.marks[0];
    const end = this.marks[this.marks.length - 1];
    if (end.round !== last[last.length - 1].index || first.round !== last[0].index - 1) return null;
    const figures: ((r: Round) => number)[] = [
      (r) => r.endMs - r.startMs,
      (r) => r.bytesSent,
      (r) => r.dirtyPagesAtStart,
      (r) => r.dirtyPagesAtEnd,
    ];
    for (const f of figures) {
      const values = last.map(f);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      if (mean <= 0 || Math.max(...values) - Math.min(...values) > STEADY_SPREAD * mean) return null;
    }
    if (!farFromStopping(state, last)) return null;
    const before = this.marks[this.marks.length - 2];
    const step = counterStep(before.counters, end.counters);
    const model: Round = {
      ...last[last.length - 1],
      startMs: 0,
      endMs: end.tMs - before.tMs,
      pagesSent: step.normalPages + step.zeroPages,
      zeroPagesSent: step.zeroPages,
      bytesSent: step.precopyBytes,
      writes: step.writes,
    };
    return { model, step };
  }
}

/** The stop rule cannot fire in a round like these (other than by the cap or the timeout). */
function farFromStopping(state: MigrationState, rounds: readonly Round[]): boolean {
  const p = state.scenario.precopy;
  const marked = Math.min(...rounds.map((r) => r.dirtyPagesAtEnd));
  switch (p.stopRule) {
    case 'qemu':
      return marked * state.pageBytes > STOP_MARGIN * Math.max(...rounds.map((r) => r.thresholdBytes));
    case 'xen':
      return marked > 2 * p.xenTargetDirtyPages;
    // Legacy Xen stops on bytes sent and no-progress on a dirty set that stops shrinking: both end soon.
    case 'xen-legacy':
    case 'no-progress':
      return false;
  }
}

function counterStep(from: CounterMarks, to: CounterMarks): CounterStep {
  const step = {} as Record<string, unknown>;
  for (const key of Object.keys(to) as (keyof CounterMarks)[]) {
    if (key === 'lost') continue;
    step[key] = (to[key] as number) - (from[key] as number);
  }
  const lost = {} as LostWork;
  for (const key of Object.keys(to.lost) as (keyof LostWork)[]) lost[key] = to.lost[key] - from.lost[key];
  return { ...(step as Omit<CounterMarks, 'lost'>), lost };
}

/** Adds `rounds` steady rounds' worth of every counter. */
export function addSteadyRounds(counters: Counters, step: CounterStep, rounds: number): void {
  for (const key of Object.keys(step) as (keyof CounterMarks)[]) {
    if (key === 'lost') continue;
    (counters[key] as number) += rounds * (step[key] as number);
  }
  for (const key of Object.keys(step.lost) as (keyof LostWork)[]) counters.lost[key] += rounds * step.lost[key];
}

/**
 * How many more rounds pre-copy has before something ends it that is not the stop rule: the round cap,
 * the timeout, or the hybrid switch. Null when nothing will (QEMU's own loop: it would copy forever).
 */
export function roundsUntilForcedEnd(
  s: Scenario,
  strategy: Scenario['strategy'],
  completed: number,
  nowMs: number,
  roundMs: number,
): number | null {
  const limits: number[] = [];
  if (s.precopy.maxIterations > 0) limits.push(s.precopy.maxIterations - completed);
  if (s.precopy.timeoutS > 0) limits.push((s.precopy.timeoutS * 1000 - nowMs) / roundMs);
  if (strategy === 'hybrid')
    limits.push(
      s.hybrid.switchAtMs > 0 ? (s.hybrid.switchAtMs - nowMs) / roundMs : s.hybrid.switchAfterRounds - completed,
    );
  return limits.length ? Math.min(...limits) : null;
}

/** Of `left` rounds ahead, how many to compute (the last is always simulated, so the end comes as it would). */
export function roundsToSkip(left: number): number {
  const skip = Math.floor(left) - 1;
  return skip >= MIN_ROUNDS_TO_SKIP ? skip : 0;
}
