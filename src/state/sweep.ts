import { STRATEGIES, type Scenario, type Strategy, type Summary } from '../engine';
import type { NumericFieldPath } from './fieldPaths';
import { fieldRange, FIELDS, type NumberField, type SliderField } from './fields';
import { setPath } from './paths';
import type { WorkspaceState } from './workspace';

/** A sweep: one numeric field stepped over a range, the rest of the scenario as it is, one run per point. */
export interface SweepSpec {
  field: NumericFieldPath;
  from: number;
  to: number;
  points: number;
  /** One series per strategy instead of the scenario's own strategy alone. */
  eachStrategy: boolean;
}

export const MAX_SWEEP_POINTS = 200;
export const MIN_SWEEP_POINTS = 2;

export type SweepPointStatus = 'queued' | 'done' | 'failed' | 'cancelled';

export interface SweepPoint {
  value: number;
  strategy: Strategy;
  status: SweepPointStatus;
  summary: Summary | null;
  error: string | null;
}

export interface SweepState {
  spec: SweepSpec;
  /** The scenario swept (null before the first sweep): each point is it with the field set. */
  base: Scenario | null;
  /** Counts the sweeps asked for; the runner starts each new one and drops the results of older ones. */
  id: number;
  status: 'idle' | 'running' | 'done' | 'cancelled';
  /** Series by series (strategy by strategy), each in the order of the values. */
  points: readonly SweepPoint[];
  /** Wall time from the request to the last point, once every point has settled. */
  wallMs: number | null;
}

/** Fields a sweep can step: the numeric fields of the lab's panels (not the spectrum's own inputs). */
export type SweepField = SliderField | NumberField;
export const SWEEP_FIELDS: readonly SweepField[] = FIELDS.filter(
  (f): f is SweepField =>
    (f.control === 'slider' || f.control === 'number') && f.group !== 'spectrum' && f.group !== 'not-live',
);

export const sweepField = (path: string): SweepField | undefined => SWEEP_FIELDS.find((f) => f.path === path);

/** The range a field's slider covers (its first step above zero to its last), for a first sweep of it. */
export function defaultSpec(field: NumericFieldPath, scenario: Scenario, eachStrategy = false): SweepSpec {
  const def = sweepField(field);
  const range = fieldRange(field) ?? { min: 0, max: 1, integer: false };
  const steps = def?.control === 'slider' ? def.steps(scenario).filter((v) => v > 0) : [];
  const from = steps[0] ?? Math.max(range.min, 1);
  const to = steps[steps.length - 1] ?? Math.min(range.max, from * 100);
  return { field, from, to, points: 50, eachStrategy };
}

/**
 * The first sweep the view offers: the default guest's write rate from a twelfth of what its 1 Gbit/s link
 * carries (119 MiB/s) to over eight times it. Its writes stay within a 64 MiB working set, so pre-copy
 * still converges well past the link's speed and stops converging at about 700 MiB/s: both show.
 */
export const DEFAULT_SWEEP_SPEC: SweepSpec = {
  field: 'workload.writeRateMiBps',
  from: 10,
  to: 1000,
  points: 100,
  eachStrategy: false,
};

export const EMPTY_SWEEP: SweepState = {
  spec: DEFAULT_SWEEP_SPEC,
  base: null,
  id: 0,
  status: 'idle',
  points: [],
  wallMs: null,
};

/** A range that spans a decade or more (and starts above zero) is stepped, and drawn, on a log scale. */
export const isLogRange = (from: number, to: number): boolean =>
  Math.min(from, to) > 0 && Math.max(from, to) / Math.min(from, to) >= 10;

const roundTo = (v: number, significant: number) => (v === 0 ? 0 : Number(v.toPrecision(significant)));

/**
 * The values a sweep steps through: evenly spaced, on a log scale when the range spans decades, rounded
 * to four significant figures (whole numbers for whole-number fields), without repeats.
 */
export function sweepValues(spec: SweepSpec): number[] {
  const { from, to } = spec;
  const n = Math.max(MIN_SWEEP_POINTS, Math.min(MAX_SWEEP_POINTS, Math.round(spec.points)));
  const integer = fieldRange(spec.field)?.integer ?? false;
  const log = isLogRange(from, to);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = i / (n - 1);
    const raw = log ? from * (to / from) ** f : from + (to - from) * f;
    const v = integer ? Math.round(raw) : roundTo(raw, 4);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** What is wrong with a sweep's settings, one line each naming the setting and what it may be. */
export function checkSpec(spec: SweepSpec): string[] {
  const def = sweepField(spec.field);
  if (!def) return [`field: ${spec.field} cannot be swept`];
  const range = fieldRange(spec.field);
  const problems: string[] = [];
  for (const [name, v] of [
    ['from', spec.from],
    ['to', spec.to],
  ] as const) {
    if (!Number.isFinite(v)) problems.push(`${name}: not a number`);
    else if (range && (v < range.min || v > range.max))
      problems.push(`${name}: ${v} is outside ${def.label}'s range, ${range.min} to ${range.max}`);
  }
  if (Number.isFinite(spec.from) && spec.from === spec.to) problems.push('to: must differ from from');
  if (!Number.isInteger(spec.points) || spec.points < MIN_SWEEP_POINTS || spec.points > MAX_SWEEP_POINTS)
    problems.push(`points: ${spec.points} is not a whole number from ${MIN_SWEEP_POINTS} to ${MAX_SWEEP_POINTS}`);
  return problems;
}

/** The strategies a sweep runs: all four, or the scenario's own. */
export const sweepStrategies = (spec: SweepSpec, base: Scenario): readonly Strategy[] =>
  spec.eachStrategy ? STRATEGIES : [base.strategy];

/** The scenario of one point: the base with the field at the value (and the strategy of its series). */
export function pointScenario(base: Scenario, field: NumericFieldPath, value: number, strategy: Strategy): Scenario {
  return { ...setPath(base, field, value), strategy };
}

/** A new sweep: every point queued, series by series. */
export function requestSweep(spec: SweepSpec, base: Scenario) {
  return (s: WorkspaceState): Partial<WorkspaceState> => {
    const values = sweepValues(spec);
    const points = sweepStrategies(spec, base).flatMap((strategy) =>
      values.map((value) => ({ value, strategy, status: 'queued' as const, summary: null, error: null })),
    );
    return { sweep: { spec, base, id: s.sweep.id + 1, status: 'running', points, wallMs: null } };
  };
}

/** Stops the sweep going: points still queued stay without a result (the ones done are kept). */
export const cancelSweep = (s: WorkspaceState): Partial<WorkspaceState> | null =>
  s.sweep.status === 'running' ? { sweep: { ...s.sweep, status: 'cancelled' } } : null;

/** Points settled so far, of all. */
export function sweepProgress(sweep: SweepState): { settled: number; total: number } {
  return { settled: sweep.points.filter((p) => p.status !== 'queued').length, total: sweep.points.length };
}
