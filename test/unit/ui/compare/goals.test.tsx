import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Summary, Trace } from '../../../../src/engine';
import { runScenario } from '../../../../src/engine/run';
import { newRun, type Run } from '../../../../src/state/runs';
import { GoalsTable } from '../../../../src/ui/compare/GoalsTable';
import { bestIndices, comparisonRows, GOALS } from '../../../../src/ui/compare/goals';
import { tradeOffPanels } from '../../../../src/ui/compare/tradeOff';
import { MetricsPanel } from '../../../../src/ui/metrics/MetricsPanel';
import { renderInLab } from '../../../support/renderLab';

const small = { vm: { memoryMiB: 1024, usedMiB: 512 }, workload: { wssMiB: 128, writeRateMiBps: 30 } };
const traces: Trace[] = [
  runScenario(small),
  runScenario({ ...small, strategy: 'postcopy' }),
  runScenario({ ...small, network: { capMbps: 200, otherTrafficMbps: 600 } }),
  runScenario({ ...small, strategy: 'stopcopy' }),
];
const doneRun = (id: number, trace: Trace): Run => ({
  ...newRun(id, trace.scenario, 'compare', `R${id}`),
  status: 'done',
  trace,
});

describe('the four goals of a comparison', () => {
  it.each(traces.map((t, i) => [i, t] as const))('read exactly as the lab metrics read them (run %i)', (_, trace) => {
    renderInLab((v) => <MetricsPanel {...v} />, { trace });
    for (const goal of GOALS) {
      const card = screen.getByRole('group', { name: goal.label });
      expect(within(card).getByText(goal.text(trace.summary))).toBeVisible();
      if (goal.detail) expect(card).toHaveTextContent(goal.detail(trace.summary));
    }
    cleanup();
    renderInLab(<GoalsTable compared={[{ label: 'Only', run: doneRun(1, trace) }]} />);
    for (const goal of GOALS) expect(screen.getByRole('table')).toHaveTextContent(goal.text(trace.summary));
  });

  it('marks the lowest of each goal among completed runs, with a word as well as a colour', () => {
    const compared = traces.map((t, i) => ({ label: `R${i}`, run: doneRun(i + 1, t) }));
    renderInLab(<GoalsTable compared={compared} />);
    const summaries = traces.map((t) => t.summary);
    const rows = screen.getAllByRole('row').slice(1);
    for (const goal of GOALS) {
      const lowest = Math.min(...summaries.map(goal.value));
      const i = summaries.findIndex((s) => goal.value(s) === lowest);
      const cell = rows[i].querySelector(`td[data-goal="${goal.key}"]`)!;
      expect(cell).toHaveTextContent('★ best');
      const marked = rows.filter((r) => r.querySelector(`td[data-goal="${goal.key}"]`)!.textContent!.includes('best'));
      for (const r of marked)
        expect(r.querySelector(`td[data-goal="${goal.key}"]`)).toHaveTextContent(goal.text(summaries[i]));
    }
    // Stop-and-copy moves least but pauses longest: no run wins everywhere.
    const best = bestIndices(summaries);
    expect(best.downtime.has(3)).toBe(false);
    expect(best.bytes.has(3)).toBe(true);
  });

  it('no best where every run reads the same, and none for a run that did not complete', () => {
    const s = traces[0].summary;
    const same = bestIndices([s, { ...s }]);
    for (const goal of GOALS) expect(same[goal.key].size).toBe(0);
    const aborted: Summary = { ...s, outcome: 'aborted', downtimeMs: 0 };
    const slower: Summary = { ...s, downtimeMs: s.downtimeMs * 2 };
    expect([...bestIndices([slower, aborted, s]).downtime]).toEqual([2]);
  });

  it('the trade-off chart has a bar per completed run per goal, as long as its figure, best marked', () => {
    const summaries = traces.map((t) => t.summary);
    const panels = tradeOffPanels(summaries);
    expect(panels.map((p) => p.goal.key)).toEqual(['downtime', 'totalTime', 'bytes', 'impact']);
    for (const p of panels) {
      expect(p.bars.map((b) => b.letter)).toEqual(['A', 'B', 'C', 'D']);
      const values = summaries.map(p.goal.value);
      const widest = p.bars.reduce((a, b) => (b.width > a.width ? b : a));
      expect(widest.letter).toBe('ABCD'[values.indexOf(Math.max(...values))]);
      for (const [i, b] of p.bars.entries()) {
        expect(b.text).toBe(p.goal.text(summaries[i]));
        // A bar is at least a pixel wide, so a tiny figure still shows.
        if (b.width > 1) expect(b.width / widest.width).toBeCloseTo(values[i] / Math.max(...values), 5);
      }
      expect(p.description).toContain(p.goal.label);
    }
  });

  it('turns into rows of data for an export, figures in their units', () => {
    const rows = comparisonRows([{ label: 'Pre-copy', run: doneRun(1, traces[0]) }]);
    expect(rows[0]).toMatchObject({
      run: 'A',
      name: 'Pre-copy',
      'downtime (ms)': traces[0].summary.downtimeMs,
      'bytes (bytes)': traces[0].summary.bytesTransferred,
    });
  });
});
