import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EngineClient } from '../worker/engineClient';
import type { LabActions, LabState, LabStore } from './labStore';
import type { Runner } from './runner';

export interface Lab {
  store: LabStore;
  runner: Runner | null;
  engine: () => EngineClient;
}

export const LabContext = createContext<Lab | null>(null);

export function useLabContext(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('useLab outside a LabContext provider');
  return lab;
}

/** Reads one slice of this lab's state; re-renders only when that slice changes. */
export function useLab<T>(selector: (s: LabState & LabActions) => T): T {
  return useStore(useLabContext().store, selector);
}
