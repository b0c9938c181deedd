import type { SweepPoint } from '../../state/sweep';
import type { TableData } from '../a11y/ChartTable';
import { markText, strategyName, SWEEP_METRICS } from './sweepMetrics';

/** The sweep's four charts as one table: a row per point (value and strategy), the figures each chart plots. */
export function sweepTableData(
  points: readonly SweepPoint[],
  fieldLabel: string,
  formatX: (value: number) => string,
): TableData {
  return {
    caption: `Sweep: ${SWEEP_METRICS.map((m) => m.label.toLowerCase()).join(', ')} against ${fieldLabel}`,
    columns: [fieldLabel, 'Strategy', ...SWEEP_METRICS.map((m) => m.label), 'Mark'],
    rows: points.map((p) => {
      const s = p.summary;
      const figures = SWEEP_METRICS.map((m) => (s ? m.format(m.value(s)) : '–'));
      const mark = s ? markText(s) : p.status === 'failed' ? `failed: ${p.error}` : p.status;
      return [formatX(p.value), strategyName(p.strategy), ...figures, mark];
    }),
  };
}
