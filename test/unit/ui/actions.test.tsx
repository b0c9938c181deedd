import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { ACTIONS, actionForKey, dispatch } from '../../../src/state/actions';
import { keyedActions } from '../../../src/state/keyModes';
import { EMBED_OFF, PRESENT_OFF } from '../../../src/state/presentMode';
import { useActionKeys } from '../../../src/ui/actions/useActionKeys';
import { keyName } from '../../../src/ui/actions/keys';
import { Header } from '../../../src/ui/Header';
import { BaselineButton } from '../../../src/ui/lab/BaselineButton';
import { useLabView } from '../../../src/ui/lab/useLabView';
import { PlaybackBar } from '../../../src/ui/playback/PlaybackBar';
import { renderInLab } from '../../support/renderLab';

const trace = runScenario({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } });
/** The lab, presentation mode locked and unlocked, and an embed. */
const MODE_STATES = [
  { present: PRESENT_OFF, embed: EMBED_OFF },
  { present: { ...PRESENT_OFF, on: true }, embed: EMBED_OFF },
  { present: { ...PRESENT_OFF, on: true, unlocked: true }, embed: EMBED_OFF },
  { present: PRESENT_OFF, embed: { ...EMBED_OFF, on: true } },
];
const env = { location: { origin: 'https://brownout.test', pathname: '/lab/' } };

function Lab() {
  useActionKeys();
  return (
    <>
      <Header />
      <BaselineButton />
      <PlaybackBar run={useLabView().run} />
    </>
  );
}

describe('the action registry', () => {
  it('gives every action a unique name and, in each mode, every key one action', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    for (const state of MODE_STATES) {
      const keys = keyedActions(state).flatMap((entry) => entry.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
    // Every key of every action works in some mode.
    const reachable = new Set(
      MODE_STATES.flatMap((state) => keyedActions(state).flatMap((e) => e.keys.map((k) => `${e.action.id} ${k}`))),
    );
    for (const a of ACTIONS) for (const k of a.keys ?? []) expect(reachable).toContain(`${a.id} ${k}`);
  });

  it('"?" opens the shortcut sheet, which lists every action that has a key; Escape closes it', async () => {
    const user = userEvent.setup();
    renderInLab(<Lab />, { trace });
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const withKeys = keyedActions({ present: PRESENT_OFF, embed: EMBED_OFF });
    expect(withKeys.length).toBeGreaterThan(8);
    for (const { action: a, keys } of withKeys) {
      const row = within(sheet).getByText(a.label, { exact: true }).closest('tr')!;
      for (const k of keys) expect(within(row).getByText(keyName(k), { exact: true }).tagName).toBe('KBD');
    }
    // The lab's sheet lists every lab action with a key, with all its keys.
    for (const a of ACTIONS.filter((a) => a.keys?.length && (a.group === 'lab' || a.group === 'playback')))
      expect(withKeys.find((e) => e.action.id === a.id)?.keys).toEqual(a.keys);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('the playback buttons are the registered actions, and the keys do the same', async () => {
    const user = userEvent.setup();
    const { store } = renderInLab(<Lab />, { trace });
    for (const id of ['start', 'previous', 'next', 'end'])
      expect(screen.getByRole('button', { name: ACTIONS.find((a) => a.id === id)!.label })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Back to the start' }));
    expect(store.getState().playhead.tMs).toBe(0);
    fireEvent.keyDown(document.body, { key: 'End' });
    expect(store.getState().playhead.tMs).toBe(trace.summary.totalTimeMs);
    fireEvent.keyDown(document.body, { key: 'Home' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(store.getState().playhead.tMs).toBeGreaterThan(0);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(store.getState().playhead.playing).toBe(true);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: '+' });
    expect(store.getState().playhead.speed).toBe(8);
    fireEvent.keyDown(document.body, { key: '-' });
    fireEvent.keyDown(document.body, { key: '-' });
    expect(store.getState().playhead.speed).toBe(2);
  });

  it('"Pin as baseline" pins the result on screen by hand; changes then leave it', async () => {
    const user = userEvent.setup();
    const { store } = renderInLab(<Lab />, { trace });
    const shown = store.getState().shownRunId;
    await user.click(screen.getByRole('button', { name: 'Pin as baseline' }));
    expect(store.getState()).toMatchObject({ baselineRunId: shown, baselineHeld: true });
    expect(screen.getByRole('button', { name: 'Unpin baseline' })).toBeEnabled();
    act(() => store.getState().changeField('network.linkMbps', 2000));
    expect(store.getState().baselineRunId).toBe(shown);
    await user.click(screen.getByRole('button', { name: 'Unpin baseline' }));
    expect(store.getState().baselineHeld).toBe(false);
  });

  it('playback actions do not apply before there is a result; their keys then do nothing', () => {
    const { store } = renderInLab(<Lab />);
    expect(screen.getByRole('button', { name: 'Play' })).toBeDisabled();
    expect(dispatch(store, 'togglePlay', env)).toBe(false);
    expect(store.getState().playhead.playing).toBe(false);
  });

  it('copy link shares the scenario on screen and the playhead', async () => {
    const { store } = renderInLab(<Lab />, { trace, tMs: 400 });
    let copied = '';
    const clipboard = { writeText: async (text: string) => void (copied = text) };
    await act(async () => void dispatch(store, 'copyLink', { ...env, clipboard }));
    expect(copied).toBe(
      'https://brownout.test/lab/?v=1&vm.memoryMiB=256&vm.usedMiB=128&workload.writeRateMiBps=20&workload.wssMiB=32&t=400',
    );
    expect(store.getState().share).toEqual({ url: copied, copied: true });
    expect(screen.getByRole('dialog', { name: 'Share this scenario' })).toHaveTextContent('Link copied.');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(store.getState().share).toBeNull();
  });

  it('keys a focused control uses stay with it; "?" and Escape reach the page from a slider', () => {
    const { store } = renderInLab(
      <>
        <Lab />
        <input type="range" aria-label="A slider" />
      </>,
      { trace, tMs: 0 },
    );
    const slider = screen.getByRole('slider', { name: 'A slider' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(store.getState().playhead.tMs).toBe(0);
    fireEvent.keyDown(slider, { key: '?' });
    expect(store.getState().sheetOpen).toBe(true);
    fireEvent.keyDown(slider, { key: 'Escape' });
    expect(store.getState().sheetOpen).toBe(false);
    expect(actionForKey('x')).toBeUndefined();
  });
});
