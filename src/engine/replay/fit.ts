import { MigrationRun } from '../run';
import type { Scenario } from '../scenario/schema';
import type { Summary, Trace } from '../trace/types';
import type { DirtyRateEstimate } from './dirtyRate';
import { fitScenario, type FitOverrides } from './fitScenario';
import { measuredFigures, wentPostcopy, type FitFigures } from './measure';
import type { QmpRecord } from './qmp';

export type { FitFigures } from './measure';
export type { FitOverrides } from './fitScenario';

/** Relative error per figure: (predicted - measured) / measured; yes/no figures 0 when they agree, else 1. */
export type FitErrors = Partial<Record<keyof FitFigures, number | null>>;

export interface FitResult {
  ok: true;
  scenario: Scenario;
  measured: FitFigures;
  predicted: FitFigures;
  errors: FitErrors;
  /** How the guest's writing was read from the record. */
  estimate: DirtyRateEstimate;
  /** What the fit assumed or could not model, one sentence each. */
  notes: string[];
  /** The fitted run, for drawing predicted over measured. */
  trace: Trace;
}

export type FitOutcome = FitResult | { ok: false; problems: string[] };

function predictedFigures(s: Summary, postcopy: boolean): FitFigures {
  const f: FitFigures = {
    iterations: s.iterations,
    downtimeMs: s.downtimeMs,
    totalTimeMs: s.totalTimeMs,
    bytesTransferred: s.bytesTransferred,
    converged: s.converged,
    outcome: s.outcome,
  };
  if (postcopy) {
    f.postcopyBytes = s.postcopyBytes;
    f.postcopyRequests = s.postcopyFaults;
  }
  return f;
}

/** (predicted - measured) / measured, 0 when both are 0, null when only the measured figure is 0. */
export function relativeError(predicted: number, measured: number): number | null {
  if (measured === 0) return predicted === 0 ? 0 : null;
  return (predicted - measured) / measured;
}

export function fitErrors(measured: FitFigures, predicted: FitFigures): FitErrors {
  const errors: FitErrors = {};
  for (const key of Object.keys(measured) as (keyof FitFigures)[]) {
    const m = measured[key];
    const p = predicted[key];
    if (typeof m === 'number' && typeof p === 'number') errors[key] = relativeError(p, m);
    else errors[key] = m === p ? 0 : 1;
  }
  return errors;
}

/** Why a fit could not be made (an override out of range, a record beyond what the lab simulates). */
export class FitProblems extends Error {
  constructor(readonly problems: string[]) {
    super(`the fit cannot be made: ${problems.join('; ')}`);
  }
}

/**
 * A fit worked out step by step, so a worker can slice it and cancel it: the scenario is derived at once
 * (construction throws with the problems when it cannot be), then the simulation runs one slice per step.
 */
export class FitRun {
  readonly scenario: Scenario;
  private readonly run: MigrationRun;
  private readonly fitted: { estimate: DirtyRateEstimate; notes: string[] };

  constructor(
    private readonly record: QmpRecord,
    overrides: FitOverrides = {},
  ) {
    const fitted = fitScenario(record, overrides);
    if (!fitted.ok) throw new FitProblems(fitted.problems);
    this.scenario = fitted.scenario;
    this.fitted = fitted;
    this.run = new MigrationRun(fitted.scenario);
  }

  get done(): boolean {
    return this.run.done;
  }

  get tMs(): number {
    return this.run.tMs;
  }

  progress(): number {
    return this.run.progress();
  }

  step(): void {
    this.run.step();
  }

  result(): FitResult {
    const trace = this.run.runToEnd();
    const measured = measuredFigures(this.record);
    const predicted = predictedFigures(trace.summary, wentPostcopy(this.record));
    return {
      ok: true,
      scenario: this.scenario,
      measured,
      predicted,
      errors: fitErrors(measured, predicted),
      estimate: this.fitted.estimate,
      notes: this.fitted.notes,
      trace,
    };
  }
}

/**
 * Fits the simulator to a record: derives the scenario (see fitScenario), runs it, and compares each
 * summary figure predicted with the one measured. Never throws on bad overrides: it names them.
 */
export function fitRecord(record: QmpRecord, overrides: FitOverrides = {}): FitOutcome {
  try {
    return new FitRun(record, overrides).result();
  } catch (e) {
    if (e instanceof FitProblems) return { ok: false, problems: e.problems };
    throw e;
  }
}
