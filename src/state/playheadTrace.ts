import { runEndMs, type Trace } from '../engine';
import { comparedRuns } from './comparison';
import { playedRun } from './runs';
import type { WorkspaceState } from './workspace';

/** The longest finished run of the comparison: its end is the end of the Compare view's shared time scale. */
export function longestCompared(s: WorkspaceState): Trace | null {
  let longest: Trace | null = null;
  for (const { run } of comparedRuns(s))
    if (run.trace && (!longest || runEndMs(run.trace.summary) > runEndMs(longest.summary))) longest = run.trace;
  return longest;
}

/**
 * The trace the shared playhead plays over: the lab's shown run, in the Compare view its longest run, in
 * the Replay view the run opened from a file.
 */
export const playheadTrace = (s: WorkspaceState): Trace | null =>
  s.view === 'compare' ? longestCompared(s) : (playedRun(s)?.trace ?? null);
