import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EngineService } from './engineService';
import type { LabRunner } from './labRunner';
import type { Workspace, WorkspaceStore } from './workspace';

/** One workspace as the panels see it: its store, the engine pool, and the lab's runner (null in tests). */
export interface WorkspaceContextValue {
  store: WorkspaceStore;
  pool: EngineService;
  runner: LabRunner | null;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspaceContext(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside a WorkspaceContext provider');
  return value;
}

/** Reads one slice of this workspace's state; re-renders only when that slice changes. */
export function useWorkspace<T>(selector: (s: Workspace) => T): T {
  return useStore(useWorkspaceContext().store, selector);
}
