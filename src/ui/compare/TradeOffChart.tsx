import { ChartTable } from '../a11y/ChartTable';
import { runLetter } from './goals';
import { letterY, PANEL_WIDTH, tradeOffPanels, tradeOffTableData } from './tradeOff';
import type { Compared } from './useCompared';

/**
 * Each run across the four goals: one small bar chart per goal (shorter is better), the runs in the same
 * order and letter in each, so it shows at a glance that no run is shortest everywhere.
 */
export function TradeOffChart({ compared }: { compared: readonly Compared[] }) {
  const panels = tradeOffPanels(compared.map((c) => c.run.trace?.summary));
  return (
    <figure className="trade-off" aria-label="Trade-off between the four goals">
      <figcaption>
        Trade-off: each run on each goal (shorter is better;{' '}
        {compared.map((c, i) => `${runLetter(i)} ${c.label}`).join(', ')})
      </figcaption>
      <div className="trade-off__panels">
        {panels.map((p) => (
          <div key={p.goal.key} className="trade-off__panel">
            <h3>{p.goal.label}</h3>
            <svg viewBox={`0 0 ${PANEL_WIDTH} ${p.heightPx}`} role="img" aria-label={p.description}>
              {compared.map((_, i) => (
                <text key={i} x={2} y={letterY(i)} className="trade-off__letter">
                  {runLetter(i)}
                </text>
              ))}
              {p.bars.map((b) => (
                <g key={b.letter} className={`trade-off__bar run-${b.letter}${b.best ? ' is-best' : ''}`}>
                  <rect x={p.x0} y={b.y} width={b.width} height={b.height} rx={2} />
                  <text x={p.x0 + b.width + 4} y={b.y + b.height - 4}>
                    {b.text}
                    {b.best ? ' ★' : ''}
                  </text>
                </g>
              ))}
            </svg>
          </div>
        ))}
      </div>
      <ChartTable
        data={() =>
          tradeOffTableData(
            panels,
            compared.map((c, i) => `${runLetter(i)} ${c.label}`),
          )
        }
      />
    </figure>
  );
}
