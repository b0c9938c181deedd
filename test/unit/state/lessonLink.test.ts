import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons';
import { lessonStepLink, loadLessonStep } from '../../../src/lessons/load';
import { bootWorkspace } from '../../../src/state/bootWorkspace';
import { lessonExtras, readLessonLink } from '../../../src/state/lessonPlace';
import { decodeLink } from '../../../src/state/urlCodec';
import { workspaceQuery } from '../../../src/state/workspaceLink';
import { bootLessonLink, withLessonLinkVersion } from '../../../src/ui/lessons/openStep';

const CATALOGUE = [
  { id: 'rounds', steps: [1, 2, 3, 4] },
  { id: 'postcopy', steps: [1, 2, 3] },
];

describe('lesson links', () => {
  it('reads a lesson and a step, and a lesson alone as its first step', () => {
    expect(readLessonLink({ lesson: 'rounds', step: '3' }, CATALOGUE)).toEqual({ place: { id: 'rounds', step: 3 } });
    expect(readLessonLink({ lesson: 'postcopy' }, CATALOGUE)).toEqual({ place: { id: 'postcopy', step: 1 } });
    expect(readLessonLink({}, CATALOGUE)).toEqual({ place: null });
  });

  it('refuses an unknown lesson, naming the parameter and every lesson there is', () => {
    const read = readLessonLink({ lesson: 'nope', step: '99' }, CATALOGUE);
    expect(read.place).toBeNull();
    expect(read.problem).toBe(
      'lesson: "nope" is not a lesson (rounds, postcopy); the lab was opened (and step="99" with it)',
    );
  });

  it('refuses a step the lesson does not have, naming the range, and opens its first step', () => {
    for (const step of ['0', '5', '-1', '2.5', '1e1', ' 2', '', 'two', '99999999999999999999'])
      expect(readLessonLink({ lesson: 'rounds', step }, CATALOGUE)).toEqual({
        place: { id: 'rounds', step: 1 },
        problem: expect.stringMatching(
          /^step: ".*" is not a step of lesson rounds \(a whole number 1 to 4\); step 1 was opened$/,
        ),
      });
    expect(readLessonLink({ step: '2' }, CATALOGUE).problem).toMatch(/^step: "2" needs a lesson= beside it/);
  });

  it('never throws and never names a place that is not there, whatever the link says', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (lesson, step) => {
          const read = readLessonLink({ lesson, step }, CATALOGUE);
          if (read.place) {
            const found = CATALOGUE.find((l) => l.id === read.place!.id);
            expect(found).toBeDefined();
            expect(read.place.step).toBeGreaterThanOrEqual(1);
            expect(read.place.step).toBeLessThanOrEqual(found!.steps.length);
          }
          if (read.problem) expect(read.problem.length).toBeLessThan(400);
        },
      ),
    );
  });

  it('a place goes into a link and comes back from it', () => {
    const place = { id: 'rounds', step: 2, answer: null };
    const link = decodeLink(`v=1&lesson=${lessonExtras(place).lesson}&step=${lessonExtras(place).step}`);
    expect(link?.problems).toEqual([]);
    expect(readLessonLink(link!.extras, CATALOGUE)).toEqual({ place: { id: 'rounds', step: 2 } });
    expect(lessonExtras(null)).toEqual({});
  });

  it('every step of every lesson opens from its own link with its own scenario, and the app writes the link back', () => {
    for (const lesson of LESSONS)
      lesson.steps.forEach((_, i) => {
        const n = i + 1;
        const search = withLessonLinkVersion(`?lesson=${lesson.id}&step=${n}`);
        const store = bootLessonLink(bootWorkspace(search, undefined), search, undefined);
        const s = store.getState();
        expect(s.notices).toEqual([]);
        expect(s.lesson).toEqual({ id: lesson.id, step: n, answer: null });
        expect(s.scenario).toEqual(loadLessonStep(lesson, n).scenario);
        expect(workspaceQuery(s)).toContain(`lesson=${lesson.id}&step=${n}`);
        // The link the app writes opens the same step on the same scenario.
        const again = bootLessonLink(
          bootWorkspace(`?${workspaceQuery(s)}`, undefined),
          `?${workspaceQuery(s)}`,
          undefined,
        );
        expect(again.getState().scenario).toEqual(s.scenario);
        expect(again.getState().lesson?.step).toBe(n);
        expect(decodeLink(lessonStepLink(lesson, n))?.problems).toEqual([]);
      });
  });

  it('a link with its own scenario keeps it (the student changed the step), and a hostile one keeps the lab working', () => {
    const search = '?v=1&network.linkMbps=10000&lesson=rounds&step=2';
    const store = bootLessonLink(bootWorkspace(search, undefined), search, undefined);
    expect(store.getState().scenario.network.linkMbps).toBe(10000);
    expect(store.getState().lesson).toMatchObject({ id: 'rounds', step: 2 });
    const hostile = '?v=1&lesson=nope&step=99';
    const lab = bootLessonLink(bootWorkspace(hostile, undefined), hostile, undefined).getState();
    expect(lab.lesson).toBeNull();
    expect(lab.view).toBe('lab');
    expect(lab.notices.flatMap((n) => n.lines).join(' ')).toMatch(/lesson: "nope" is not a lesson \(why-move, .*\)/);
  });
});
