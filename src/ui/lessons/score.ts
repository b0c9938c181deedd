import type { Trace } from '../../engine';
import { runFigure } from '../../lessons/figures';
import type { LessonQuestion, RunFigure } from '../../lessons/types';
import type { LessonAnswer } from '../../state/lessonPlace';
import { formatCount, formatMiB, formatMs, formatPct } from '../format';

/** A run figure as the lesson texts show it, with its unit. */
export function formatFigure(figure: RunFigure, value: number | string | boolean): string {
  if (typeof value !== 'number') return String(value);
  if (figure.endsWith('Ms')) return formatMs(value);
  if (figure.endsWith('MiB')) return formatMiB(value);
  if (figure.endsWith('S')) return formatMs(value * 1000);
  if (figure.endsWith('Pct')) return formatPct(value);
  if (figure === 'postcopyFaults') return `${formatCount(value)} faults`;
  if (figure === 'rounds') return `${value} round${value === 1 ? '' : 's'}`;
  return formatCount(value);
}

/** A guess in the question's own unit. */
export const formatGuess = (value: number, unit: string): string => `${formatCount(value)} ${unit}`;

/** The explanation with `{answer}`, `{guess}` and `{<figure>}` filled in from the run. */
export function fillExplanation(text: string, trace: Trace, extra: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in extra) return extra[name];
    try {
      return formatFigure(name as RunFigure, runFigure(trace, name as RunFigure));
    } catch {
      return whole;
    }
  });
}

export interface Score {
  right: boolean;
  /** One line: how the answer compares with the run. */
  verdict: string;
  /** Why, in the step's terms, with the run's numbers. */
  why: string[];
}

/** Scores an answer against the run of the step: a number within the tolerance, or the right choice. */
export function scoreAnswer(question: LessonQuestion, answer: LessonAnswer, trace: Trace): Score {
  if (question.kind === 'choice') {
    const picked = answer.kind === 'choice' ? question.choices[answer.index] : undefined;
    const right = question.choices.find((c) => c.correct)!;
    if (picked?.correct) return { right: true, verdict: 'Right.', why: [picked.why] };
    return {
      right: false,
      verdict: `Not quite: the answer is "${right.label}".`,
      why: [...(picked ? [picked.why] : []), right.why],
    };
  }
  const truth = Number(runFigure(trace, question.answerFrom));
  const guess = answer.kind === 'number' ? answer.value : NaN;
  const shownTruth = formatFigure(question.answerFrom, truth);
  const shownGuess = formatGuess(guess, question.unit);
  const off = truth === 0 ? Math.abs(guess) : Math.abs(guess - truth) / Math.abs(truth);
  const right = off <= question.tolerance;
  const direction = guess > truth ? 'high' : 'low';
  const ratio = guess > truth ? guess / truth : truth / guess;
  const gap =
    Number.isFinite(ratio) && ratio >= 2
      ? `about ${ratio.toFixed(ratio >= 10 ? 0 : 1)} times too ${direction}`
      : `${Math.round(off * 100)} % too ${direction}`;
  const verdict =
    truth === 0 && !right
      ? `You said ${shownGuess}; the run gives ${shownTruth}.`
      : right
        ? `Close: you said ${shownGuess}, the run gives ${shownTruth}.`
        : `You said ${shownGuess}; the run gives ${shownTruth}: ${gap}.`;
  return {
    right,
    verdict,
    why: [fillExplanation(question.explain, trace, { answer: shownTruth, guess: shownGuess })],
  };
}
