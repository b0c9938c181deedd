import type { FieldPath } from '../../state/fieldPaths';
import type { MetricKey } from '../../state/workspace';

/** One glossary entry: the words, what they mean here, and the controls and figures of the app they explain. */
export interface GlossaryTerm {
  /** Stable, used in lesson texts (`[[dirty-page]]`) and as the entry's anchor. */
  id: string;
  term: string;
  /** Other words for the same thing, shown after the term. */
  aka?: readonly string[];
  definition: string;
  /** The fields whose controls get a link to this entry. */
  fields?: readonly FieldPath[];
  /** The metrics whose labels get a link to this entry. */
  metrics?: readonly MetricKey[];
  /** Entries worth reading next. */
  see?: readonly string[];
}
