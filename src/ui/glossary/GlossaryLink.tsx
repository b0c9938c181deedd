import { useId } from 'react';
import * as t from '../../state/transitions';
import { useWorkspaceContext } from '../../state/WorkspaceContext';
import { useOptionalLessonsStore } from '../lessons/LessonsContext';
import type { MetricKey } from '../../state/workspace';
import { glossaryTerm, termForField, termForMetric } from './terms';
import './glossary.css';

/**
 * A link to a glossary entry where its word appears: a small "?" beside a label, or the word itself in a
 * lesson's text. It opens the entry in a popover over the page (Escape or a click elsewhere closes it),
 * with a way on to the whole glossary.
 */
export function GlossaryLink({ termId, children }: { termId: string; children?: string }) {
  const id = useId();
  const { store } = useWorkspaceContext();
  const lessons = useOptionalLessonsStore();
  const entry = glossaryTerm(termId);
  if (!entry) return children ?? null;
  const openGlossary = () => {
    lessons?.getState().focusTerm(entry.id);
    store.getState().apply(t.openView('glossary'));
  };
  return (
    <>
      <button
        type="button"
        className={children ? 'term-link' : 'term-help'}
        popoverTarget={id}
        aria-label={children ? undefined : `What is ${entry.term.toLowerCase()}?`}
        title={children ? `Glossary: ${entry.term}` : undefined}
        data-term={entry.id}
      >
        {children ?? '?'}
      </button>
      <div popover="auto" id={id} className="term-popover" role="dialog" aria-label={`Glossary: ${entry.term}`}>
        <strong>{entry.term}</strong>
        {entry.aka && <span className="term-popover__aka"> ({entry.aka.join(', ')})</span>}
        <p>{entry.definition}</p>
        <div className="term-popover__actions">
          <button type="button" onClick={openGlossary}>
            Open the glossary
          </button>
          <button type="button" popoverTarget={id} popoverTargetAction="hide">
            Close
          </button>
        </div>
      </div>
    </>
  );
}

/** The "?" beside a control's label, when the glossary explains its field. */
export function FieldHelp({ field }: { field?: string }) {
  const entry = field ? termForField(field) : undefined;
  return entry ? <GlossaryLink termId={entry.id} /> : null;
}

/** The "?" beside a metric's label, when the glossary explains it. */
export function MetricHelp({ metric }: { metric: MetricKey }) {
  const entry = termForMetric(metric);
  return entry ? <GlossaryLink termId={entry.id} /> : null;
}
