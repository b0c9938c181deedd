import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { scenarioOrThrow } from '../../../../src/engine/scenario/validate';
import { formatBytes } from '../../../../src/ui/format';
import { useActionKeys } from '../../../../src/ui/actions/useActionKeys';
import { useLabView } from '../../../../src/ui/lab/useLabView';
import { TimelinePanel } from '../../../../src/ui/timeline/TimelinePanel';
import { pageBytesOf, zoomDomain } from '../../../../src/ui/timeline/timelineLayout';
import { renderInLab, seekTo, setBaseline } from '../../../support/renderLab';
import { oneRound, postcopy, threeRounds } from './traces';
import { drawFramesAtOnce } from '../../../support/syncFrames';

drawFramesAtOnce();

const tracks = (container: HTMLElement) => container.querySelector<HTMLElement>('.timeline__tracks')!;
const domainOf = (container: HTMLElement) => tracks(container).dataset.domainMs!.split(' ').map(Number);
const firstTick = (container: HTMLElement) => container.querySelector('.time-axis .tick text')!.textContent;

function PanelWithShortcuts() {
  useActionKeys();
  return <TimelinePanel {...useLabView()} />;
}

afterEach(() => vi.restoreAllMocks());

describe('TimelinePanel', () => {
  it('says it is waiting while there is no trace', () => {
    renderInLab((v) => <TimelinePanel {...v} />);
    expect(screen.getByText('Waiting for the engine…')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Round/ })).toBeNull();
  });

  it('has one control per round, named "Round N", that opens its explanation', () => {
    const { store } = renderInLab((v) => <TimelinePanel {...v} />, { trace: threeRounds() });
    const rounds = screen.getAllByRole('button', { name: /^Round \d+:/ });
    expect(rounds.map((r) => r.getAttribute('aria-label')!.split(':')[0])).toEqual(['Round 1', 'Round 2', 'Round 3']);
    fireEvent.click(rounds[0]);
    expect(store.getState().explain).toEqual({ kind: 'round', index: 1 });
    fireEvent.keyDown(rounds[1], { key: 'Enter' });
    expect(store.getState().explain).toEqual({ kind: 'round', index: 2 });
  });

  it('opens a round with Space without also starting playback', () => {
    const { store } = renderInLab(<PanelWithShortcuts />, { trace: threeRounds() });
    fireEvent.keyDown(screen.getByRole('button', { name: /^Round 3:/ }), { key: ' ' });
    expect(store.getState().explain).toEqual({ kind: 'round', index: 3 });
    expect(store.getState().playhead.playing).toBe(false);
  });

  it('shows an intervention as a flag whose button removes it', () => {
    const scenario = scenarioOrThrow({
      ...threeRounds().scenario,
      interventions: [{ atMs: 5000, path: 'network.capMbps', value: 200 }],
    });
    const { store } = renderInLab((v) => <TimelinePanel {...v} />, { scenario, trace: runScenario(scenario) });
    expect(screen.getByText(/bandwidth cap → 200 Mbit\/s/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Remove intervention at 5 s: network.capMbps = 200' }));
    expect(store.getState().scenario.interventions).toEqual([]);
    expect(screen.queryByRole('button', { name: /^Remove intervention/ })).toBeNull();
  });

  it('zooms to the end of pre-copy and back', () => {
    const trace = threeRounds();
    const { container } = renderInLab((v) => <TimelinePanel {...v} />, { trace });
    expect(domainOf(container)).toEqual([0, trace.summary.totalTimeMs]);
    expect(firstTick(container)).toBe('0 s');
    fireEvent.click(screen.getByRole('button', { name: 'Zoom to the end of pre-copy' }));
    expect(domainOf(container)).toEqual(zoomDomain(trace));
    expect(firstTick(container)).not.toBe('0 s');
    // Every round still has its control in the zoomed view.
    expect(screen.getAllByRole('button', { name: /^Round \d+:/ })).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Show whole run' }));
    expect(domainOf(container)).toEqual([0, trace.summary.totalTimeMs]);
  });

  it('offers no zoom for a run with a single round', () => {
    renderInLab((v) => <TimelinePanel {...v} />, { trace: oneRound() });
    expect(screen.queryByRole('button', { name: /Zoom/ })).toBeNull();
  });

  it('draws a blackout band for pre-copy and a post-copy band for post-copy', () => {
    const pre = renderInLab((v) => <TimelinePanel {...v} />, { trace: threeRounds() });
    const blackout = pre.container.querySelector('[data-tone="blackout"]')!;
    expect(blackout.querySelector('title')!.textContent).toMatch(/^Blackout: /);
    expect(pre.container.querySelector('[data-tone="postcopy"]')).toBeNull();
    pre.unmount();

    const post = renderInLab((v) => <TimelinePanel {...v} />, { trace: postcopy() });
    expect(post.container.querySelector('[data-tone="postcopy"] title')!.textContent).toMatch(/^Post-copy: /);
    expect(post.container.querySelector('[data-tone="blackout"]')).not.toBeNull();
    expect(screen.getByText('No pre-copy rounds: every page is sent once, after the switch.')).toBeInTheDocument();
  });

  it('moves the playhead with the store without redrawing the charts', () => {
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext');
    const trace = threeRounds();
    const { store, container } = renderInLab((v) => <TimelinePanel {...v} />, { trace, tMs: 0 });
    const playhead = container.querySelector<HTMLElement>('.timeline__playhead')!;
    const before = playhead.style.transform;
    const draws = getContext.mock.calls.length;
    expect(draws).toBeGreaterThan(0);
    act(() => seekTo(store, trace.summary.totalTimeMs / 2));
    expect(playhead.style.transform).not.toBe(before);
    expect(getContext.mock.calls.length).toBe(draws);
    act(() => setBaseline(store, oneRound()));
    expect(getContext.mock.calls.length).toBeGreaterThan(draws);
  });

  it('seeks where the tracks are pressed and follows a drag', () => {
    const trace = threeRounds();
    const { store, container } = renderInLab((v) => <TimelinePanel {...v} />, { trace, tMs: 0 });
    const box = tracks(container);
    // jsdom lays nothing out: the tracks use their fallback width of 960 px, plotted from 12 px to 938 px.
    fireEvent.pointerDown(box, { clientX: 475, button: 0, pointerId: 1 });
    expect(store.getState().playhead.tMs).toBeCloseTo(trace.summary.totalTimeMs / 2, 0);
    fireEvent.pointerMove(box, { clientX: 938, buttons: 1, pointerId: 1 });
    expect(store.getState().playhead.tMs).toBeCloseTo(trace.summary.totalTimeMs, 0);
    fireEvent.pointerUp(box, { clientX: 938, pointerId: 1 });
    fireEvent.pointerMove(box, { clientX: 12, buttons: 0, pointerId: 1 });
    expect(store.getState().playhead.tMs).toBeCloseTo(trace.summary.totalTimeMs, 0);
  });

  it('shows each series with its value at the playhead in the legend', () => {
    const trace = threeRounds();
    renderInLab((v) => <TimelinePanel {...v} />, { trace, tMs: 0 });
    const legend = screen.getByRole('list', { name: /legend/ });
    const dirtySet = within(legend)
      .getByText(/Dirty set/)
      .closest('li')!;
    expect(dirtySet).toHaveTextContent(formatBytes(trace.samples.columns.dirtyPages[0] * pageBytesOf(trace)));
    expect(within(legend).getByText(/Migration bandwidth/)).toBeInTheDocument();
    expect(within(legend).getByText(/VM speed/)).toBeInTheDocument();
  });
});
