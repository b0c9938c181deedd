import { lessonById, LESSONS, loadLessonStep, type Lesson } from '../../lessons';
import { answerOf, readProgress } from '../../state/lessonProgress';
import { openLessonStep, readLessonLink } from '../../state/lessonPlace';
import { isLinkExtra } from '../../state/linkExtras';
import { decodeLink } from '../../state/urlCodec';
import type { WorkspaceStore } from '../../state/workspace';
import type { LessonsStore } from './LessonsContext';

/** Opens step `n` (from 1) of a lesson: its scenario, view and the answer already given, if any. */
export function openStep(store: WorkspaceStore, lessons: LessonsStore, lesson: Lesson, n: number): void {
  const loaded = loadLessonStep(lesson, n);
  const answer = answerOf(lessons.getState().progress, lesson.id, n);
  store
    .getState()
    .apply(
      openLessonStep(
        { id: lesson.id, step: n, scenario: loaded.scenario, view: loaded.view, fleet: loaded.fleet },
        answer,
      ),
    );
  lessons.getState().seen(lesson.id, n);
}

/** Whether a link sets scenario fields of its own (then they win over the step's: a student's changes). */
const setsScenario = (search: string) =>
  [...new URLSearchParams(search).keys()].some((k) => k !== 'v' && k !== 't' && !isLinkExtra(k));

/**
 * A lesson step's own link (`?lesson=rounds&step=2`) needs no format version: it names a step, whose
 * scenario has one. The version is added so the link reads without a notice about it.
 */
export function withLessonLinkVersion(search: string): string {
  const params = new URLSearchParams(search);
  if (!params.has('lesson') || params.has('v')) return search;
  params.set('v', '1');
  return `?${params.toString()}`;
}

/**
 * A link's `lesson=` and `step=`, read once at boot: the step opens (with the link's own scenario when it
 * carries one), or a notice names the parameter, the values it may take, and the lab opens as it was.
 */
export function bootLessonLink(store: WorkspaceStore, search: string, storage: Storage | undefined): WorkspaceStore {
  const link = decodeLink(search);
  if (!link) return store;
  const { place, problem } = readLessonLink(link.extras, LESSONS);
  if (problem)
    store.getState().notify({ tone: 'warning', title: 'This lesson link could not be read in full', lines: [problem] });
  const lesson = place && lessonById(place.id);
  if (!place || !lesson) return store;
  const answer = answerOf(readProgress(storage), place.id, place.step);
  const loaded = loadLessonStep(lesson, place.step);
  if (setsScenario(search) && !problem) {
    // The scenario came from the link (the student changed the step's): keep it, only the place is new.
    store.setState({
      lesson: { id: place.id, step: place.step, answer },
      view: link.extras.view ? store.getState().view : loaded.view,
    });
  } else
    store
      .getState()
      .apply(
        openLessonStep(
          { id: place.id, step: place.step, scenario: loaded.scenario, view: loaded.view, fleet: loaded.fleet },
          answer,
        ),
      );
  return store;
}
