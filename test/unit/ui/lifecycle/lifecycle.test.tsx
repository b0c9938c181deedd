import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { FaultEditor } from '../../../../src/ui/controls/FaultEditor';
import { CLIENTS, survives } from '../../../../src/ui/lifecycle/clients';
import { controlPlaneVerdict } from '../../../../src/ui/lifecycle/controlPlane';
import { LifecyclePanel } from '../../../../src/ui/lifecycle/LifecyclePanel';
import { LifecycleStrip, stepState } from '../../../../src/ui/lifecycle/LifecycleStrip';
import { timeSyncPlan } from '../../../../src/ui/lifecycle/timeSync';
import { renderInLab, seekTo } from '../../../support/renderLab';

const base = { vm: { memoryMiB: 512, usedMiB: 256 }, workload: { wssMiB: 64, writeRateMiBps: 20 } };
const trace = runScenario(base);

describe('the lifecycle strip', () => {
  it('lights each step as the playhead reaches it', () => {
    const { store } = renderInLab((v) => <LifecycleStrip {...v} />, { trace, tMs: 0 });
    const steps = () => within(screen.getByRole('list', { name: 'Migration steps' })).getAllByRole('button');
    expect(steps()).toHaveLength(7);
    expect(steps()[0]).toHaveAccessibleName(/^Step 1, Allocate at the destination: reached/);
    expect(steps()[3]).toHaveAccessibleName(/^Step 4, Stop-and-copy \(blackout\) and commit: upcoming/);
    act(() => seekTo(store, trace.summary.pausedAtMs! + 0.01));
    expect(steps()[3]).toHaveAccessibleName(/^Step 4, .*: reached/);
    expect(steps()[4]).toHaveAccessibleName(/: upcoming/);
    act(() => seekTo(store, trace.summary.totalTimeMs));
    expect(steps().every((b) => /: reached/.test(b.getAttribute('aria-label')!))).toBe(true);
  });

  it('shows refused and skipped steps for what they are, and seeks to a step on click', async () => {
    const refused = runScenario({ ...base, destination: { freeMemoryMiB: 100 } });
    expect(stepState(refused.lifecycle[0], 0, false)).toBe('refused');
    expect(stepState(refused.lifecycle[3], 0, false)).toBe('skipped');
    const { store } = renderInLab((v) => <LifecycleStrip {...v} />, { trace, tMs: 0 });
    await userEvent.setup().click(screen.getByRole('button', { name: /^Step 4/ }));
    expect(store.getState().playhead.tMs).toBe(trace.summary.pausedAtMs);
  });
});

describe('the whole-migration tab', () => {
  it('says how it ended, which clients survive the pause and what the clock does', () => {
    renderInLab((v) => <LifecyclePanel {...v} />, { trace });
    expect(screen.getByLabelText('Outcome')).toHaveTextContent('the source has been deleted');
    const clients = within(screen.getByRole('region', { name: 'Clients and the network' }));
    expect(clients.getByText(/gratuitous ARP/)).toBeInTheDocument();
    const rows = clients.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(CLIENTS.length);
    const voice = rows.find((r) => r.textContent!.startsWith('Voice call'))!;
    expect(voice).toHaveTextContent(trace.summary.unreachableMs > 150 ? 'no: an audible gap' : 'yes');
    expect(rows.find((r) => r.textContent!.startsWith('SSH'))).toHaveTextContent('yes');
    expect(screen.getByRole('region', { name: 'Guest clock' })).toHaveTextContent('behind real time');
  });

  it('refuses a control-plane action during the brownout and accepts it after the commit', async () => {
    const user = userEvent.setup();
    const { store } = renderInLab((v) => <LifecyclePanel {...v} />, { trace, tMs: trace.summary.pausedAtMs! / 2 });
    await user.click(screen.getByRole('button', { name: 'Try to resize the VM (add a vCPU)' }));
    expect(screen.getByText(/Refused: the VM is being migrated/)).toBeInTheDocument();
    act(() => seekTo(store, trace.summary.totalTimeMs));
    await user.click(screen.getByRole('button', { name: 'Try to resize the VM (add a vCPU)' }));
    expect(screen.getByText(/Accepted: the resize is applied to the VM on the destination host/)).toBeInTheDocument();
  });

  it('shows a residual dependency and that the source must stay', () => {
    renderInLab((v) => <LifecyclePanel {...v} />, {
      trace: runScenario({ ...base, resources: { disk: 'leave-behind' } }),
    });
    expect(screen.getByRole('region', { name: 'Residual dependencies' })).toHaveTextContent(
      /local disk stays on the source.*cannot be deleted/,
    );
    expect(screen.getByLabelText('Outcome')).toHaveTextContent('the source must stay up');
  });

  it('a VM that cannot move live: the refusal, and choosing what real platforms offer', async () => {
    const refused = runScenario({ ...base, devices: { passthroughGpu: true } });
    const { store } = renderInLab((v) => <LifecyclePanel {...v} />, { trace: refused });
    const card = within(screen.getByRole('region', { name: 'What cannot migrate live' }));
    expect(card.getByText(/refuses to move this VM live: a passthrough GPU/)).toBeInTheDocument();
    await userEvent.setup().click(card.getByRole('button', { name: 'Terminate and restart' }));
    expect(store.getState().scenario.devices.whenNotLive).toBe('terminate-restart');
  });
});

describe('the fault editor', () => {
  it('injects a fault into the scenario and removes it again', async () => {
    const user = userEvent.setup();
    const { store } = renderInLab(<FaultEditor />);
    await user.selectOptions(screen.getByLabelText('What fails'), 'destination-crash');
    await user.selectOptions(screen.getByLabelText('When'), 'blackout');
    await user.clear(screen.getByLabelText('Delay (ms)'));
    await user.type(screen.getByLabelText('Delay (ms)'), '5');
    await user.click(screen.getByRole('button', { name: 'Inject fault' }));
    expect(store.getState().scenario.faults).toEqual([
      { kind: 'destination-crash', when: 'blackout', atMs: 5, durationMs: 2000, factorPct: 10 },
    ]);
    await user.click(screen.getByRole('button', { name: /^Remove fault: Destination crash, 5 ms into the blackout/ }));
    expect(store.getState().scenario.faults).toEqual([]);
  });
});

describe('pure helpers', () => {
  it('control plane: refused from the start of the migration to the commit', () => {
    expect(controlPlaneVerdict(trace, 0).accepted).toBe(false);
    expect(controlPlaneVerdict(trace, trace.summary.resumedAtMs! - 0.001).accepted).toBe(false);
    expect(controlPlaneVerdict(trace, trace.summary.resumedAtMs!).accepted).toBe(true);
  });

  it('clients survive a pause shorter than their tolerance', () => {
    const tcp = CLIENTS.find((c) => c.toleranceMs === 750)!;
    expect(survives(tcp, 749)).toBe(true);
    expect(survives(tcp, 750)).toBe(false);
  });

  it('a time-sync daemon slews small jumps at chrony’s 83,333 ppm and steps big ones', () => {
    expect(timeSyncPlan(300).stepped).toBe(false);
    expect(timeSyncPlan(300).slewMs).toBeCloseTo(3600, 0);
    expect(timeSyncPlan(286).slewMs / 1000).toBeCloseTo(3.4, 1);
    expect(timeSyncPlan(3000).stepped).toBe(true);
  });
});
