import { useId, type ReactNode } from 'react';
import type { MetricKey } from '../../state/workspace';
import { useWorkspace } from '../../state/WorkspaceContext';
import { MetricHelp } from '../glossary/GlossaryLink';

/**
 * One figure: its label (which is also the element's accessible name), the value, a sub-line, the value
 * before the last change (faint), and a "why?" button that opens the working.
 */
export function MetricCard(props: {
  label: string;
  metric: MetricKey;
  value: string;
  detail?: string;
  before?: string;
  /** What the faint value is: the run before the last change, or a baseline pinned by hand. */
  beforeLabel?: 'before' | 'baseline';
  /** Spans the whole column (the others sit two to a row). */
  wide?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  const setExplain = useWorkspace((s) => s.setExplain);
  return (
    <div role="group" aria-labelledby={id} className={`metric${props.wide ? ' metric--wide' : ''}`}>
      <div className="metric__head">
        <span id={id} className="metric__label">
          {props.label}
        </span>
        <MetricHelp metric={props.metric} />
        <button
          type="button"
          className="metric__why"
          aria-label={`Explain ${props.label}`}
          onClick={() => setExplain({ kind: 'metric', metric: props.metric })}
        >
          why?
        </button>
      </div>
      <div className="metric__body">
        <div>
          <div className="metric__value">{props.value}</div>
          {props.detail && <div className="metric__detail">{props.detail}</div>}
          {props.before && props.before !== props.value && (
            <div
              className="metric__before"
              title={
                props.beforeLabel === 'baseline'
                  ? 'The value of the pinned baseline'
                  : 'The value before your last change'
              }
            >
              {props.beforeLabel ?? 'before'}: {props.before}
            </div>
          )}
        </div>
        {props.children}
      </div>
    </div>
  );
}
