import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import type { ScenarioInput } from '../../../../src/engine/scenario/schema';
import { scenarioOrThrow } from '../../../../src/engine/scenario/validate';
import { spectrum, type SpectrumEntry } from '../../../../src/engine/spectrum';
import { formatMs } from '../../../../src/ui/format';
import { SpectrumPanel } from '../../../../src/ui/spectrum/SpectrumPanel';
import { SPECTRUM_DEBOUNCE_MS } from '../../../../src/ui/spectrum/useSpectrum';
import { fakePool } from '../../../support/fakeEngine';
import { renderInLab, showTrace } from '../../../support/renderLab';
import { entries } from './fixtures';

const small = scenarioOrThrow({
  vm: { memoryMiB: 1024, usedMiB: 512 },
  workload: { pattern: 'hotcold', writeRateMiBps: 30, wssMiB: 128 },
});

/**
 * The panel in a lab whose engine answers `spectrum` with the function given: by default the real
 * spectrum, worked out in one go (the pool's slicing is tested with the pool; here it would only give
 * Testing Library's polling the time between slices).
 */
function renderPanel(answer = async (s: ScenarioInput) => spectrum(scenarioOrThrow(s))) {
  return renderInLab(<SpectrumPanel />, { scenario: small, pool: fakePool({ spectrum: answer }) });
}

/** A promise settled by hand, for engines that answer late or out of order. */
function deferred() {
  let resolve!: (entries: SpectrumEntry[]) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<SpectrumEntry[]>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const table = () => screen.findByRole('table', { name: /What each approach costs/ }, { timeout: 5000 });
const rowFor = (t: HTMLElement, label: RegExp) => within(t).getByRole('row', { name: label });

afterEach(() => {
  vi.useRealTimers();
});

describe('SpectrumPanel', () => {
  it('shows the six approaches from most to least disruptive, with the engine figures', async () => {
    const expected = spectrum(small);
    const live = expected.find((e) => e.approach === 'live-migration')!;
    const quick = expected.find((e) => e.approach === 'quick-migration')!;
    renderPanel();
    const t = await table();
    const rows = within(t).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Hard power-down',
      'Soft power-down',
      'Hibernation',
      'Suspend and carry (USB key)',
      'Quick migration (stop-and-copy)',
      'Live migration (pre-copy)',
    ]);
    const liveCells = within(rowFor(t, /^Live migration/)).getAllByRole('cell');
    expect(liveCells[1]).toHaveTextContent(formatMs(live.downtimeMs));
    expect(liveCells[2]).toHaveTextContent(formatMs(live.totalMs));
    expect(within(rowFor(t, /^Hard power-down/)).getAllByRole('cell')[4]).toHaveTextContent(/^Everything in memory/);

    expect(screen.getByText(/^Live migration pauses the VM/)).toHaveTextContent(
      `Live migration pauses the VM for ${formatMs(live.downtimeMs)}; quick migration for ${formatMs(quick.downtimeMs)};`,
    );
    const chart = screen.getByRole('img', { name: /logarithmic/ });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining(`Live migration (pre-copy): ${formatMs(live.downtimeMs)}`),
    );
    expect(within(chart).getByText('750 ms: open connections start to time out')).toBeInTheDocument();
    expect(within(chart).getByText('1 s')).toBeInTheDocument();
  });

  it('copes with an engine that sends nothing', async () => {
    renderInLab(<SpectrumPanel />);
    expect(await screen.findByText('The engine sent no figures to compare for this scenario.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('waits for a pause in changes, says it is working, then asks the engine once', async () => {
    vi.useFakeTimers();
    const answer = vi.fn(async () => entries());
    const { store } = renderPanel(answer);
    expect(screen.getByRole('status')).toHaveTextContent('Working out the spectrum…');
    act(() => store.getState().changeField('host.carryMinutes', 10));
    act(() => vi.advanceTimersByTime(SPECTRUM_DEBOUNCE_MS - 50));
    act(() => store.getState().changeField('host.carryMinutes', 12));
    act(() => vi.advanceTimersByTime(SPECTRUM_DEBOUNCE_MS - 50));
    expect(answer).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTime(50));
    expect(answer).toHaveBeenCalledTimes(1);
    expect(answer).toHaveBeenCalledWith(
      expect.objectContaining({ host: expect.objectContaining({ carryMinutes: 12 }) }),
    );
    expect(screen.getByText(/^Live migration pauses the VM for 286 ms/)).toBeInTheDocument();
  });

  it('ignores an answer that arrives after a newer one', async () => {
    vi.useFakeTimers();
    const pending = [deferred(), deferred()];
    let call = 0;
    const { store } = renderPanel(() => pending[call++].promise);
    await act(async () => vi.advanceTimersByTime(SPECTRUM_DEBOUNCE_MS));
    act(() => store.getState().changeField('host.carryMinutes', 10));
    await act(async () => vi.advanceTimersByTime(SPECTRUM_DEBOUNCE_MS));
    expect(call).toBe(2);
    await act(async () => pending[1].resolve(entries({ 'live-migration': 222 })));
    expect(screen.getByText(/^Live migration pauses the VM for 222 ms/)).toBeInTheDocument();
    await act(async () => pending[0].resolve(entries({ 'live-migration': 111 })));
    expect(screen.getByText(/^Live migration pauses the VM for 222 ms/)).toBeInTheDocument();
    expect(screen.queryByText(/111 ms/)).toBeNull();
  });

  it('says so when the engine fails, and Retry asks again', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderPanel(async (s) => {
      if (fail) throw new Error('worker crashed');
      return spectrum(scenarioOrThrow(s));
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The engine could not work out the spectrum for this scenario: worker crashed');
    expect(screen.queryByRole('table')).toBeNull();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(screen.getByRole('status')).toHaveTextContent('Working out the spectrum…');
    await table();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('the internet preset slows the link so quick migration takes minutes; the data-centre button restores it', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel();
    const quickDowntime = async () => within(rowFor(await table(), /^Quick migration/)).getAllByRole('cell')[1];
    expect(await quickDowntime()).toHaveTextContent(/^\d+(\.\d+)? s$/);

    await user.click(screen.getByRole('button', { name: 'Internet suspend and resume' }));
    expect(store.getState().scenario.network).toMatchObject({ linkMbps: 20, rttMs: 40 });
    expect(screen.getByText('Now: 20 Mbit/s, 40 ms round trip')).toBeInTheDocument();
    await waitFor(async () => expect(await quickDowntime()).toHaveTextContent(/^\d+ min \d+ s$/), { timeout: 8000 });

    await user.click(screen.getByRole('button', { name: 'Back to the data-centre link' }));
    expect(store.getState().scenario.network).toMatchObject({ linkMbps: 1000, rttMs: 0.5 });
  });

  it('the link presets change the scenario itself even halfway through a migration, not the playhead', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel(async () => entries());
    const trace = runScenario(small);
    act(() => showTrace(store, trace, trace.summary.totalTimeMs / 2));
    await user.click(screen.getByRole('button', { name: 'Internet suspend and resume' }));
    expect(store.getState().scenario.network).toMatchObject({ linkMbps: 20, rttMs: 40 });
    expect(store.getState().scenario.interventions).toEqual([]);
  });

  it('sets the time to carry the disk in minutes, and leaves the scenario alone while the text is not a number', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel(async () => entries());
    const input = screen.getByRole('spinbutton', { name: 'Time to carry the disk' });
    expect(input).toHaveValue(30);
    await user.clear(input);
    expect(store.getState().scenario.host.carryMinutes).toBe(30);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.type(input, '12');
    expect(store.getState().scenario.host.carryMinutes).toBe(12);
    expect(input).toHaveAttribute('aria-invalid', 'false');
    act(() => store.getState().changeField('host.carryMinutes', 45));
    expect(input).toHaveValue(45);
  });
});
