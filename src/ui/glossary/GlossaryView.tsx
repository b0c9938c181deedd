import { useEffect, useMemo, useState } from 'react';
import { fieldDef } from '../../state/fields';
import type { FieldPath } from '../../state/fieldPaths';
import { useLessons, useLessonsStore } from '../lessons/LessonsContext';
import { count } from '../text/plural';
import { GLOSSARY, glossaryTerm } from './terms';
import './glossary.css';

const anchor = (id: string) => `glossary-${id}`;
const fieldLabel = (path: FieldPath) => fieldDef(path)?.label ?? path;

/** Every word the app uses, with what it means here and the controls that set it; a filter on top. */
export function GlossaryView() {
  const focus = useLessons((s) => s.glossaryFocus);
  const lessons = useLessonsStore();
  const [filter, setFilter] = useState('');
  const entries = useMemo(() => {
    const words = filter.trim().toLowerCase();
    return [...GLOSSARY]
      .sort((a, b) => a.term.localeCompare(b.term))
      .filter((t) => !words || `${t.term} ${t.aka?.join(' ') ?? ''} ${t.definition}`.toLowerCase().includes(words));
  }, [filter]);
  useEffect(() => {
    if (!focus) return;
    const el = document.getElementById(anchor(focus));
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [focus]);
  return (
    <main className="glossary" aria-label="Glossary">
      <div className="glossary__head">
        <h2>Glossary</h2>
        <label>
          Find a word <input type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <span className="muted">{count(entries.length, 'term')}</span>
      </div>
      <dl className="glossary__list">
        {entries.map((t) => (
          <div
            key={t.id}
            id={anchor(t.id)}
            tabIndex={-1}
            className={`glossary__entry${focus === t.id ? ' is-focused' : ''}`}
          >
            <dt>
              {t.term}
              {t.aka && <span className="glossary__aka"> ({t.aka.join(', ')})</span>}
            </dt>
            <dd>
              <p>{t.definition}</p>
              {t.fields && <p className="glossary__fields">Set by: {t.fields.map(fieldLabel).join(', ')}</p>}
              {t.see && (
                <p className="glossary__see">
                  See also:{' '}
                  {t.see.map((id, i) => (
                    <span key={id}>
                      {i > 0 && ', '}
                      <a
                        href={`#${anchor(id)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          setFilter('');
                          lessons.getState().focusTerm(id);
                        }}
                      >
                        {glossaryTerm(id)?.term ?? id}
                      </a>
                    </span>
                  ))}
                </p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
