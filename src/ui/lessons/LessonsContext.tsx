import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  markAnswered,
  markFinished,
  markSeen,
  readProgress,
  writeProgress,
  type Progress,
} from '../../state/lessonProgress';
import type { LessonAnswer } from '../../state/lessonPlace';

/** Lesson progress (kept in localStorage) and the glossary entry asked for, one store per app instance. */
export interface LessonsState {
  progress: Progress;
  /** The glossary entry to bring into view (set by a "?" link, read by the glossary view). */
  glossaryFocus: string | null;
  seen(id: string, step: number): void;
  answered(id: string, step: number, answer: LessonAnswer): void;
  finished(id: string): void;
  resetProgress(): void;
  focusTerm(id: string | null): void;
}

export type LessonsStore = StoreApi<LessonsState>;

export function createLessonsStore(storage: Storage | undefined): LessonsStore {
  return createStore<LessonsState>()((set, get) => {
    const save = (progress: Progress) => {
      if (progress === get().progress) return;
      writeProgress(storage, progress);
      set({ progress });
    };
    return {
      progress: readProgress(storage),
      glossaryFocus: null,
      seen: (id, step) => save(markSeen(get().progress, id, step)),
      answered: (id, step, answer) => save(markAnswered(get().progress, id, step, answer)),
      finished: (id) => save(markFinished(get().progress, id)),
      resetProgress: () => save({ ...get().progress, lessons: {} }),
      focusTerm: (glossaryFocus) => set({ glossaryFocus }),
    };
  });
}

const LessonsContext = createContext<LessonsStore | null>(null);

export function LessonsProvider({ storage, children }: { storage: Storage | undefined; children: ReactNode }) {
  const store = useMemo(() => createLessonsStore(storage), [storage]);
  return <LessonsContext.Provider value={store}>{children}</LessonsContext.Provider>;
}

/** The lessons store, or null outside a LessonsProvider (a panel rendered on its own in a test). */
export const useOptionalLessonsStore = (): LessonsStore | null => useContext(LessonsContext);

export function useLessonsStore(): LessonsStore {
  const store = useContext(LessonsContext);
  if (!store) throw new Error('useLessons needs a LessonsProvider');
  return store;
}

export function useLessons<T>(selector: (s: LessonsState) => T): T {
  return useStore(useLessonsStore(), selector);
}
