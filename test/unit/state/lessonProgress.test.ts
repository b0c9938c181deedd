import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerOf,
  emptyProgress,
  lessonProgressOf,
  markAnswered,
  markFinished,
  markSeen,
  PROGRESS_KEY,
  readProgress,
  writeProgress,
} from '../../../src/state/lessonProgress';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('lesson progress in storage', () => {
  it('keeps the steps seen, the answers and the finished lessons across a reload, under a versioned key', () => {
    const storage = memoryStorage();
    let p = emptyProgress();
    p = markSeen(p, 'rounds', 2);
    p = markSeen(p, 'rounds', 1);
    p = markSeen(p, 'rounds', 2);
    p = markAnswered(p, 'rounds', 1, { kind: 'number', value: 120 });
    p = markAnswered(p, 'rounds', 1, { kind: 'number', value: 999 });
    p = markFinished(p, 'postcopy');
    writeProgress(storage, p);
    expect(PROGRESS_KEY).toMatch(/v1$/);
    expect([...storage.data.keys()]).toEqual([PROGRESS_KEY]);
    const back = readProgress(storage);
    expect(lessonProgressOf(back, 'rounds').seen).toEqual([1, 2]);
    // The first answer counts: a prediction is not revised after the result is seen.
    expect(answerOf(back, 'rounds', 1)).toEqual({ kind: 'number', value: 120 });
    expect(answerOf(back, 'rounds', 2)).toBeNull();
    expect(lessonProgressOf(back, 'postcopy').finished).toBe(true);
    expect(lessonProgressOf(back, 'rounds').finished).toBe(false);
  });

  it('reads malformed, foreign or newer storage as no progress, without throwing', () => {
    const bad = [
      '',
      'not json',
      '{',
      'null',
      '[]',
      '{"version":2,"lessons":{}}',
      '{"version":1}',
      '{"version":1,"lessons":{"rounds":{"seen":"all","answers":{},"finished":true}}}',
      '{"version":1,"lessons":{"rounds":{"seen":[1],"answers":{"1":{"kind":"number","value":"NaN"}},"finished":false}}}',
      '{"version":1,"lessons":{"__proto__":{"seen":[],"answers":{},"finished":true}}}',
      JSON.stringify({ version: 1, lessons: {}, extra: 1 }),
      '['.repeat(100_000),
    ];
    for (const text of bad) expect(readProgress(memoryStorage({ [PROGRESS_KEY]: text }))).toEqual(emptyProgress());
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readProgress(throwing)).toEqual(emptyProgress());
    expect(() => writeProgress(throwing, emptyProgress())).not.toThrow();
    expect(readProgress(undefined)).toEqual(emptyProgress());
  });

  it('whatever is stored, what is read back is well-formed progress', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ version: 1, lessons: v })),
        ),
        (text) => {
          const p = readProgress(memoryStorage({ [PROGRESS_KEY]: text }));
          expect(p.version).toBe(1);
          for (const l of Object.values(p.lessons)) {
            expect(Array.isArray(l.seen)).toBe(true);
            expect(typeof l.finished).toBe('boolean');
          }
        },
      ),
    );
  });
});
