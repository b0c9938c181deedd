import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { dispatch } from '../../../src/state/actions';
import { bootWorkspace } from '../../../src/state/bootWorkspace';
import { actionForKeyIn } from '../../../src/state/keyModes';
import { DEMO_STEPS } from '../../../src/state/presentDemos';
import { parseSceneList, scenesOf } from '../../../src/state/presentScenes';
import { workspaceQuery } from '../../../src/state/workspaceLink';
import { showTrace } from '../../support/renderLab';

const env = { location: { origin: 'https://brownout.test', pathname: '/' } };
const small = runScenario({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } });

describe('presentation mode in the workspace', () => {
  it('present=1 opens it without a notice; scene=2 opens the second demonstration fresh', () => {
    const store = bootWorkspace('?present=1&scene=2', undefined);
    const s = store.getState();
    expect(s.notices).toEqual([]);
    expect(s.present.on).toBe(true);
    expect(s.present.scene).toBe(1);
    expect(s.scenario.workload.writeRateMiBps).toBe(400);
    expect(s.shownRunId).toBeNull();
  });

  it('clicker keys go through the scenes; nothing of one scene carries into the next', () => {
    const store = bootWorkspace('?present=1&scene=1', undefined);
    showTrace(store, small, 300);
    dispatch(store, 'pinBaseline', env);
    expect(store.getState().baselineHeld).toBe(true);
    store.setState({ present: { ...store.getState().present, blank: true, zoomed: 'timeline' } });
    const next = actionForKeyIn('PageDown', store.getState())!;
    expect(next.id).toBe('present:nextScene');
    expect(actionForKeyIn('ArrowRight', store.getState())!.id).toBe('present:nextScene');
    dispatch(store, next, env);
    const s = store.getState();
    expect(s.present.scene).toBe(1);
    expect(s.scenario.strategy).toBe('precopy');
    expect(s.scenario.workload.writeRateMiBps).toBe(400);
    expect(s.baselineRunId).toBeNull();
    expect(s.baselineHeld).toBe(false);
    expect(s.shownRunId).toBeNull();
    expect(s.playhead.tMs).toBe(0);
    expect(s.present.blank).toBe(false);
    expect(s.present.zoomed).toBeNull();
    dispatch(store, actionForKeyIn('PageUp', store.getState())!, env);
    expect(store.getState().present.scene).toBe(0);
    // At the first scene, Page Up does nothing.
    expect(dispatch(store, actionForKeyIn('PageUp', store.getState())!, env)).toBe(false);
  });

  it("locks the lab's own keys until unlocked; b blanks instead of pinning", () => {
    const store = bootWorkspace('?present=1', undefined);
    showTrace(store, small);
    expect(actionForKeyIn('b', store.getState())!.id).toBe('present:blank');
    expect(actionForKeyIn(' ', store.getState())!.id).toBe('togglePlay');
    store.setState({ present: { ...store.getState().present, unlocked: true } });
    expect(actionForKeyIn('b', store.getState())!.id).toBe('present:blank');
    // In the lab, b pins, arrows step and 1-4 load the demonstrations.
    const lab = bootWorkspace('', undefined);
    expect(actionForKeyIn('b', lab.getState())!.id).toBe('pinBaseline');
    expect(actionForKeyIn('ArrowRight', lab.getState())!.id).toBe('next');
    expect(actionForKeyIn('PageDown', lab.getState())).toBeUndefined();
    dispatch(lab, actionForKeyIn('3', lab.getState())!, env);
    expect(lab.getState().scenario.strategy).toBe('postcopy');
    expect(lab.getState().present.on).toBe(false);
  });

  it("keeps the lecturer's own list in the link and reads it back the same", () => {
    const text = '?v=1&strategy=postcopy | Post-copy | Who waits?\nv=1&network.linkMbps=10000 | Ten gigabit';
    const store = bootWorkspace(`?present=1&scenes=${encodeURIComponent(text)}&scene=2`, undefined);
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().scenario.network.linkMbps).toBe(10000);
    const again = bootWorkspace(`?${workspaceQuery(store.getState())}`, undefined);
    expect(again.getState().present.deck).toEqual(store.getState().present.deck);
    expect(again.getState().present.scene).toBe(1);
    expect(scenesOf(again.getState().present.deck).map((s) => s.caption)).toEqual(['Post-copy', 'Ten gigabit']);
    expect(scenesOf(again.getState().present.deck)[0].question).toBe('Who waits?');
  });

  it('names what is wrong in a hand-edited link or list, and opens on sane defaults', () => {
    const store = bootWorkspace('?present=maybe&scene=9', undefined);
    const lines = store.getState().notices.flatMap((n) => n.lines);
    expect(lines).toContain('present: "maybe" is not 1 or 0; read as 0');
    expect(lines).toContain(`scene: "9" is not a scene of this list (1 to ${DEMO_STEPS.length}); scene 1 was opened`);
    expect(store.getState().present.scene).toBe(0);
    const { scenes, problems } = parseSceneList(
      'v=1&network.linkMbps=99999999999 | Too fast\n# a comment\n\nv=1&nope=1',
    );
    expect(scenes).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('line 1: ') && p.includes('1 to 400000 Mbit/s'))).toBe(true);
    expect(problems.some((p) => p.startsWith('line 4: '))).toBe(true);
    const none = bootWorkspace('?present=1&scenes=%23only%20a%20comment', undefined);
    expect(none.getState().notices.flatMap((n) => n.lines)).toContain(
      'scenes: the list holds no scene; the demonstrations were opened',
    );
  });

  it('embed=1 reads controls and autoplay; the lab link it opens has no embed in it', () => {
    const store = bootWorkspace('?embed=1&controls=0&autoplay=1&v=1&strategy=hybrid', undefined);
    const s = store.getState();
    expect(s.embed).toEqual({ on: true, controls: false, autoplay: true });
    expect(s.notices).toEqual([]);
    expect(workspaceQuery(s)).toContain('embed=1&controls=0&autoplay=1');
    expect(workspaceQuery({ ...s, embed: { ...s.embed, on: false } })).not.toContain('embed');
    expect(actionForKeyIn('p', s)).toBeUndefined();
    expect(actionForKeyIn(' ', s)!.id).toBe('togglePlay');
  });
});
