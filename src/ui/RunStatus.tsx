import { labRun } from '../state/runs';
import { useWorkspace, useWorkspaceContext } from '../state/WorkspaceContext';
import { formatMs } from './format';

/** Wall time the engine computed, in whole seconds (it is a bound of tens of seconds). */
const formatWallS = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/**
 * The lab's run: progress of a long one with Cancel, one paused at its wall-time bound with Continue and
 * Stop, an error with Retry, a cancelled one with Run again.
 */
export function RunStatus() {
  const { runner } = useWorkspaceContext();
  const run = useWorkspace(labRun);
  const shownIsCurrent = useWorkspace((s) => s.labRunId === s.shownRunId);
  const hasEarlier = useWorkspace((s) => s.shownRunId !== null);
  if (!run || shownIsCurrent) return null;
  if (run.status === 'failed')
    return (
      <div className="run-status run-status--failed" role="alert">
        <span>The engine stopped with an error: {run.error}</span>
        <button type="button" onClick={() => runner?.retry()}>
          Retry
        </button>
      </div>
    );
  if (run.status === 'cancelled')
    return (
      <div className="run-status" role="status">
        <span>Run cancelled: the panels show the result before your last change.</span>
        <button type="button" onClick={() => runner?.retry()}>
          Run again
        </button>
      </div>
    );
  const { pausedAfterMs } = run.progress;
  if (pausedAfterMs !== undefined)
    return (
      <div className="run-status run-status--paused" role="alert">
        <span>
          Paused: this run has computed for {formatWallS(pausedAfterMs)} without finishing (
          <span className="nowrap">{formatMs(run.progress.simulatedMs)}</span> of the migration simulated so far).
          {hasEarlier ? ' The panels show the result before your last change.' : ''}
        </span>
        <button type="button" onClick={() => runner?.resume()}>
          Continue
        </button>
        <button type="button" onClick={() => runner?.cancel()}>
          Stop
        </button>
      </div>
    );
  if (run.progress.fraction === 0) return null;
  return (
    <div className="run-status" role="status" aria-label="Simulation progress">
      <progress max={1} value={run.progress.fraction} aria-label="Simulating" />
      <span>simulating… {formatMs(run.progress.simulatedMs)} so far</span>
      <button type="button" onClick={() => runner?.cancel()}>
        Cancel
      </button>
    </div>
  );
}
