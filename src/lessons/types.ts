import type { Approach } from '../engine';
import type { AppViewKey } from '../state/appViews';

/**
 * A guided lesson: steps a student follows alone or a lecturer shows to a room. Every step has its own
 * link (`?lesson=<id>&step=<n>`, n from 1) and sets everything it needs, so nothing carries over from the
 * step before.
 *
 * Texts may mark a glossary term as `[[term]]` or `[[term|words shown]]`: the view turns it into a link
 * to the term's entry (src/ui/glossary/terms.ts). Every figure a text states is backed by a claim that a
 * test checks against the engine's run of the step (test/unit/lessons/claims.test.ts): the lab's run, or
 * for a fleet step the fleet's.
 */
export interface Lesson {
  /** Short, stable, used in links: `convergence`, `fleet`. */
  id: string;
  title: string;
  /** One line for the lesson list: what the lesson is about. */
  summary: string;
  /** One line shown when the lesson is finished: what the student learned. */
  learned: string;
  steps: readonly LessonStep[];
}

/** The lab's middle tabs a step can open. */
export type LessonStage = 'memory' | 'lifecycle' | 'spectrum';

export interface LessonStep {
  title: string;
  /** Two or three sentences: what to look at and what to notice. */
  body: readonly string[];
  /** The view the step opens (the lab when absent). */
  view?: AppViewKey;
  /** The lab's middle tab the step opens (memory when absent). */
  stage?: LessonStage;
  /**
   * The scenario, as a shared link's query string (`v=1&workload.writeRateMiBps=2000`): readable, checked
   * by the same code as a link, and a test can prove it loads without problems. Absent: the defaults.
   */
  scenario?: string;
  /**
   * What to highlight: a field path of the field registry (`network.linkMbps`) or a region's accessible
   * name (`Timeline`, `Metrics`, `Memory`, `Comparison`).
   */
  highlight?: string;
  /** Asked before the result is shown; the result stays covered until the student answers. */
  question?: LessonQuestion;
  /** What the step's texts state as fact, each checked against the engine (see LessonClaim). */
  claims?: readonly LessonClaim[];
}

export type LessonQuestion =
  | {
      kind: 'choice';
      prompt: string;
      choices: readonly { label: string; correct: boolean; why: string }[];
    }
  | {
      kind: 'number';
      prompt: string;
      unit: string;
      /** Where the slider or field starts and its range. */
      min: number;
      max: number;
      /**
       * The right answer, read from the step's own run (never typed in by hand), so it stays true when
       * the engine changes: e.g. `(trace) => trace.summary.downtimeMs`.
       */
      answerFrom: 'downtimeMs' | 'totalTimeMs' | 'round2MiB' | 'bytesMiB' | 'rounds' | NumericRunFigure;
      /** Within this share of the answer counts as right (0.25 = within 25 %). */
      tolerance: number;
      /**
       * Explains the gap in the step's terms, with the numbers filled in by the view: `{answer}` (the
       * run's figure), `{guess}` (the student's), and `{<figure>}` for any figure of the run (LessonFigure).
       */
      explain: string;
    };

/** A figure of one run that a lesson may state (see src/lessons/figures.ts for how each is read). */
export type RunFigure =
  | 'downtimeMs'
  | 'totalTimeMs'
  | 'totalTimeS'
  | 'bytesMiB'
  | 'memoryMultiple'
  | 'rounds'
  | 'round1MiB'
  | 'round1S'
  | 'round2MiB'
  | 'lastRoundMiB'
  /** 1 when every live round sent less than the one before it, else 0. */
  | 'roundsShrink'
  | 'postcopyFaults'
  | 'dependencyWindowMs'
  | 'faultStallMs'
  | 'maxThrottlePct'
  | 'vmLostS'
  | 'othersStarvedPct'
  | 'linkSharePct'
  | 'converged'
  | 'stopReason'
  | 'outcome'
  | 'vmLocation'
  | 'sourceDeletable'
  | 'residualDependencies'
  | 'refusals';

/** The run figures that are numbers (a number question's answer is one of them). */
export type NumericRunFigure = Exclude<
  RunFigure,
  'stopReason' | 'outcome' | 'vmLocation' | 'residualDependencies' | 'refusals' | 'sourceDeletable' | 'converged'
>;

/** A figure of the spectrum of approaches for the step's VM. */
export type SpectrumFigure = `spectrum.${Approach}.${'downtimeS' | 'totalS'}`;

/** A scenario field as the step sets it (a figure the text repeats: "2 GiB over 1 Gbit/s"). */
export type ScenarioFigure = `scenario.${string}`;

/** A field of the run's variant report (`variant.confidential.zeroPageWireBytes`) or summary (`summary.wire.zeroBytes`). */
export type TraceFigure = `variant.${string}` | `summary.${string}`;

/** A figure of a fleet run (fleet steps): a named one (src/lessons/fleetFigures.ts) or a path in its trace. */
export type FleetFigure = `fleet.${string}`;

export type LessonFigure = RunFigure | SpectrumFigure | ScenarioFigure | TraceFigure | FleetFigure;

/**
 * One statement of a step, checked against the engine: the words as they appear in one of the step's
 * texts, the figure behind them, and the run it is read from. Numbers are checked to lie in [min, max];
 * words (stop reasons, where the VM ends up) to equal `is`.
 */
export interface LessonClaim {
  says: string;
  figure: LessonFigure;
  /** Another scenario (a link query) to read the figure from: "stop-and-copy took 17 s". Absent: the step's. */
  of?: string;
  min?: number;
  max?: number;
  is?: string | number | boolean;
  /** The figure is below (or above) each of these figures of the same run(s). */
  lessThan?: readonly LessonFigure[];
  moreThan?: readonly LessonFigure[];
}
