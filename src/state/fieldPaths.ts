import type { Scenario } from '../engine';

/**
 * Typed dotted paths into the scenario: `'network.linkMbps'`, `'precopy.autoConverge'`, `'faults'`.
 * Objects are walked into; lists (faults, interventions, phases) are leaves, set whole.
 */
type PathsOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends readonly unknown[]
    ? `${Prefix}${K}`
    : T[K] extends object
      ? PathsOf<T[K], `${Prefix}${K}.`>
      : `${Prefix}${K}`;
}[keyof T & string];

export type FieldPath = PathsOf<Scenario>;

/** The type of the value at a path. */
export type FieldValue<P extends string, T = Scenario> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? FieldValue<Rest, T[Head]>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** One field set to one value; a list of them is one change of several fields (a toggle that sets two). */
export type FieldChange = { [P in FieldPath]: { path: P; value: FieldValue<P> } }[FieldPath];

/** Numeric fields: the ones a slider can drive and a sweep can step through. */
export type NumericFieldPath = { [P in FieldPath]: FieldValue<P> extends number ? P : never }[FieldPath];
