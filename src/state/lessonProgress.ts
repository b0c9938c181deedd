import { z } from 'zod';
import type { LessonAnswer } from './lessonPlace';

/**
 * What a student has done in each lesson, kept in localStorage under a versioned key: the steps seen, the
 * answers given and whether the lesson was finished. Anything unreadable (another version, hand-edited
 * JSON, a full or missing storage) is treated as no progress, never as an error.
 */
export const PROGRESS_KEY = 'brownout.lessons.v1';
export const PROGRESS_VERSION = 1;

const answerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), index: z.number().int().min(0).max(99) }),
  z.strictObject({ kind: z.literal('number'), value: z.number().finite() }),
]);

const lessonProgressSchema = z.strictObject({
  /** Steps seen, from 1. */
  seen: z.array(z.number().int().min(1).max(1000)).max(1000),
  /** Answers by step number (as text: JSON keys). */
  answers: z.record(z.string().regex(/^\d{1,4}$/), answerSchema),
  finished: z.boolean(),
});

const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), lessonProgressSchema),
});

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, lessons: {} });
const emptyLesson = (): LessonProgress => ({ seen: [], answers: {}, finished: false });

/** Reads stored progress; anything that is not this version's well-formed record reads as none. */
export function readProgress(storage: Pick<Storage, 'getItem'> | undefined): Progress {
  try {
    const text = storage?.getItem(PROGRESS_KEY);
    if (!text || text.length > 200_000) return emptyProgress();
    const parsed = progressSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

/** Writes progress; a storage that refuses (private mode, full) just keeps nothing. */
export function writeProgress(storage: Pick<Storage, 'setItem'> | undefined, progress: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Progress is a convenience: losing it must not stop the lesson.
  }
}

export const lessonProgressOf = (p: Progress, id: string): LessonProgress => p.lessons[id] ?? emptyLesson();

/** Progress with a step seen. */
export function markSeen(p: Progress, id: string, step: number): Progress {
  const old = lessonProgressOf(p, id);
  if (old.seen.includes(step)) return p;
  return { ...p, lessons: { ...p.lessons, [id]: { ...old, seen: [...old.seen, step].sort((a, b) => a - b) } } };
}

/** Progress with a lesson finished (the student went through its last step). */
export function markFinished(p: Progress, id: string): Progress {
  const old = lessonProgressOf(p, id);
  return old.finished ? p : { ...p, lessons: { ...p.lessons, [id]: { ...old, finished: true } } };
}

/** Progress with the answer to a step kept (the first answer counts: a prediction is not revised). */
export function markAnswered(p: Progress, id: string, step: number, answer: LessonAnswer): Progress {
  const old = lessonProgressOf(p, id);
  if (old.answers[String(step)]) return p;
  return { ...p, lessons: { ...p.lessons, [id]: { ...old, answers: { ...old.answers, [String(step)]: answer } } } };
}

export const answerOf = (p: Progress, id: string, step: number): LessonAnswer | null =>
  lessonProgressOf(p, id).answers[String(step)] ?? null;
