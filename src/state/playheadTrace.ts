import type { Trace } from '../engine';
import { comparedRuns } from './comparison';
import { shownRun } from './runs';
import type { WorkspaceState } from './workspace';

/** The longest finished run of the comparison: its end is the end of the Compare view's shared time scale. */
export function longestCompared(s: WorkspaceState): Trace | null {
  let longest: Trace | null = null;
  for (const { run } of comparedRuns(s))
    if (run.trace && (!longest || run.trace.summary.totalTimeMs > longest.summary.totalTimeMs)) longest = run.trace;
  return longest;
}

/** The trace the shared playhead plays over: the lab's shown run, or in the Compare view its longest run. */
export const playheadTrace = (s: WorkspaceState): Trace | null =>
  s.view === 'compare' ? longestCompared(s) : (shownRun(s)?.trace ?? null);
