import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { LifecyclePanel } from '../../../../src/ui/lifecycle/LifecyclePanel';
import { diagnose } from '../../../../src/ui/metrics/diagnosis';
import { MetricsPanel } from '../../../../src/ui/metrics/MetricsPanel';
import { eventSentence } from '../../../../src/ui/text/eventText';
import { renderInLab } from '../../../support/renderLab';

const small = { vm: { memoryMiB: 1024, usedMiB: 512 }, workload: { wssMiB: 128, writeRateMiBps: 30 } };
const saturated = {
  vm: { memoryMiB: 1024, usedMiB: 512 },
  workload: { writeRateMiBps: 500, wssMiB: 1024, pattern: 'uniform' as const },
};
const card = (name: string) => screen.getByRole('group', { name });

describe('the cards say what happened', () => {
  it('aborted at the round cap: abandoned, not "forced through"; no pause', () => {
    renderInLab((v) => <MetricsPanel {...v} />, {
      trace: runScenario({ ...saturated, precopy: { onNoConvergence: 'abort' } }),
    });
    expect(card('Stop reason')).toHaveTextContent('Round cap reached');
    expect(card('Stop reason')).toHaveTextContent(/abandoned and the VM stayed on the source/);
    expect(card('Stop reason')).not.toHaveTextContent(/forced through/);
    expect(card('Rounds')).toHaveTextContent('migration aborted');
    expect(card('Downtime')).toHaveTextContent(/0 ms.*never paused/);
  });

  it('a lost VM: no finite downtime, no clock on resume, and not "the VM never moved"', () => {
    const lost = runScenario({ ...small, faults: [{ kind: 'source-crash', when: 'brownout', atMs: 200 }] });
    renderInLab((v) => <MetricsPanel {...v} />, { trace: lost });
    expect(card('Downtime')).toHaveTextContent('VM lost');
    expect(card('Rounds')).toHaveTextContent('VM lost');
    renderInLab((v) => <LifecyclePanel {...v} />, { trace: lost });
    expect(screen.getByRole('region', { name: 'Guest clock' })).toHaveTextContent('never runs again');
    expect(screen.getByRole('region', { name: 'Residual dependencies' })).not.toHaveTextContent('never moved');
  });

  it('hybrid: a planned switch to post-copy, not a failure to converge', () => {
    renderInLab((v) => <MetricsPanel {...v} />, { trace: runScenario({ ...saturated, strategy: 'hybrid' }) });
    expect(card('Rounds')).toHaveTextContent('planned switch to post-copy');
    expect(card('Rounds')).not.toHaveTextContent('did not converge');
    expect(card('Stop reason')).toHaveTextContent('Planned switch to post-copy');
  });

  it('no codes on screen: a fault reads "Fault" once, a refusal "Refused" once', () => {
    const fault = runScenario({ ...small, faults: [{ kind: 'destination-crash', when: 'brownout', atMs: 100 }] });
    const { unmount } = renderInLab((v) => <MetricsPanel {...v} />, { trace: fault });
    expect(card('Stop reason').textContent).not.toMatch(/fault fault|max-iterations|not-iterative/i);
    expect(within(card('Stop reason')).getByText('Fault')).toBeVisible();
    unmount();
    renderInLab((v) => <MetricsPanel {...v} />, {
      trace: runScenario({ ...small, destination: { freeMemoryMiB: 10 } }),
    });
    expect(card('Stop reason').textContent).not.toMatch(/refused refused/i);
    expect(within(card('Stop reason')).getByText('Refused')).toBeVisible();
  });

  it('one round is "1 round"', () => {
    const one = runScenario({ vm: { memoryMiB: 512, usedMiB: 256 }, workload: { writeRateMiBps: 0 } });
    expect(one.summary.iterations).toBe(1);
    renderInLab((v) => <MetricsPanel {...v} />, { trace: one });
    expect(screen.getByLabelText('Diagnosis')).toHaveTextContent(/Converged in 1 round:/);
  });

  it('a run the simulation cannot finish says so', () => {
    const never = runScenario({ ...saturated, precopy: { maxIterations: 0 } });
    renderInLab((v) => <MetricsPanel {...v} />, { trace: never });
    expect(card('Rounds')).toHaveTextContent('never converges');
    expect(card('Downtime')).toHaveTextContent('none yet');
    expect(card('Stop reason')).toHaveTextContent('Never converges');
  });
});

describe('the event log counts rounds right and misses nothing', () => {
  it('a 4-round run never speaks of a fifth: the last sync hands over to the blackout', () => {
    const t = runScenario(small);
    const rounds = t.summary.iterations;
    const texts = t.events.map((e) => eventSentence(e, t));
    expect(texts.some((x) => x.includes(`round ${rounds + 1}`))).toBe(false);
    const lastSync = t.events.filter((e) => e.kind === 'sync').at(-1)!;
    expect(eventSentence(lastSync, t)).toMatch(/pre-copy ended there/);
  });

  it('a source crash after the commit is in the log, and says it no longer matters', () => {
    const t = runScenario({ ...small, faults: [{ kind: 'source-crash', when: 'after-commit', atMs: 100 }] });
    renderInLab((v) => <LifecyclePanel {...v} />, { trace: t });
    expect(screen.getByRole('region', { name: 'What happened' })).toHaveTextContent(
      /The source host crashed after the migration was over/,
    );
  });
});

describe('the diagnosis follows the notes, on the trace’s own figures', () => {
  it.each([
    ['a 100 Mbit/s link', { network: { linkMbps: 100 } }],
    // A web server writing 40 MiB/s over 512 MiB, a tenth of it hot: the cap keeps it from converging.
    [
      'a 200 Mbit/s cap',
      { network: { capMbps: 200 }, workload: { writeRateMiBps: 40, wssMiB: 512, hotFractionPct: 10 } },
    ],
    [
      'a link degraded to a tenth',
      { faults: [{ kind: 'link-degradation' as const, when: 'brownout' as const, atMs: 2000, factorPct: 10 }] },
    ],
  ])('%s: network pressure, with the figures that decided it', (_name, over) => {
    const d = diagnose(runScenario(over));
    expect(d.kind).toBe('network');
    const labels = d.figures.map((f) => f.label);
    expect(labels).toContain('Left for the blackout');
    expect(labels).toContain('Copying it in the blackout');
    expect(d.figures.find((f) => f.label === 'Left for the blackout')!.value).toMatch(/modest/);
  });

  it('a writer faster than the link over a large working set: workload pressure', () => {
    const d = diagnose(runScenario({ workload: { pattern: 'uniform', writeRateMiBps: 400, wssMiB: 1024 } }));
    expect(d.kind).toBe('workload');
    expect(d.figures.find((f) => f.label === 'Marked at the last syncs')!.value).toMatch(/not shrinking/);
  });
});

describe('the round explanation tells the rule that was used', () => {
  it('QEMU’s round: what it sent of what was marked, where the measured bandwidth came from, what carried over', async () => {
    const { explainRound } = await import('../../../../src/ui/metrics/explain');
    const t = runScenario({});
    const r = t.rounds[0];
    const e = explainRound(1, t);
    expect(e.summary).toMatch(/Under QEMU's rule round 1 began with [\d,]+ pages marked/);
    const window = e.steps.find((s) => s.label === 'Measured bandwidth behind the threshold')!;
    expect(window.formula).toMatch(/rate window before the sync/);
    expect(window.formula).toMatch(/not per round/);
    // The window's rate and the round's average differ, and both are shown.
    expect(Math.abs(r.estimateMbps - r.bandwidthMbps)).toBeGreaterThan(100);
    const later = explainRound(3, t);
    expect(later.steps.find((s) => s.label === 'Not reached by the round')!.amount).toBe(t.rounds[2].carriedPages);
    expect(t.rounds[2].carriedPages).toBe(t.rounds[2].dirtyPagesAtStart - t.rounds[2].pagesSent);
  });
});
