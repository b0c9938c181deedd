import { scenarioOrThrow, type ScenarioInput, type Trace } from '../engine';
import type { JobScheduler } from './scheduler';
import type { JobOutcome } from './types';

/** The scheduler's id for the early run: the page numbers its jobs from 1. */
const EARLY_RUN_ID = -1;

/** A scenario as the engine will read it, as text: two inputs that give the same text give the same run. */
function scenarioKey(input: ScenarioInput): string | null {
  try {
    return JSON.stringify(scenarioOrThrow(input));
  } catch {
    return null;
  }
}

/**
 * A run a worker starts as soon as it loads (the page's first worker: the default scenario), at background
 * priority, while the page is still setting itself up. The first run job either asks for the same scenario
 * and gets it (done, or still under way) or asks for another, and the early run is cancelled. Either way it
 * is claimed once: the engine is deterministic, so the trace is the one the job would have computed.
 */
export class EarlyRun {
  private readonly key: string | null;
  private outcome: Promise<JobOutcome<Trace>> | null;

  constructor(
    private readonly scheduler: JobScheduler,
    scenario: ScenarioInput,
  ) {
    this.key = scenarioKey(scenario);
    this.outcome = scheduler.start(EARLY_RUN_ID, 'run', scenario, 'background');
  }

  /** The early run's outcome when `input` is its scenario; null otherwise, or once claimed. */
  claim(input: ScenarioInput): Promise<JobOutcome<Trace>> | null {
    const outcome = this.outcome;
    if (!outcome) return null;
    this.outcome = null;
    // The lab sends the scenario as the engine reads it: the text alone then tells (without validating again).
    if (this.key !== null && (JSON.stringify(input) === this.key || scenarioKey(input) === this.key)) return outcome;
    this.scheduler.cancel(EARLY_RUN_ID);
    return null;
  }
}
