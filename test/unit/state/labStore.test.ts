// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { createLabStore } from '../../../src/state/labStore';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';

const small = { vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } };

describe('the lab store', () => {
  it('changing a field while paused at the start edits the scenario itself', () => {
    const store = createLabStore();
    store.getState().changeField('network.linkMbps', 10000);
    expect(store.getState().scenario.network.linkMbps).toBe(10000);
    expect(store.getState().scenario.interventions).toEqual([]);
  });

  it('changing a live parameter mid-migration records one intervention at the playhead per gesture', () => {
    let clock = 0;
    const store = createLabStore(DEFAULT_SCENARIO, () => clock);
    const trace = runScenario(small);
    store.getState().runStarted(1);
    store.getState().runDone(1, trace, 5);
    store.getState().seek(400);
    store.getState().play();
    store.getState().changeField('network.capMbps', 100);
    clock += 100;
    store.setState({ tMs: 450 });
    store.getState().changeField('network.capMbps', 50);
    const ivs = store.getState().scenario.interventions;
    expect(ivs).toEqual([{ atMs: 400, path: 'network.capMbps', value: 50 }]);
    expect(store.getState().scenario.network.capMbps).toBe(0);
    expect(store.getState().ghost).toBe(trace);
    clock += 5000;
    store.setState({ tMs: 600 });
    store.getState().changeField('network.capMbps', 300);
    expect(store.getState().scenario.interventions).toHaveLength(2);
  });

  it('a non-live field mid-migration still edits the scenario', () => {
    const store = createLabStore();
    store.getState().runStarted(1);
    store.getState().runDone(1, runScenario(small), 1);
    store.getState().seek(100);
    store.getState().play();
    store.getState().changeField('vm.memoryMiB', 8192);
    expect(store.getState().scenario.interventions).toEqual([]);
    expect(store.getState().scenario.vm.memoryMiB).toBe(8192);
  });

  it('a new memory size scales used memory and the working set with it', () => {
    const store = createLabStore();
    store.getState().changeField('workload.wssMiB', 512);
    store.getState().changeField('vm.memoryMiB', 1024);
    const s = store.getState().scenario;
    expect(s.vm.usedMiB).toBe(512);
    expect(s.workload.wssMiB).toBe(128);
  });

  it("under a preset, a new memory size takes the preset's figures for that size", () => {
    const store = createLabStore();
    store.getState().choosePreset('oltp');
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
    const store = createLabStore();
    store.getState().changeField('vm.usedMiB', 3000);
    expect(store.getState().scenario.workload.preset).toBe('custom');
    expect(store.getState().scenario.vm.usedMiB).toBe(3000);
  });

  it('editing a workload figure turns the preset to custom; choosing a preset applies its figures', () => {
    const store = createLabStore();
    store.getState().changeField('workload.writeRateMiBps', 300);
    expect(store.getState().scenario.workload.preset).toBe('custom');
    store.getState().choosePreset('idle');
    expect(store.getState().scenario.workload.preset).toBe('idle');
    expect(store.getState().scenario.workload.writeRateMiBps).toBe(0.5);
  });

  it('ignores results of superseded runs and keeps the playhead inside the run', () => {
    const store = createLabStore();
    store.getState().runStarted(1);
    store.getState().runStarted(2);
    store.getState().runDone(1, runScenario(small), 1);
    expect(store.getState().trace).toBeNull();
    const trace = runScenario(small);
    store.getState().runDone(2, trace, 1);
    expect(store.getState().trace).toBe(trace);
    expect(store.getState().tMs).toBe(trace.summary.totalTimeMs);
    store.getState().seek(-5);
    expect(store.getState().tMs).toBe(0);
  });

  it('reset all returns to the opening scenario', () => {
    const store = createLabStore();
    store.getState().changeField('network.linkMbps', 100);
    store.getState().setStrategy('postcopy');
    store.getState().resetAll();
    expect(store.getState().scenario).toBe(DEFAULT_SCENARIO);
  });
});
