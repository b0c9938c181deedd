import { scaleLinear } from 'd3';
import type { Summary } from '../../engine';
import type { TableData } from '../a11y/ChartTable';
import { GOALS, bestIndices, runLetter, type Goal } from './goals';

/** Pure layout of the trade-off chart: one small bar chart per goal, one bar per run, on the goal's own scale. */

export const PANEL_WIDTH = 300;
const LABEL_PX = 22;
const VALUE_PX = 86;
const BAR_PX = 18;
const GAP_PX = 6;
const HEAD_PX = 4;

/** The baseline of a run's letter, level with its bars. */
export const letterY = (index: number): number => HEAD_PX + index * (BAR_PX + GAP_PX) + BAR_PX - 4;

export interface TradeOffBar {
  letter: string;
  y: number;
  width: number;
  height: number;
  text: string;
  best: boolean;
}

export interface TradeOffPanel {
  goal: Goal;
  heightPx: number;
  /** Where the bars start (after the run letters). */
  x0: number;
  bars: TradeOffBar[];
  /** The chart in words, for a screen reader. */
  description: string;
}

/** Runs without a completed result get no bar (nothing to weigh); their letter stays in its place. */
export function tradeOffPanels(summaries: readonly (Summary | undefined)[]): TradeOffPanel[] {
  const best = bestIndices(summaries);
  const heightPx = HEAD_PX + summaries.length * (BAR_PX + GAP_PX);
  return GOALS.map((goal) => {
    const values = summaries.map((s) => (s?.outcome === 'completed' ? goal.value(s) : null));
    const max = Math.max(0, ...values.map((v) => v ?? 0));
    const x = scaleLinear([0, max || 1], [0, PANEL_WIDTH - LABEL_PX - VALUE_PX]);
    const bars = summaries.flatMap((s, i) => {
      const v = values[i];
      if (v === null || !s) return [];
      return [
        {
          letter: runLetter(i),
          y: HEAD_PX + i * (BAR_PX + GAP_PX),
          width: Math.max(1, x(v)),
          height: BAR_PX,
          text: goal.text(s),
          best: best[goal.key].has(i),
        },
      ];
    });
    const description = `${goal.label}: ${bars.map((b) => `${b.letter} ${b.text}${b.best ? ' (best)' : ''}`).join(', ')}`;
    return { goal, heightPx, x0: LABEL_PX, bars, description };
  });
}

/** The trade-off chart as a table: a row per run (letter and name), its bar's figure on each goal. */
export function tradeOffTableData(panels: readonly TradeOffPanel[], runNames: readonly string[]): TableData {
  return {
    caption: 'Trade-off: each run on each goal (★ best)',
    columns: ['Run', ...panels.map((p) => p.goal.label)],
    rows: runNames.map((name, i) => [
      name,
      ...panels.map((p) => {
        const bar = p.bars.find((b) => b.letter === runLetter(i));
        return bar ? `${bar.text}${bar.best ? ' ★' : ''}` : 'no completed result';
      }),
    ]),
  };
}
