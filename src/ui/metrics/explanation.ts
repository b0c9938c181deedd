/**
 * One line of working: what is computed, the formula with this run's values, the result. Lines that take
 * part in the arithmetic carry their figure too, so a test can check that the terms give the result.
 */
export interface Step {
  label: string;
  formula: string;
  value: string;
  /** The figure behind `value`, in the unit of the explanation's result (ms, bytes, ...). */
  amount?: number;
  /** term: one of the figures combined; result: what they give. Other lines are context. */
  role?: 'term' | 'result';
}

/** "Explain this number": enough working that a student can check the figure, not just trust it. */
export interface Explanation {
  title: string;
  summary: string;
  steps: Step[];
  note?: string;
  /** How the terms give the result: added up, or multiplied. */
  combine?: 'sum' | 'product';
}

export const term = (label: string, formula: string, value: string, amount: number): Step => ({
  label,
  formula,
  value,
  amount,
  role: 'term',
});

export const result = (label: string, formula: string, value: string, amount: number): Step => ({
  label,
  formula,
  value,
  amount,
  role: 'result',
});

export const info = (label: string, formula: string, value: string): Step => ({ label, formula, value });
