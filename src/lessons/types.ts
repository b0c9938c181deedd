import type { AppViewKey } from '../state/appViews';

/**
 * A guided lesson: steps a student follows alone or a lecturer shows to a room. Every step has its own
 * link (`?lesson=<id>&step=<n>`, n from 1) and sets everything it needs, so nothing carries over from the
 * step before.
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

export interface LessonStep {
  title: string;
  /** Two or three sentences: what to look at and what to notice. */
  body: readonly string[];
  /** The view the step opens (the lab when absent). */
  view?: AppViewKey;
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
      answerFrom: 'downtimeMs' | 'totalTimeMs' | 'round2MiB' | 'bytesMiB' | 'rounds';
      /** Within this share of the answer counts as right (0.25 = within 25 %). */
      tolerance: number;
      /** Explains the gap in the step's terms, with the numbers filled in by the view. */
      explain: string;
    };
