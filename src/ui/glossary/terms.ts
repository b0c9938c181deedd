import type { FieldPath } from '../../state/fieldPaths';
import type { MetricKey } from '../../state/workspace';
import type { GlossaryTerm } from './glossaryTerm';
import { APP_TERMS } from './termsApp';
import { COPY_TERMS } from './termsCopy';
import { MEMORY_TERMS } from './termsMemory';
import { OPERATIONS_TERMS } from './termsOperations';
import { OUTCOME_TERMS } from './termsOutcomes';

export type { GlossaryTerm };

/** Every word the app uses, in alphabetical order of the term; the entries live in one file per topic. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  ...MEMORY_TERMS,
  ...COPY_TERMS,
  ...OUTCOME_TERMS,
  ...OPERATIONS_TERMS,
  ...APP_TERMS,
].sort((a, b) => a.term.localeCompare(b.term));

const BY_ID = new Map(GLOSSARY.map((t) => [t.id, t]));
export const glossaryTerm = (id: string): GlossaryTerm | undefined => BY_ID.get(id);

/** The entry a field's control links to, if any. */
export const termForField = (path: string): GlossaryTerm | undefined =>
  GLOSSARY.find((t) => t.fields?.includes(path as FieldPath));

/** The entry a metric's label links to, if any. */
export const termForMetric = (metric: MetricKey): GlossaryTerm | undefined =>
  GLOSSARY.find((t) => t.metrics?.includes(metric));
