// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ScenarioInput, Trace } from '../../../src/engine';
import { runScenario } from '../../../src/engine/run';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { bootWorkspace } from '../../../src/state/bootWorkspace';
import {
  addToComparison,
  comparedRuns,
  duplicateCompared,
  editInLab,
  finishEditing,
  MAX_COMPARED,
  removeCompared,
  renameCompared,
  setComparison,
} from '../../../src/state/comparison';
import { connectComparisonRunner } from '../../../src/state/comparisonRunner';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { createWorkspaceStore, type WorkspaceStore } from '../../../src/state/workspace';
import { workspaceQuery } from '../../../src/state/workspaceLink';
import { fakePool } from '../../support/fakeEngine';

const small = scenarioOrThrow({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32 } });
const postcopy = { ...small, strategy: 'postcopy' as const };
const smallTrace = runScenario(small);

const labels = (store: WorkspaceStore) => comparedRuns(store.getState()).map((c) => c.label);
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the comparison', () => {
  it('adds runs up to four, then says it is full', () => {
    const store = createWorkspaceStore(small);
    for (let i = 0; i < MAX_COMPARED; i++)
      expect(addToComparison(store, { label: `R${i}`, scenario: small }, smallTrace)).toBe(true);
    expect(addToComparison(store, { label: 'R4', scenario: small })).toBe(false);
    expect(labels(store)).toEqual(['R0', 'R1', 'R2', 'R3']);
    expect(store.getState().notices[0].title).toBe('The comparison is full');
    // A run added with its result is done at once, with that very trace.
    expect(comparedRuns(store.getState()).every((c) => c.run.status === 'done' && c.run.trace === smallTrace)).toBe(
      true,
    );
  });

  it('renames, duplicates next to the original with the same result, removes', () => {
    const store = createWorkspaceStore(small);
    addToComparison(store, { label: 'A', scenario: small }, smallTrace);
    addToComparison(store, { label: 'B', scenario: postcopy });
    const [a] = comparedRuns(store.getState());
    renameCompared(store, a.run.id, 'Baseline');
    duplicateCompared(store, a.run.id);
    expect(labels(store)).toEqual(['Baseline', 'Baseline (copy)', 'B']);
    const copy = comparedRuns(store.getState())[1].run;
    expect(copy.id).not.toBe(a.run.id);
    expect(copy.trace).toBe(smallTrace);
    removeCompared(store, a.run.id);
    expect(labels(store)).toEqual(['Baseline (copy)', 'B']);
    expect(store.getState().runs[a.run.id]).toBeUndefined();
  });

  it('edit in the lab: the run opens there; Done puts the changed scenario in its place, Discard does not', () => {
    const store = createWorkspaceStore(DEFAULT_SCENARIO);
    addToComparison(store, { label: 'A', scenario: small }, smallTrace);
    const id = comparedRuns(store.getState())[0].run.id;
    editInLab(store, id);
    expect(store.getState().view).toBe('lab');
    expect(store.getState().scenario).toBe(small);
    store.getState().changeField('network.linkMbps', 10_000);
    finishEditing(store, false);
    expect(store.getState().view).toBe('compare');
    expect(comparedRuns(store.getState())[0].run.id).toBe(id);

    editInLab(store, id);
    store.getState().changeField('network.linkMbps', 10_000);
    finishEditing(store, true);
    const [edited] = comparedRuns(store.getState());
    expect(edited.label).toBe('A');
    expect(edited.run.scenario.network.linkMbps).toBe(10_000);
    expect(edited.run.status).toBe('queued');
    expect(store.getState().comparison.editing).toBeNull();
  });

  it('the runner runs queued runs on the pool and cancels the job of a run removed', async () => {
    const started: ScenarioInput[] = [];
    const store = createWorkspaceStore(small);
    const pool = fakePool({
      run: (s) => {
        started.push(s);
        return s.strategy === 'postcopy' ? new Promise<Trace>(() => {}) : Promise.resolve(smallTrace);
      },
    });
    const stop = connectComparisonRunner(store, pool);
    setComparison(store, [
      { label: 'Pre', scenario: small },
      { label: 'Post', scenario: postcopy },
    ]);
    await flush();
    await flush();
    const [pre, post] = comparedRuns(store.getState());
    expect(pre.run.status).toBe('done');
    expect(post.run.status).toBe('running');
    removeCompared(store, post.run.id);
    await flush();
    expect(started).toHaveLength(2);
    expect(labels(store)).toEqual(['Pre']);
    stop();
  });

  it('is kept in the link and comes back from it, queued to run again', () => {
    const store = createWorkspaceStore(small);
    setComparison(store, [
      { label: 'Pre-copy', scenario: small },
      { label: 'Post-copy', scenario: postcopy },
    ]);
    store.setState({ view: 'compare' });
    const query = workspaceQuery(store.getState());
    expect(query).toContain('view=compare&cmp=1&c1=Pre-copy;');
    const again = bootWorkspace(`?${query}`, undefined);
    expect(again.getState().view).toBe('compare');
    expect(again.getState().notices).toEqual([]);
    const runs = comparedRuns(again.getState());
    expect(runs.map((c) => c.label)).toEqual(['Pre-copy', 'Post-copy']);
    expect(runs.map((c) => c.run.scenario)).toEqual([small, postcopy]);
    expect(runs.every((c) => c.run.status === 'queued')).toBe(true);
  });

  it('a bad comparison link opens with a notice naming the parameter', () => {
    const store = bootWorkspace('?v=1&view=compare&cmp=1&c1=A&c2=B;network.linkMbps:0', undefined);
    expect(labels(store)).toEqual(['A', 'B']);
    const [notice] = store.getState().notices;
    expect(notice.lines.join('\n')).toMatch(/^c2: .*linkMbps|c2: .*Link bandwidth/m);
  });
});
