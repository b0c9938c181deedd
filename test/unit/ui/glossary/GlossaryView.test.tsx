import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GlossaryView } from '../../../../src/ui/glossary/GlossaryView';
import { GLOSSARY } from '../../../../src/ui/glossary/terms';
import { LessonsProvider } from '../../../../src/ui/lessons/LessonsContext';

describe('the glossary view', () => {
  it('lists every term in alphabetical order and counts what the filter leaves, in the right number', () => {
    render(
      <LessonsProvider storage={undefined}>
        <GlossaryView />
      </LessonsProvider>,
    );
    const glossary = screen.getByRole('main', { name: 'Glossary' });
    const terms = [...glossary.querySelectorAll('dt')].map((dt) => dt.firstChild?.textContent ?? '');
    expect(terms).toHaveLength(GLOSSARY.length);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b)));
    expect(glossary).toHaveTextContent(`${GLOSSARY.length} terms`);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'auto-converge' } });
    expect(glossary.querySelectorAll('dt')).toHaveLength(1);
    expect(glossary).toHaveTextContent('1 term');
    expect(glossary).not.toHaveTextContent('1 terms');
  });
});
