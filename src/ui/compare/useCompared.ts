import { useShallow } from 'zustand/react/shallow';
import { comparedRuns } from '../../state/comparison';
import type { Run } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';

export interface Compared {
  label: string;
  run: Run;
}

/** The comparison's runs, re-rendering only when a run or a name changes (not for the playhead). */
export function useShallowCompared(): Compared[] {
  const flat = useWorkspace(useShallow((s) => comparedRuns(s).flatMap((c) => [c.label, c.run] as const)));
  const out: Compared[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push({ label: flat[i] as string, run: flat[i + 1] as Run });
  return out;
}
