import { baselineRun, labStaleness, shownRun, type Run, type Staleness } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';

/** What the lab's panels draw: the shown run, its baseline (the ghost), and why it may be stale. */
export interface LabView {
  run: Run | null;
  baseline: Run | null;
  stale: Staleness | null;
}

export function useLabView(): LabView {
  return {
    run: useWorkspace(shownRun),
    baseline: useWorkspace(baselineRun),
    stale: useWorkspace(labStaleness),
  };
}
