// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { bootWorkspace } from '../../../src/state/bootWorkspace';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import {
  forgetSavedScenario,
  loadSavedScenario,
  persistScenario,
  unfinishedSavedScenario,
} from '../../../src/state/persistence';
import { createWorkspaceStore, type WorkspaceStore } from '../../../src/state/workspace';

/** localStorage as the browser keeps it between visits. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

const huge = { vm: { memoryMiB: 1_048_576 }, network: { linkMbps: 100 } };

/** The lab starts a run of the scenario on screen (what the lab runner does on each change). */
const startRun = (store: WorkspaceStore) => {
  const id = store.getState().startLabRun();
  store.getState().runStarted(id);
  return id;
};

/** A visit: the scenario set to `huge`, its run started, and (maybe) finished; then the page goes away. */
function visit(storage: Storage, finish: boolean) {
  const store = createWorkspaceStore();
  const stop = persistScenario(store, storage);
  store.getState().changeField('vm.memoryMiB', huge.vm.memoryMiB);
  store.getState().changeField('network.linkMbps', huge.network.linkMbps);
  const id = startRun(store);
  if (finish) store.getState().runDone(id, runScenario({ vm: { memoryMiB: 256 } }), 1);
  stop(); // the page goes away: what is pending is written
  return store;
}

describe('a saved scenario whose run never ended', () => {
  it('is not restored at the next visit, but offered', () => {
    const storage = memoryStorage();
    const left = visit(storage, false);
    expect(loadSavedScenario(storage)).toBeNull();
    expect(unfinishedSavedScenario(storage)).toEqual(left.getState().scenario);
    expect(bootWorkspace('', storage).getState().scenario).toBe(DEFAULT_SCENARIO);
  });

  it('is restored as before once its run ended (done, failed or cancelled)', () => {
    const storage = memoryStorage();
    const left = visit(storage, true);
    expect(unfinishedSavedScenario(storage)).toBeNull();
    expect(loadSavedScenario(storage)).toEqual(left.getState().scenario);
    expect(bootWorkspace('', storage).getState().scenario).toEqual(left.getState().scenario);

    const cancelled = memoryStorage();
    const store = createWorkspaceStore();
    const stop = persistScenario(store, cancelled);
    store.getState().changeField('vm.memoryMiB', 8192);
    store.getState().runCancelled(startRun(store));
    stop();
    expect(loadSavedScenario(cancelled)?.vm.memoryMiB).toBe(8192);
  });

  it('follows the scenario on screen: a change while a run goes marks the newer scenario', () => {
    const storage = memoryStorage();
    const store = createWorkspaceStore();
    const stop = persistScenario(store, storage);
    store.getState().changeField('vm.memoryMiB', 8192);
    startRun(store);
    store.getState().changeField('vm.memoryMiB', 16_384);
    startRun(store);
    stop();
    expect(unfinishedSavedScenario(storage)?.vm.memoryMiB).toBe(16_384);
  });

  it('while the question waits, the default run does not clear it; once the scenario changes, it is gone', () => {
    const storage = memoryStorage();
    visit(storage, false);
    const offered = unfinishedSavedScenario(storage);
    const store = bootWorkspace('', storage);
    const stop = persistScenario(store, storage, undefined, { holdingBack: true });
    const id = startRun(store);
    store.getState().runDone(id, runScenario({ vm: { memoryMiB: 256 } }), 1);
    expect(unfinishedSavedScenario(storage)).toEqual(offered); // still asks at the next visit
    store.getState().changeField('vm.memoryMiB', 8192);
    stop();
    expect(unfinishedSavedScenario(storage)).toBeNull();
    expect(loadSavedScenario(storage)?.vm.memoryMiB).toBe(8192);
  });

  it('declined, it is forgotten: the next visit opens on defaults and asks nothing', () => {
    const storage = memoryStorage();
    visit(storage, false);
    forgetSavedScenario(storage);
    expect(unfinishedSavedScenario(storage)).toBeNull();
    expect(loadSavedScenario(storage)).toBeNull();
  });

  it('a shared link still wins over anything saved', () => {
    const storage = memoryStorage();
    visit(storage, false);
    expect(bootWorkspace('?v=1&vm.memoryMiB=2048', storage).getState().scenario.vm.memoryMiB).toBe(2048);
  });
});
