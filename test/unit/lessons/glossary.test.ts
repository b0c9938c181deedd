// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons';
import { stepTexts, termsIn } from '../../../src/lessons/text';
import { FIELDS } from '../../../src/state/fields';
import { GLOSSARY, glossaryTerm, termForField } from '../../../src/ui/glossary/terms';

const words = (entry: (typeof GLOSSARY)[number]) => [entry.term, ...(entry.aka ?? [])].join(' / ').toLowerCase();

/** The words of the project's glossary (shared/reference/glossary.md), as its first column lists them. */
const PROJECT_WORDS = [
  'page',
  'zero page',
  'used memory',
  'write rate',
  'dirty page / dirty set',
  'writable working set (WWS)',
  'round (iteration)',
  'sync',
  'stop rule',
  'threshold',
  'converged',
  'brownout',
  'blackout (downtime)',
  'switchover',
  'commit',
  'post-copy fault',
  'background push',
  'pre-paging',
  'auto-converge',
  'migration bandwidth cap',
  'impact',
  'residual dependency',
  'local name / global name',
  'intervention',
  'trace',
  'scenario',
  'workspace',
  'baseline',
  'engine pool',
  'lesson, step, scene',
  'prediction',
  'presentation mode / embed mode',
  'confidential VM',
  'Migration TD (MigTD)',
  'epoch',
  'migration bundle',
  'availability policy',
  'maintenance event',
  'evacuation',
  'concurrency cap',
];

describe('the glossary', () => {
  it('explains every word of the project glossary and every one the issue names', () => {
    const rows = PROJECT_WORDS;
    const issue = [
      'brownout',
      'blackout',
      'dirty page',
      'dirty tracking',
      'writable working set',
      'convergence',
      'stop threshold',
      'residual dependency',
      'local name',
      'global name',
      'gratuitous arp',
      'post-copy fault',
      'pre-paging',
      'paravirtualization',
      'assignment independence',
      'commit',
    ];
    const all = GLOSSARY.map(words).join(' | ');
    const missing = [
      ...issue.filter((w) => !all.includes(w)),
      // "dirty page / dirty set", "lesson, step, scene": each part must be there.
      ...rows
        .flatMap((r) => r.split(/ \/ |, /))
        .map((w) => w.replace(/ \(.*\)$/, '').toLowerCase())
        .filter((w) => !all.includes(w)),
    ];
    expect(missing).toEqual([]);
  });

  it('has one entry per id, and every link between entries leads somewhere', () => {
    expect(new Set(GLOSSARY.map((t) => t.id)).size).toBe(GLOSSARY.length);
    const dangling = GLOSSARY.flatMap((t) =>
      (t.see ?? []).filter((id) => !glossaryTerm(id)).map((id) => `${t.id} -> ${id}`),
    );
    expect(dangling).toEqual([]);
  });

  it('every field it names is a field the app presents, so its control shows the "?"', () => {
    const paths = new Set(FIELDS.map((f) => f.path));
    expect(GLOSSARY.flatMap((t) => (t.fields ?? []).filter((p) => !paths.has(p)))).toEqual([]);
    expect(termForField('workload.writeRateMiBps')?.id).toBe('write-rate');
  });

  it('every term a lesson marks is in the glossary', () => {
    const unknown = LESSONS.flatMap((l) =>
      l.steps
        .flatMap((s) => stepTexts(s).flatMap(termsIn))
        .filter((id) => !glossaryTerm(id))
        .map((id) => `${l.id}: ${id}`),
    );
    expect(unknown).toEqual([]);
    expect(LESSONS.flatMap((l) => l.steps.flatMap((s) => stepTexts(s).flatMap(termsIn))).length).toBeGreaterThan(20);
  });
});
