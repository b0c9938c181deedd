import type { Approach, FleetTrace, Scenario, SpectrumEntry, Trace } from '../engine';
import { getPath } from '../state/paths';
import { fleetFigure } from './fleetFigures';
import type { LessonClaim, LessonFigure, RunFigure } from './types';

const MiB = 2 ** 20;

/** How each run figure is read from a trace's summary. */
const RUN_FIGURES: Record<RunFigure, (t: Trace) => number | string | boolean> = {
  downtimeMs: (t) => t.summary.downtimeMs,
  totalTimeMs: (t) => t.summary.totalTimeMs,
  totalTimeS: (t) => t.summary.totalTimeMs / 1000,
  bytesMiB: (t) => t.summary.bytesTransferred / MiB,
  memoryMultiple: (t) => t.summary.memoryMultiple,
  rounds: (t) => t.summary.iterations,
  round1MiB: (t) => (t.summary.rounds[0]?.bytesSent ?? 0) / MiB,
  round1S: (t) => (t.summary.rounds[0] ? (t.summary.rounds[0].endMs - t.summary.rounds[0].startMs) / 1000 : 0),
  round2MiB: (t) => (t.summary.rounds[1]?.bytesSent ?? 0) / MiB,
  lastRoundMiB: (t) => (t.summary.rounds.at(-1)?.bytesSent ?? 0) / MiB,
  roundsShrink: (t) => (t.summary.rounds.every((r, i, all) => i === 0 || r.bytesSent < all[i - 1].bytesSent) ? 1 : 0),
  postcopyFaults: (t) => t.summary.postcopyFaults,
  dependencyWindowMs: (t) => t.summary.dependencyWindowMs,
  faultStallMs: (t) => t.summary.faultStallMs,
  maxThrottlePct: (t) => t.summary.maxThrottlePct,
  vmLostS: (t) => t.summary.vmLostSeconds,
  othersStarvedPct: (t) => t.summary.othersStarvedPct,
  linkSharePct: (t) => t.summary.linkSharePct,
  converged: (t) => t.summary.converged,
  stopReason: (t) => t.summary.stopReason,
  outcome: (t) => t.summary.outcome,
  vmLocation: (t) => t.summary.vmLocation,
  sourceDeletable: (t) => t.summary.sourceDeletable,
  residualDependencies: (t) => t.summary.residualDependencies.length,
  refusals: (t) => t.summary.refusals.length,
};

export const isRunFigure = (figure: string): figure is RunFigure => Object.hasOwn(RUN_FIGURES, figure);

/** A run figure of a trace. */
export const runFigure = (trace: Trace, figure: RunFigure): number | string | boolean => RUN_FIGURES[figure](trace);

/**
 * What a figure needs: the run of its scenario, for spectrum figures the spectrum of that scenario, and
 * for fleet figures the fleet run of a fleet link.
 */
export interface FigureSources {
  scenario: Scenario;
  trace: Trace;
  spectrum?: readonly SpectrumEntry[];
  fleet?: FleetTrace;
}

const plainValue = (v: unknown) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';

/** A figure's value, or a sentence saying why it cannot be read (an unknown name, a missing spectrum). */
export function figureValue(
  figure: LessonFigure,
  from: FigureSources,
): { value: number | string | boolean } | { problem: string } {
  if (figure.startsWith('fleet.')) {
    if (!from.fleet) return { problem: `${figure} needs a fleet run (a step or claim on a fleet link)` };
    const value = fleetFigure(from.fleet, figure);
    return value === undefined ? { problem: `${figure} is not a figure of the fleet run` } : { value };
  }
  if (isRunFigure(figure)) return { value: runFigure(from.trace, figure) };
  for (const [prefix, of, what] of [
    ['scenario.', from.scenario, 'a field of the scenario'],
    ['variant.', from.trace.variant, "a figure of the run's variant report"],
    ['summary.', from.trace.summary, "a figure of the run's summary"],
  ] as const)
    if (figure.startsWith(prefix)) {
      const value = getPath(of, figure.slice(prefix.length));
      return plainValue(value)
        ? { value: value as number | string | boolean }
        : { problem: `${figure} is not ${what}` };
    }
  const m = /^spectrum\.([a-z-]+)\.(downtimeS|totalS)$/.exec(figure);
  if (!m) return { problem: `${figure} is not a figure` };
  if (!from.spectrum) return { problem: `${figure} needs the spectrum of the scenario` };
  const entry = from.spectrum.find((e) => e.approach === (m[1] as Approach));
  if (!entry) return { problem: `${figure}: the spectrum has no ${m[1]}` };
  return { value: (m[2] === 'downtimeS' ? entry.downtimeMs : entry.totalMs) / 1000 };
}

const shownValue = (value: number | string | boolean) =>
  typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : JSON.stringify(value);

/**
 * Whether a claim holds for the sources of its run (the step's, or those of `claim.of`), and if not, why
 * not in one line.
 */
export function checkClaim(claim: LessonClaim, from: FigureSources): string | null {
  const read = figureValue(claim.figure, from);
  if ('problem' in read) return `"${claim.says}": ${read.problem}`;
  const { value } = read;
  const shown = shownValue(value);
  const ranged = claim.min !== undefined || claim.max !== undefined;
  const related = (claim.lessThan?.length ?? 0) + (claim.moreThan?.length ?? 0) > 0;
  if (claim.is === undefined && !ranged && !related) return `"${claim.says}": the claim states no value or range`;
  if (claim.is !== undefined && value !== claim.is)
    return `"${claim.says}": ${claim.figure} is ${shown}, not ${claim.is}`;
  if ((ranged || related) && typeof value !== 'number')
    return `"${claim.says}": ${claim.figure} is ${shown}, not a number`;
  const n = value as number;
  if (claim.min !== undefined && n < claim.min)
    return `"${claim.says}": ${claim.figure} is ${shown}, under ${claim.min}`;
  if (claim.max !== undefined && n > claim.max)
    return `"${claim.says}": ${claim.figure} is ${shown}, over ${claim.max}`;
  for (const [others, below] of [
    [claim.lessThan ?? [], true],
    [claim.moreThan ?? [], false],
  ] as const)
    for (const other of others) {
      const o = figureValue(other, from);
      if ('problem' in o) return `"${claim.says}": ${o.problem}`;
      if (typeof o.value !== 'number' || (below ? !(n < o.value) : !(n > o.value)))
        return `"${claim.says}": ${claim.figure} is ${shown}, not ${below ? 'below' : 'above'} ${other} (${shownValue(o.value)})`;
    }
  return null;
}
