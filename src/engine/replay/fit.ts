import { runScenario } from '../run';
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

/**
 * Fits the simulator to a record: derives the scenario (see fitScenario), runs it, and compares each
 * summary figure predicted with the one measured. Never throws on bad overrides: it names them.
 */
export function fitRecord(record: QmpRecord, overrides: FitOverrides = {}): FitOutcome {
  const fitted = fitScenario(record, overrides);
  if (!fitted.ok) return fitted;
  const trace = runScenario(fitted.scenario);
  const measured = measuredFigures(record);
  const predicted = predictedFigures(trace.summary, wentPostcopy(record));
  return {
    ok: true,
    scenario: fitted.scenario,
    measured,
    predicted,
    errors: fitErrors(measured, predicted),
    estimate: fitted.estimate,
    notes: fitted.notes,
    trace,
  };
}
