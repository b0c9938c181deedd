// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { labChangeFor } from '../../../src/state/changes';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { baselineRun, labStaleness, shownRun } from '../../../src/state/runs';
import { createWorkspaceStore, type WorkspaceStore } from '../../../src/state/workspace';

const small = { vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } };

/** The lab's run of the scenario on screen, finished at once with `trace`. */
function finishLabRun(store: WorkspaceStore, trace = runScenario(small)) {
  const id = store.getState().startLabRun();
  store.getState().runStarted(id);
  store.getState().runDone(id, trace, 5);
  return { id, trace };
}

/** A control's gesture as the lab's controls make one: the change kind asked once, at its start. */
function gestureOn(store: WorkspaceStore, path: 'network.capMbps' | 'vm.memoryMiB') {
  const s = store.getState();
  const change = labChangeFor(path, shownRun(s)?.trace ?? null, s.playhead);
  const id = s.beginGesture();
  return {
    set: (value: number) => store.getState().changeField(path, value, change, id),
    end: () => store.getState().endGesture(id),
  };
}

describe('the workspace store', () => {
  it('changing a field while paused at the start edits the scenario itself', () => {
    const store = createWorkspaceStore();
    const g = gestureOn(store, 'network.capMbps');
    g.set(500);
    g.end();
    store.getState().changeField('network.linkMbps', 10000);
    expect(store.getState().scenario.network.linkMbps).toBe(10000);
    expect(store.getState().scenario.network.capMbps).toBe(500);
    expect(store.getState().scenario.interventions).toEqual([]);
  });

  it('changing a live parameter mid-migration records one intervention at the playhead per gesture', () => {
    const store = createWorkspaceStore(DEFAULT_SCENARIO);
    const { id, trace } = finishLabRun(store);
    store.getState().seek(400);
    store.getState().play();
    const drag = gestureOn(store, 'network.capMbps');
    drag.set(100);
    store.setState({ playhead: { ...store.getState().playhead, tMs: 450 } });
    drag.set(50);
    drag.end();
    const ivs = store.getState().scenario.interventions;
    expect(ivs).toEqual([{ atMs: 400, path: 'network.capMbps', value: 50 }]);
    expect(store.getState().scenario.network.capMbps).toBe(0);
    expect(store.getState().baselineRunId).toBe(id);
    expect(store.getState().runs[id].trace).toBe(trace);
    // Drawn as the ghost once the new result is on screen.
    finishLabRun(store);
    expect(baselineRun(store.getState())?.trace).toBe(trace);
    store.setState({ playhead: { ...store.getState().playhead, tMs: 600 } });
    const next = gestureOn(store, 'network.capMbps');
    next.set(300);
    next.end();
    expect(store.getState().scenario.interventions).toHaveLength(2);
  });

  it('the caller decides: an edit during playback edits the scenario, an intervention lands where it says', () => {
    const store = createWorkspaceStore();
    finishLabRun(store);
    store.getState().seek(100);
    store.getState().play();
    store.getState().changeField('network.capMbps', 200, { kind: 'edit' });
    expect(store.getState().scenario.network.capMbps).toBe(200);
    store.getState().changeField('network.capMbps', 100, { kind: 'intervention', atMs: 250 });
    expect(store.getState().scenario.interventions).toEqual([{ atMs: 250, path: 'network.capMbps', value: 100 }]);
  });

  it('a non-live field mid-migration still edits the scenario', () => {
    const store = createWorkspaceStore();
    finishLabRun(store);
    store.getState().seek(100);
    store.getState().play();
    const g = gestureOn(store, 'vm.memoryMiB');
    g.set(8192);
    g.end();
    expect(store.getState().scenario.interventions).toEqual([]);
    expect(store.getState().scenario.vm.memoryMiB).toBe(8192);
  });

  it('a new memory size scales used memory and the working set with it', () => {
    const store = createWorkspaceStore();
    store.getState().changeField('workload.wssMiB', 512);
    store.getState().changeField('vm.memoryMiB', 1024);
    const s = store.getState().scenario;
    expect(s.vm.usedMiB).toBe(512);
    expect(s.workload.wssMiB).toBe(128);
  });

  it("under a preset, a new memory size takes the preset's figures for that size", () => {
    const store = createWorkspaceStore();
    store.getState().changeField('workload.preset', 'oltp');
    store.getState().changeField('vm.memoryMiB', 1024);
    const s = store.getState().scenario;
    expect(s.workload.preset).toBe('oltp');
    // OLTP's working set is half the memory (at most 2 GiB); it owns the used memory too.
    expect(s.workload.wssMiB).toBe(512);
    expect(s.vm.usedMiB).toBe(512);
    store.getState().changeField('vm.memoryMiB', 8192);
    expect(store.getState().scenario.workload.wssMiB).toBe(2048);
    expect(store.getState().scenario.vm.usedMiB).toBe(4096);
  });

  it('editing the used memory by hand leaves the preset behind, as a workload figure does', () => {
    const store = createWorkspaceStore();
    store.getState().changeField('vm.usedMiB', 3000);
    expect(store.getState().scenario.workload.preset).toBe('custom');
    expect(store.getState().scenario.vm.usedMiB).toBe(3000);
  });

  it('editing a workload figure turns the preset to custom; choosing a preset applies its figures', () => {
    const store = createWorkspaceStore();
    store.getState().changeField('workload.writeRateMiBps', 300);
    expect(store.getState().scenario.workload.preset).toBe('custom');
    store.getState().changeField('workload.preset', 'idle');
    expect(store.getState().scenario.workload.preset).toBe('idle');
    expect(store.getState().scenario.workload.writeRateMiBps).toBe(0.5);
  });

  it('shows the newest finished lab run, ignores one that finishes late, and keeps the playhead inside the run', () => {
    const store = createWorkspaceStore();
    const older = store.getState().startLabRun();
    store.getState().runStarted(older);
    store.getState().changeField('network.linkMbps', 2000);
    const newer = store.getState().startLabRun();
    store.getState().runStarted(newer);
    const trace = runScenario(small);
    store.getState().runDone(newer, trace, 1);
    expect(shownRun(store.getState())?.trace).toBe(trace);
    store.getState().runDone(older, runScenario(small), 1);
    expect(store.getState().shownRunId).toBe(newer);
    expect(store.getState().runs[older]).toBeUndefined();
    expect(store.getState().playhead.tMs).toBe(trace.summary.totalTimeMs);
    store.getState().seek(-5);
    expect(store.getState().playhead.tMs).toBe(0);
  });

  it('says when what is drawn is not the result of the scenario on screen, and why', () => {
    const store = createWorkspaceStore();
    expect(labStaleness(store.getState())).toBeNull();
    finishLabRun(store);
    expect(labStaleness(store.getState())).toBeNull();
    store.getState().changeField('network.linkMbps', 2000);
    const id = store.getState().startLabRun();
    store.getState().runStarted(id);
    expect(labStaleness(store.getState())).toBe('running');
    store.getState().runCancelled(id);
    expect(labStaleness(store.getState())).toBe('cancelled');
    const again = store.getState().startLabRun();
    store.getState().runFailed(again, 'boom');
    expect(labStaleness(store.getState())).toBe('failed');
    store.getState().runDone(store.getState().startLabRun(), runScenario(small), 1);
    expect(labStaleness(store.getState())).toBeNull();
  });

  it('holds several runs; the lab keeps only the ones it shows, its baseline and the one going', () => {
    const store = createWorkspaceStore();
    const first = finishLabRun(store).id;
    store.getState().changeField('network.linkMbps', 2000);
    const second = finishLabRun(store).id;
    expect(store.getState().baselineRunId).toBe(first);
    store.getState().changeField('network.linkMbps', 5000);
    const third = finishLabRun(store).id;
    expect(store.getState().baselineRunId).toBe(second);
    expect(Object.keys(store.getState().runs).map(Number).sort()).toEqual([second, third]);
    const going = store.getState().addRun(DEFAULT_SCENARIO, 'lab', 'Lab');
    store.getState().runStarted(going);
    store.getState().changeField('network.linkMbps', 10000);
    expect(store.getState().runs[going]).toBeDefined();
  });

  it('a baseline pinned by hand stays while changes are made, until unpinned', () => {
    const store = createWorkspaceStore();
    const pinned = finishLabRun(store).id;
    store.getState().pinBaseline();
    expect(store.getState()).toMatchObject({ baselineRunId: pinned, baselineHeld: true });
    for (const linkMbps of [2000, 5000]) {
      store.getState().changeField('network.linkMbps', linkMbps);
      finishLabRun(store);
    }
    expect(store.getState().baselineRunId).toBe(pinned);
    expect(store.getState().runs[pinned]).toBeDefined();
    store.getState().unpinBaseline();
    const shown = store.getState().shownRunId;
    store.getState().changeField('network.linkMbps', 100);
    expect(store.getState().baselineRunId).toBe(shown);
    expect(store.getState().runs[pinned]).toBeUndefined();
  });

  it('one gesture pins one baseline however many results arrive during it', () => {
    const store = createWorkspaceStore();
    const before = finishLabRun(store).id;
    const drag = gestureOn(store, 'vm.memoryMiB');
    drag.set(2048);
    finishLabRun(store);
    drag.set(1024);
    finishLabRun(store);
    drag.end();
    expect(store.getState().baselineRunId).toBe(before);
  });

  it('reset all returns to the opening scenario', () => {
    const store = createWorkspaceStore();
    store.getState().changeField('network.linkMbps', 100);
    store.getState().changeField('strategy', 'postcopy');
    store.getState().resetAll();
    expect(store.getState().scenario).toBe(DEFAULT_SCENARIO);
    expect(store.getState().baselineRunId).toBeNull();
  });

  it('two workspaces are independent', () => {
    const a = createWorkspaceStore();
    const b = createWorkspaceStore();
    a.getState().changeField('network.linkMbps', 100);
    finishLabRun(a);
    expect(b.getState().scenario.network.linkMbps).toBe(1000);
    expect(b.getState().runs).toEqual({});
  });
});
