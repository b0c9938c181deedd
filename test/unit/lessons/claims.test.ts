// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { FleetTrace, SpectrumEntry, Trace } from '../../../src/engine';
import { LESSONS } from '../../../src/lessons';
import { checkClaim, isRunFigure, type FigureSources } from '../../../src/lessons/figures';
import { loadLessonStep } from '../../../src/lessons/load';
import { stepTexts, plainText } from '../../../src/lessons/text';
import type { LessonStep } from '../../../src/lessons/types';
import { fleetScenarioOf, readFleetLink } from '../../../src/state/fleetLink';
import { decodeLink } from '../../../src/state/urlCodec';
import { InProcessEngine } from '../../../src/worker/inProcessEngine';

/**
 * Every figure a lesson states is checked against the engine: each step's scenario (and each other
 * scenario a claim names) is run with the in-process engine, as the app's workers run it, and every claim
 * must hold. Every number written in a step's texts must sit inside one of its claims, so a figure cannot
 * be typed into a lesson without being checked. A fleet step's link (`view=fleet&fleet=…`) is also run
 * through the fleet engine, as the fleet view runs it, for its `fleet.` figures. The one figure taken from
 * the course notes rather than a run is the 750 ms that common TCP stacks survive.
 */
const REFERENCE_FIGURES = ['750 ms'];

/** Numbers that name a thing rather than state a figure: "round 2" is the second round, vm0 a VM, rack 1 a rack. */
const NAMES = /\b(?:[Rr]ound \d+|[Rr]ack \d+|vm\d+)/g;

const engine = new InProcessEngine();
const sourcesCache = new Map<string, Promise<FigureSources>>();

async function sourcesOf(query: string, withSpectrum: boolean): Promise<FigureSources> {
  const key = `${withSpectrum}|${query}`;
  let found = sourcesCache.get(key);
  if (!found) {
    found = (async () => {
      const link = decodeLink(query);
      expect(link?.problems ?? ['no scenario'], query).toEqual([]);
      const scenario = link!.scenario;
      const run = await engine.start('run', scenario);
      if (run.status !== 'done') throw new Error(`run of ${query}: ${run.status}`);
      let spectrum: SpectrumEntry[] | undefined;
      let fleet: FleetTrace | undefined;
      if (link!.extras.view === 'fleet') {
        const { setup, problems } = readFleetLink(link!.extras);
        expect(problems, query).toEqual([]);
        const input = fleetScenarioOf(setup);
        if (!input.ok) throw new Error(`fleet of ${query}: ${input.problems.join('; ')}`);
        const f = await engine.start('fleet', input.input, { priority: 'background' });
        if (f.status !== 'done') throw new Error(`fleet run of ${query}: ${f.status}`);
        fleet = f.value;
      }
      if (withSpectrum) {
        const s = await engine.start('spectrum', scenario, { priority: 'background' });
        if (s.status !== 'done') throw new Error(`spectrum of ${query}: ${s.status}`);
        spectrum = s.value;
      }
      return { scenario, trace: run.value as Trace, spectrum, fleet };
    })();
    sourcesCache.set(key, found);
  }
  return found;
}

const needsSpectrum = (step: LessonStep, of?: string) =>
  (step.claims ?? []).some(
    (c) =>
      c.of === of && [c.figure, ...(c.lessThan ?? []), ...(c.moreThan ?? [])].some((f) => f.startsWith('spectrum.')),
  );

/** The numbers written in a text: "17 s", "4,500", "0.75". */
const numbersIn = (text: string) =>
  [
    ...text
      .replace(NAMES, (name) => name.replace(/\d/g, '#'))
      .replace(/\{\w+\}/g, (p) => '#'.repeat(p.length))
      .matchAll(/\d[\d,.]*\d|\d/g),
  ].map((m) => ({
    at: m.index,
    text: m[0],
  }));

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it.each(lesson.steps.map((s, i) => [i + 1, s.title] as const))(
    'step %i (%s): its scenario loads cleanly and every claim holds in the engine',
    async (n) => {
      const loaded = loadLessonStep(lesson, n);
      expect(loaded.problems).toEqual([]);
      const step = loaded.step;
      const problems: string[] = [];
      for (const claim of step.claims ?? []) {
        const from = await sourcesOf(claim.of ?? step.scenario ?? 'v=1', needsSpectrum(step, claim.of));
        const problem = checkClaim(claim, from);
        if (problem) problems.push(problem);
      }
      expect(problems).toEqual([]);
      if (step.question?.kind === 'number') {
        expect(isRunFigure(step.question.answerFrom)).toBe(true);
        const from = await sourcesOf(step.scenario ?? 'v=1', false);
        const answer = checkClaim(
          { says: 'answer', figure: step.question.answerFrom, min: step.question.min, max: step.question.max },
          from,
        );
        expect(answer, 'the right answer lies on the slider').toBeNull();
      }
      if (step.question?.kind === 'choice') expect(step.question.choices.filter((c) => c.correct)).toHaveLength(1);
    },
    60_000,
  );

  it('every number its texts state sits inside a claim that is checked', () => {
    const unchecked: string[] = [];
    for (const text of [lesson.title, lesson.summary, lesson.learned])
      for (const n of numbersIn(text))
        if (!REFERENCE_FIGURES.some((f) => text.includes(f) && f.startsWith(n.text)))
          unchecked.push(`${lesson.id}: "${n.text}" in "${text}"`);
    lesson.steps.forEach((step, i) => {
      const says = [...(step.claims ?? []).map((c) => plainText(c.says)), ...REFERENCE_FIGURES];
      for (const raw of stepTexts(step)) {
        const text = plainText(raw);
        for (const n of numbersIn(text)) {
          const covered = says.some((s) => {
            for (let from = text.indexOf(s); from >= 0; from = text.indexOf(s, from + 1))
              if (from <= n.at && n.at + n.text.length <= from + s.length) return true;
            return false;
          });
          if (!covered) unchecked.push(`${lesson.id} step ${i + 1}: "${n.text}" in "${text}"`);
        }
      }
      for (const c of step.claims ?? [])
        expect(
          stepTexts(step)
            .map(plainText)
            .some((t) => t.includes(plainText(c.says))),
          `claim "${c.says}" is in the step's text`,
        ).toBe(true);
    });
    expect(unchecked).toEqual([]);
  });
});
