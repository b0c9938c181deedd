import { MigrationRun, scenarioOrThrow, SpectrumRun } from '../engine';
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

/** How each kind of job is worked out; constructing one validates its input (and may throw). */
const JOB_STEPPERS: Steppers = {
  run(input) {
    const run = new MigrationRun(input);
    return {
      get done() {
        return run.done;
      },
      step: () => run.step(),
      progress: () => run.progress(),
      simulatedMs: () => run.tMs,
      result: () => run.trace(),
    };
  },
  spectrum(input) {
    const run = new SpectrumRun(scenarioOrThrow(input));
    return {
      get done() {
        return run.done;
      },
      step: () => run.step(),
      progress: () => run.progress(),
      simulatedMs: () => run.tMs,
      result: () => run.result(),
    };
  },
};

export function createStepper<K extends JobKind>(kind: K, input: JobInput<K>): Stepper<JobValue<K>> {
  return (JOB_STEPPERS[kind] as (input: JobInput<K>) => Stepper<JobValue<K>>)(input);
}
