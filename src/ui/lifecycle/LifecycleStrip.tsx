import type { LifecycleStep } from '../../engine';
import { runEndMs } from '../../engine';
import type { Run } from '../../state/runs';
import { useWorkspace } from '../../state/WorkspaceContext';
import { formatMs } from '../format';
import './lifecycle.css';

const SHORT: Record<LifecycleStep['step'], string> = {
  allocate: 'Allocate',
  validate: 'Validate',
  copy: 'Copy (brownout)',
  blackout: 'Blackout + commit',
  redirect: 'Redirect network',
  resume: 'Resume on target',
  'delete-source': 'Delete source',
};

/** A step's status as a word on the strip (no codes on screen). */
const STATUS_WORDS: Record<Exclude<LifecycleStep['status'], 'done'>, string> = {
  refused: 'refused',
  failed: 'failed',
  skipped: 'skipped',
  blocked: 'blocked',
  unfinished: 'still going',
};

/** How a step looks at the playhead: reached and done, in progress, still to come, or how it went wrong. */
export function stepState(step: LifecycleStep, tMs: number, atEnd: boolean): string {
  if (step.status !== 'done') return step.status;
  // The last steps run on past the simulated end (forwarding, deleting the source): at the end all are done.
  if (atEnd || tMs >= step.endMs) return 'passed';
  if (tMs >= step.startMs) return 'current';
  return 'upcoming';
}

/** The seven steps of the migration in a row above the timeline, each lighting up as the playhead reaches it. */
export function LifecycleStrip({ run }: { run: Run | null }) {
  const tMs = useWorkspace((s) => s.playhead.tMs);
  const seek = useWorkspace((s) => s.seek);
  const trace = run?.trace;
  // A record without lifecycle steps (a replayed real migration) has no strip.
  if (!trace?.lifecycle) return null;
  const endMs = runEndMs(trace.summary);
  const atEnd = tMs >= endMs;
  return (
    <ol className="lifecycle-strip" aria-label="Migration steps">
      {trace.lifecycle.map((step, i) => {
        const state = stepState(step, tMs, atEnd);
        return (
          <li key={step.step} className={`lifecycle-step lifecycle-step--${state} lifecycle-step--${step.step}`}>
            <button
              type="button"
              onClick={() => seek(step.startMs)}
              title={`${step.label}: ${step.detail}`}
              aria-label={`Step ${i + 1}, ${step.label}: ${state === 'passed' || state === 'current' ? 'reached' : state}`}
            >
              <span className="lifecycle-step__n">{i + 1}</span>
              <span className="lifecycle-step__label">{SHORT[step.step]}</span>
              <span className="lifecycle-step__time">
                {step.status !== 'done'
                  ? STATUS_WORDS[step.status]
                  : step.startMs > endMs
                    ? `${formatMs(step.startMs - endMs)} after the end`
                    : formatMs(step.startMs)}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
