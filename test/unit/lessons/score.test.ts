// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine';
import { lessonById, loadLessonStep } from '../../../src/lessons';
import { scoreAnswer } from '../../../src/ui/lessons/score';

describe("scoring a prediction against the step's run", () => {
  const lesson = lessonById('rounds')!;
  const step = loadLessonStep(lesson, 1);
  const trace = runScenario(step.scenario);
  const round2MiB = trace.summary.rounds[1].bytesSent / 2 ** 20;
  const question = step.step.question!;

  it("a number within the tolerance is right; the verdict and the explanation carry the run's own figures", () => {
    const close = scoreAnswer(question, { kind: 'number', value: round2MiB * 1.1 }, trace);
    expect(close.right).toBe(true);
    expect(close.verdict).toMatch(/^Close: you said \d+ MiB, the run gives \d+(\.\d)? MiB\.$/);
    const far = scoreAnswer(question, { kind: 'number', value: round2MiB * 4 }, trace);
    expect(far.right).toBe(false);
    expect(far.verdict).toMatch(/about 4\.0 times too high/);
    const low = scoreAnswer(question, { kind: 'number', value: round2MiB * 0.6 }, trace);
    expect(low.verdict).toMatch(/40 % too low/);
    const seconds = (trace.summary.rounds[0].endMs - trace.summary.rounds[0].startMs) / 1000;
    expect(far.why.join(' ')).toContain(`Round 1 lasted ${seconds.toFixed(1)} s`);
    expect(far.why.join(' ')).not.toMatch(/\{\w+\}/);
  });

  it('a choice is scored by its own flag, and a wrong one is told the right answer and why', () => {
    const choice = loadLessonStep(lesson, 3).step.question!;
    if (choice.kind !== 'choice') throw new Error('step 3 asks a choice');
    const rightIndex = choice.choices.findIndex((c) => c.correct);
    const wrongIndex = choice.choices.findIndex((c) => !c.correct);
    expect(scoreAnswer(choice, { kind: 'choice', index: rightIndex }, trace)).toMatchObject({ right: true });
    const wrong = scoreAnswer(choice, { kind: 'choice', index: wrongIndex }, trace);
    expect(wrong.right).toBe(false);
    expect(wrong.verdict).toContain(choice.choices[rightIndex].label);
    expect(wrong.why).toEqual([choice.choices[wrongIndex].why, choice.choices[rightIndex].why]);
  });
});
