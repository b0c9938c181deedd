import { FitRun, FleetRun, MigrationRun, scenarioOrThrow, SpectrumRun } from '../engine';
import type { JobInput, JobKind, JobValue } from './types';

/** A job the scheduler advances in slices until it is done. */
export interface Stepper<T> {
  readonly done: boolean;
  step(): void;
  progress(): number;
  simulatedMs(): number;
  result(): T;
}

type Steppers = { [K in JobKind]: (input: JobInput<K>) => Stepper<JobValue<K>> };

/** What the engine's step-by-step runs (MigrationRun, SpectrumRun, FitRun) have in common. */
interface SteppedRun {
  readonly done: boolean;
  readonly tMs: number;
  step(): void;
  progress(): number;
}

function stepperOf<T>(run: SteppedRun, result: () => T): Stepper<T> {
  return {
    get done() {
      return run.done;
    },
    step: () => run.step(),
    progress: () => run.progress(),
    simulatedMs: () => run.tMs,
    result,
  };
}

/**
 * What a sweep point records besides its summary: as little as the format allows. The summary does not
 * depend on it (the recorder only watches), and the run costs about half as much.
 */
const SUMMARY_ONLY_OUTPUT = { heatmapCells: 16, maxFrames: 8, maxSamples: 64 };

/** How each kind of job is worked out; constructing one validates its input (and may throw). */
const JOB_STEPPERS: Steppers = {
  run(input) {
    const run = new MigrationRun(input);
    return stepperOf(run, () => run.trace());
  },
  point(input) {
    const run = new MigrationRun({ ...input, output: { ...input.output, ...SUMMARY_ONLY_OUTPUT } });
    return stepperOf(run, () => run.trace().summary);
  },
  spectrum(input) {
    const run = new SpectrumRun(scenarioOrThrow(input));
    return stepperOf(run, () => run.result());
  },
  fit({ record, overrides }) {
    const run = new FitRun(record, overrides);
    return stepperOf(run, () => run.result());
  },
  fleet(input) {
    const run = new FleetRun(input);
    return {
      get done() {
        return run.done;
      },
      // A few hundred instants keep a slice near the scheduler's 12 ms even for 10,000 VMs.
      step: () => void run.step(300),
      progress: () => run.progress(),
      simulatedMs: () => run.nowMs,
      result: () => run.trace(),
    };
  },
};

export function createStepper<K extends JobKind>(kind: K, input: JobInput<K>): Stepper<JobValue<K>> {
  return (JOB_STEPPERS[kind] as (input: JobInput<K>) => Stepper<JobValue<K>>)(input);
}
