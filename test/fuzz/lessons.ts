import fc from 'fast-check';
import { LESSONS } from '../../src/lessons';
import { bootWorkspace } from '../../src/state/bootWorkspace';
import { PROGRESS_KEY, readProgress } from '../../src/state/lessonProgress';
import { bootLessonLink, withLessonLinkVersion } from '../../src/ui/lessons/openStep';
import { hostileText } from './values';
import { fail, guarded, pass, unclearMessages, type Outcome } from './verdict';

/** Hostile lesson links (`lesson=`, `step=`, beside scenario fields or not) and hostile stored progress. */

const lessonId = fc.oneof(fc.constantFrom(...LESSONS.map((l) => l.id)), hostileText);
const stepText = fc.oneof(fc.integer({ min: -3, max: 12 }).map(String), hostileText);

export const hostileLessonLink = fc
  .tuple(fc.option(lessonId, { nil: undefined }), fc.option(stepText, { nil: undefined }), fc.boolean(), fc.boolean())
  .map(([lesson, step, withVersion, withField]) => {
    const params = new URLSearchParams();
    if (withVersion) params.set('v', '1');
    if (withField) params.set('network.linkMbps', '10000');
    if (lesson !== undefined) params.set('lesson', lesson);
    if (step !== undefined) params.set('step', step);
    return `?${params.toString()}`;
  });

/** Opens the link as the app does: the lab always opens, on a step that exists or none, with clear notices. */
export function checkLessonLink(search: string): Outcome {
  return guarded(() => {
    const full = withLessonLinkVersion(search);
    const s = bootLessonLink(bootWorkspace(full, undefined), full, undefined).getState();
    if (s.lesson) {
      const lesson = LESSONS.find((l) => l.id === s.lesson!.id);
      if (!lesson || s.lesson.step < 1 || s.lesson.step > lesson.steps.length)
        return fail('opened a step that is not there', JSON.stringify(s.lesson));
    }
    const unclear = unclearMessages(
      s.notices.flatMap((n) => n.lines),
      12,
    );
    if (unclear) return fail('unclear notice', unclear);
    return pass(s.lesson ? 'opened a step' : s.notices.length ? 'refused with a notice' : 'no lesson');
  });
}

export const hostileProgress = fc.oneof(
  hostileText,
  fc.json(),
  fc.jsonValue().map((lessons) => JSON.stringify({ version: 1, lessons })),
);

/** Reads stored progress: it is well-formed or none, never a throw. */
export function checkProgress(text: string): Outcome {
  return guarded(() => {
    const p = readProgress({ getItem: (k) => (k === PROGRESS_KEY ? text : null) });
    const wellFormed =
      p.version === 1 &&
      Object.values(p.lessons).every((l) => Array.isArray(l.seen) && typeof l.finished === 'boolean');
    if (!wellFormed) return fail('malformed progress read', JSON.stringify(p).slice(0, 300));
    return pass(Object.keys(p.lessons).length ? 'progress kept' : 'no progress');
  });
}
