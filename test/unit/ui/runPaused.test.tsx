import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connectLabRunner } from '../../../src/state/labRunner';
import { WorkspaceContext } from '../../../src/state/WorkspaceContext';
import { createWorkspaceStore } from '../../../src/state/workspace';
import { scenarioOrThrow } from '../../../src/engine';
import { RunStatus } from '../../../src/ui/RunStatus';
import { InProcessEngine } from '../../../src/worker/inProcessEngine';
import { EnginePool } from '../../../src/worker/pool';

// A 64 GiB VM on a 1 Gbit/s link: far more than one 12 ms slice of work, so a 1 ms bound pauses it at once.
const huge = scenarioOrThrow({ vm: { memoryMiB: 65536, usedMiB: 32768 }, network: { linkMbps: 1000 } });

function lab() {
  const store = createWorkspaceStore(huge);
  const pool = new EnginePool({ size: 1, create: () => new InProcessEngine() });
  const runner = connectLabRunner(store, pool, { wallLimitMs: 1 });
  render(
    <WorkspaceContext.Provider value={{ store, pool, runner }}>
      <RunStatus />
    </WorkspaceContext.Provider>,
  );
  return { store, runner, pool };
}

describe('a lab run over its wall-time bound', () => {
  it('pauses with a message that says how long it computed, Continue goes on, Stop ends it', async () => {
    const { store, runner, pool } = lab();
    const paused = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(paused).toHaveTextContent(
      /^Paused: this run has computed for \d+ s without finishing \(.+ of the migration simulated so far\)\.ContinueStop$/,
    );
    const id = store.getState().labRunId!;
    const first = store.getState().runs[id].progress;
    expect(first.pausedAfterMs).toBeGreaterThan(0);
    expect(store.getState().runs[id].status).toBe('running');

    await userEvent.click(within(paused).getByRole('button', { name: 'Continue' }));
    // It computed again (further into the migration) and paused at the bound once more.
    await expect
      .poll(() => store.getState().runs[id].progress.pausedAfterMs ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(first.pausedAfterMs!);
    expect(store.getState().runs[id].progress.simulatedMs).toBeGreaterThan(first.simulatedMs);

    await userEvent.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Stop' }));
    await expect.poll(() => store.getState().runs[id].status).toBe('cancelled');
    expect(await screen.findByRole('status')).toHaveTextContent(/Run cancelled/);
    runner.stop();
    pool.dispose();
  });

  it('a new scenario replaces the paused run with a run of its own', async () => {
    const { store, runner, pool } = lab();
    await screen.findByRole('alert', {}, { timeout: 20_000 });
    const pausedId = store.getState().labRunId!;
    store.getState().changeField('network.linkMbps', 100_000);
    // The paused run is cancelled (and, no longer shown, dropped from the workspace).
    await expect.poll(() => store.getState().runs[pausedId]?.status ?? 'dropped').not.toBe('running');
    expect(store.getState().runs[pausedId]?.status ?? 'cancelled').toBe('cancelled');
    expect(store.getState().labRunId).not.toBe(pausedId);
    runner.stop();
    pool.dispose();
  });
});
