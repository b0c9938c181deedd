import type { Step } from './explanation';

/** The class names a view styles the table with. */
export interface StepsTableClasses {
  table: string;
  formula: string;
  value: string;
}

/**
 * The working behind a figure, one row a step: what it is, how it was reckoned, how much. The "why?"
 * panels and the confidential run's figures show their sums this way.
 */
export function StepsTable({
  steps,
  classes,
  label,
}: {
  steps: readonly Step[];
  classes: StepsTableClasses;
  label?: string;
}) {
  return (
    <table className={classes.table} aria-label={label}>
      <tbody>
        {steps.map((step, i) => (
          <tr key={i}>
            <th scope="row">{step.label}</th>
            <td className={classes.formula}>{step.formula}</td>
            <td className={classes.value}>{step.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
