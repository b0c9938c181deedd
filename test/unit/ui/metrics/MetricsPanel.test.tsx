import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { MetricsPanel } from '../../../../src/ui/metrics/MetricsPanel';
import { renderInLab, setBaseline } from '../../../support/renderLab';

const trace = runScenario({ vm: { memoryMiB: 1024, usedMiB: 512 }, workload: { wssMiB: 128, writeRateMiBps: 30 } });

describe('MetricsPanel', () => {
  it('shows each metric as an element named by its label, with units', () => {
    renderInLab((v) => <MetricsPanel {...v} />, { trace });
    const s = trace.summary;
    expect(
      within(screen.getByRole('group', { name: 'Downtime' })).getByText(`${Math.round(s.downtimeMs)} ms`),
    ).toBeVisible();
    expect(screen.getByRole('group', { name: 'Total migration time' })).toHaveTextContent(/\d+(\.\d+)? s/);
    expect(screen.getByRole('group', { name: 'Bytes transferred' })).toHaveTextContent(/MiB|GiB/);
    expect(screen.getByRole('group', { name: 'Bytes transferred' })).toHaveTextContent(
      `${s.memoryMultiple.toFixed(2)}× memory`,
    );
    expect(screen.getByRole('group', { name: 'Rounds' })).toHaveTextContent(String(s.iterations));
    expect(screen.getByRole('group', { name: 'Stop reason' })).toHaveTextContent('converged');
    expect(screen.getByLabelText('Diagnosis')).toHaveTextContent(/Converged in \d+ rounds/);
  });

  it('"why?" opens the working of a number with this run\'s values, Escape closes it', async () => {
    const user = userEvent.setup();
    const { store } = renderInLab((v) => <MetricsPanel {...v} />, { trace });
    await user.click(screen.getByRole('button', { name: 'Explain Downtime' }));
    const dialog = screen.getByRole('dialog', { name: 'Explanation: Downtime' });
    expect(dialog).toHaveTextContent('Final copy of the dirty pages');
    expect(dialog).toHaveTextContent('1 Gbit/s');
    expect(store.getState().explain).toEqual({ kind: 'metric', metric: 'downtime' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('each round row opens the explanation of that round', async () => {
    const user = userEvent.setup();
    renderInLab((v) => <MetricsPanel {...v} />, { trace });
    await user.click(screen.getByRole('button', { name: 'Explain round 2' }));
    const dialog = screen.getByRole('dialog', { name: 'Explanation: Round 2' });
    expect(dialog).toHaveTextContent('N(1 − e^(−w·t/N))');
    expect(dialog).toHaveTextContent(trace.rounds[1].dirtyPagesAtEnd.toLocaleString('en-US'));
  });

  it('shows the value before the last change, faintly', () => {
    const before = runScenario({ vm: { memoryMiB: 1024, usedMiB: 512 }, network: { linkMbps: 100 } });
    const { store } = renderInLab((v) => <MetricsPanel {...v} />, { trace });
    act(() => setBaseline(store, before));
    expect(screen.getByRole('group', { name: 'Total migration time' })).toHaveTextContent(/before: /);
  });
});
