import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { spectrum } from '../../../src/engine/spectrum';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { FIELDS } from '../../../src/state/fields';
import { MoreSettings } from '../../../src/ui/controls/MoreSettings';
import { controlPlaneVerdict } from '../../../src/ui/lifecycle/controlPlane';
import { LifecyclePanel } from '../../../src/ui/lifecycle/LifecyclePanel';
import { summaryText } from '../../../src/ui/spectrum/spectrumText';
import { eventSentence } from '../../../src/ui/text/eventText';
import { renderInLab } from '../../support/renderLab';

const small = { vm: { memoryMiB: 512, usedMiB: 256 }, workload: { wssMiB: 64, writeRateMiBps: 20 } };
const hint = (path: string) => FIELDS.find((f) => f.path === path)!.hint;

describe('what the lab says agrees with the facts', () => {
  it('the working set is the ceiling where the dirty set saturates, not a floor under it', () => {
    expect(hint('workload.wssMiB')).toMatch(/ceiling where the dirty set saturates/);
    expect(hint('workload.wssMiB')).not.toMatch(/floor/);
  });

  it('the final copy gets the whole link only when nothing else shares it', () => {
    expect(hint('network.linkMbps')).not.toMatch(/always runs at this speed/);
    expect(hint('network.linkMbps')).toMatch(/unless other traffic shares the link/);
  });

  it('a resize stays refused during post-copy, until the migration has finished', () => {
    const t = runScenario({ ...small, strategy: 'postcopy' });
    const during = (t.summary.resumedAtMs! + t.summary.totalTimeMs) / 2;
    expect(controlPlaneVerdict(t, during).accepted).toBe(false);
    expect(controlPlaneVerdict(t, during).text).toMatch(/blocked until the migration has finished/);
    expect(controlPlaneVerdict(t, t.summary.totalTimeMs).accepted).toBe(true);
  });

  it('post-copy’s switchover is the point of no return, not an acknowledged final state', () => {
    const t = runScenario({ ...small, strategy: 'postcopy' });
    const commit = t.events.find((e) => e.kind === 'commit')!;
    const text = eventSentence(commit, t);
    expect(text).toMatch(/point of no return/);
    expect(text).not.toMatch(/acknowledg/);
    const pre = runScenario(small);
    expect(
      eventSentence(
        pre.events.find((e) => e.kind === 'commit')!,
        pre,
      ),
    ).toMatch(/acknowledged the final state/);
  });

  it('the guest clock: chrony slews at up to 83,333 ppm, about 3.2 s for the default 264 ms offset', () => {
    const trace = runScenario({});
    renderInLab((v) => <LifecyclePanel {...v} />, { trace });
    const clock = screen.getByRole('region', { name: 'Guest clock' });
    expect(clock).toHaveTextContent(/83,333 ppm/);
    // The clock falls behind by the blackout; slewing it back at 83,333 ppm takes offset / 0.083333.
    expect(trace.summary.downtimeMs).toBeCloseTo(264, -1);
    expect(clock).toHaveTextContent(/about 3\.[12]\d? s/);
    expect(clock).not.toHaveTextContent(/0\.05 %/);
  });

  it('the clients table says why a 750 ms rule and a 15-minute SSH session are both true', () => {
    renderInLab((v) => <LifecyclePanel {...v} />, { trace: runScenario(small) });
    const card = screen.getByRole('region', { name: 'Clients and the network' });
    expect(card).toHaveTextContent(/TCP itself retransmits with back-off/);
    expect(card).toHaveTextContent(/timers applications and protocols put on top/);
  });

  it('the network redirect: the VM keeps its MAC; the switches relearn where it is', () => {
    const t = runScenario(small);
    renderInLab((v) => <LifecyclePanel {...v} />, { trace: t });
    const card = screen.getByRole('region', { name: 'Clients and the network' });
    expect(card).toHaveTextContent(/keeps its IP and MAC addresses/);
    expect(card).not.toHaveTextContent(/new MAC/);
    expect(t.lifecycle.find((s) => s.step === 'redirect')!.detail).toMatch(/keeps its IP and MAC/);
  });

  it('free-page hinting has a control for how much of the used memory was freed', async () => {
    const { store } = renderInLab(<MoreSettings />);
    await userEvent.setup().click(screen.getByText('More settings'));
    const slider = screen.getByRole('slider', { name: 'Freed memory' });
    fireEvent.change(slider, { target: { value: '2' } });
    expect(store.getState().scenario.vm.freeMiB).toBeGreaterThan(0);
    const freed = runScenario({ precopy: { freePageHinting: true }, vm: { freeMiB: 1024 } }).summary;
    const kept = runScenario({ precopy: { freePageHinting: true }, vm: { freeMiB: 0 } }).summary;
    expect(freed.bytesTransferred).toBeLessThan(kept.bytesTransferred - 1e9);
  });

  it('a post-copy network loss past the recovery limit names it as the scenario’s limit, which QEMU does not have', () => {
    const t = runScenario({
      ...small,
      strategy: 'postcopy',
      faults: [{ kind: 'network-drop', when: 'after-commit', atMs: 50, durationMs: 60_000 }],
    });
    renderInLab((v) => <LifecyclePanel {...v} />, { trace: t });
    expect(screen.getByLabelText('Outcome')).toHaveTextContent(/postcopy\.recoveryMs/);
    expect(screen.getByLabelText('Outcome')).toHaveTextContent(/QEMU keeps a paused post-copy/);
  });
});

describe('the spectrum tells each approach as it is', () => {
  it('the live row describes post-copy and hybrid for what they are', () => {
    for (const strategy of ['postcopy', 'hybrid'] as const) {
      const live = spectrum(scenarioOrThrow({ ...small, strategy })).find((e) => e.approach === 'live-migration')!;
      expect(live.how).not.toMatch(/pause only for the last dirty pages/);
      expect(live.how).toMatch(/fetch/);
    }
  });

  it('a 3 min 30 s live pause does not let connections survive', () => {
    const slow = spectrum(
      scenarioOrThrow({
        vm: { memoryMiB: 1024, usedMiB: 1024 },
        workload: { pattern: 'uniform', writeRateMiBps: 100, wssMiB: 1024 },
        network: { linkMbps: 40 },
        precopy: { maxIterations: 1 },
      }),
    );
    const live = slow.find((e) => e.approach === 'live-migration')!;
    expect(live.downtimeMs).toBeGreaterThan(60_000);
    expect(live.stateLost).not.toMatch(/survive/);
  });

  it('a refused migration does not read "quick migration pauses it for 0 ms"', () => {
    const refused = spectrum(scenarioOrThrow({ ...small, destination: { freeMemoryMiB: 100 } }));
    const text = summaryText(refused);
    expect(text).not.toMatch(/\b0 ms/);
    expect(text).toMatch(/quick migration cannot happen here either/);
  });

  it('hibernation counts the guest’s boot to resume', () => {
    const s = scenarioOrThrow(small);
    const hib = spectrum(s).find((e) => e.approach === 'hibernation')!;
    expect(hib.downtimeMs).toBeGreaterThan(s.devices.restartS * 1000);
    expect(hib.how).toMatch(/boots and resumes/);
  });
});
