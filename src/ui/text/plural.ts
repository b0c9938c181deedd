import { formatCount } from '../format';

/** "1 round", "2 rounds", "1,024 pages": a count with its noun in the right number. */
export function count(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${Math.round(n) === 1 ? singular : pluralForm}`;
}

/** The noun alone, in the right number for `n`. */
export const nounFor = (n: number, singular: string, pluralForm = `${singular}s`): string =>
  Math.round(n) === 1 ? singular : pluralForm;
