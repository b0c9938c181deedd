import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { ControlsPanel } from '../../../../src/ui/controls/ControlsPanel';
import { KEY_GESTURE_IDLE_MS } from '../../../../src/ui/controls/useFieldChange';
import { renderInLab, seekTo, showTrace } from '../../../support/renderLab';

const trace = runScenario({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } });
const cap = () => screen.getByRole('slider', { name: 'Migration bandwidth cap' });
/** Moves a slider to a step, as a drag or a key does (jsdom has no layout for real drags). */
const moveTo = (step: number) => fireEvent.change(cap(), { target: { value: String(step) } });

afterEach(() => vi.useRealTimers());

describe('slider gestures', () => {
  it('a drag while playing is one intervention at the playhead where it began, with one baseline', () => {
    const { store } = renderInLab(<ControlsPanel />, { trace, tMs: 400 });
    const before = store.getState().shownRunId;
    act(() => store.getState().play());
    fireEvent.pointerDown(cap());
    moveTo(1);
    // Results come back during the drag and the playhead moves on: neither splits the gesture.
    act(() => showTrace(store, runScenario({ ...trace.scenario, network: { capMbps: 50 } }), 700));
    moveTo(2);
    moveTo(3);
    fireEvent.pointerUp(window);
    expect(store.getState().scenario.interventions).toEqual([{ atMs: 400, path: 'network.capMbps', value: 200 }]);
    expect(store.getState().scenario.network.capMbps).toBe(0);
    expect(store.getState().baselineRunId).toBe(before);

    // The next drag is a gesture of its own: a second intervention, at the playhead now.
    act(() => seekTo(store, 900));
    fireEvent.pointerDown(cap());
    moveTo(4);
    fireEvent.pointerUp(window);
    expect(store.getState().scenario.interventions).toEqual([
      { atMs: 400, path: 'network.capMbps', value: 200 },
      { atMs: 900, path: 'network.capMbps', value: 300 },
    ]);
  });

  it('a burst of arrow keys is one gesture; a pause in the keys ends it', () => {
    vi.useFakeTimers();
    const { store } = renderInLab(<ControlsPanel />, { trace, tMs: 400 });
    act(() => store.getState().play());
    for (const step of [1, 2, 3]) {
      fireEvent.keyDown(cap(), { key: 'ArrowRight' });
      moveTo(step);
      fireEvent.keyUp(cap(), { key: 'ArrowRight' });
      act(() => seekTo(store, 400 + step * 100));
    }
    expect(store.getState().scenario.interventions).toHaveLength(1);
    act(() => vi.advanceTimersByTime(KEY_GESTURE_IDLE_MS + 1));
    fireEvent.keyDown(cap(), { key: 'ArrowRight' });
    moveTo(4);
    expect(store.getState().scenario.interventions).toEqual([
      { atMs: 400, path: 'network.capMbps', value: 200 },
      { atMs: 700, path: 'network.capMbps', value: 300 },
    ]);
  });

  it('paused at the start, the same drag edits the scenario itself', () => {
    const { store } = renderInLab(<ControlsPanel />, { trace, tMs: 0 });
    fireEvent.pointerDown(cap());
    moveTo(2);
    moveTo(3);
    fireEvent.pointerUp(window);
    expect(store.getState().scenario.network.capMbps).toBe(200);
    expect(store.getState().scenario.interventions).toEqual([]);
  });
});
