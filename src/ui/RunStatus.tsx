import { useLab, useLabContext } from '../state/LabContext';
import { formatMs } from './format';

/** Progress of a long engine run with a Cancel button, or an engine error with Retry. */
export function RunStatus() {
  const { runner } = useLabContext();
  const status = useLab((s) => s.status);
  const progress = useLab((s) => s.progress);
  const simulated = useLab((s) => s.progressSimulatedMs);
  const error = useLab((s) => s.error);
  if (status === 'failed')
    return (
      <div className="run-status run-status--failed" role="alert">
        <span>The engine stopped with an error: {error}</span>
        <button type="button" onClick={() => runner?.retry()}>
          Retry
        </button>
      </div>
    );
  if (status !== 'running' || progress === 0) return null;
  return (
    <div className="run-status" role="status" aria-label="Simulation progress">
      <progress max={1} value={progress} aria-label="Simulating" />
      <span>simulating… {formatMs(simulated)} so far</span>
      <button type="button" onClick={() => runner?.cancel()}>
        Cancel
      </button>
    </div>
  );
}
