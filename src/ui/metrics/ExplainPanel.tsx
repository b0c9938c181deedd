import type { Trace } from '../../engine';
import { useEffect, useRef } from 'react';
import { useWorkspace } from '../../state/WorkspaceContext';
import { explainMetric, explainRound } from './explain';
import { StepsTable } from './StepsTable';

const EXPLAIN_CLASSES = { table: 'explain__steps', formula: 'explain__formula', value: 'explain__value' };

/** The working behind a number: a dialog over the metrics column; Escape or Close dismisses it. */
export function ExplainPanel({ trace }: { trace: Trace }) {
  const target = useWorkspace((s) => s.explain);
  const setExplain = useWorkspace((s) => s.setExplain);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (target) closeRef.current?.focus();
  }, [target]);
  if (!target) return null;
  const e = target.kind === 'metric' ? explainMetric(target.metric, trace) : explainRound(target.index, trace);
  return (
    <div
      className="explain"
      role="dialog"
      aria-label={`Explanation: ${e.title}`}
      onKeyDown={(ev) => {
        if (ev.key === 'Escape') setExplain(null);
      }}
    >
      <div className="explain__head">
        <h3>{e.title}</h3>
        <button ref={closeRef} type="button" onClick={() => setExplain(null)}>
          Close
        </button>
      </div>
      <p>{e.summary}</p>
      {e.steps.length > 0 && <StepsTable steps={e.steps} classes={EXPLAIN_CLASSES} />}
      {e.note && <p className="explain__note">{e.note}</p>}
    </div>
  );
}
