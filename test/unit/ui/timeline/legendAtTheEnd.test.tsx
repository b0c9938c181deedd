import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import { TimelinePanel } from '../../../../src/ui/timeline/TimelinePanel';
import { renderInLab } from '../../../support/renderLab';
import { drawFramesAtOnce } from '../../../support/syncFrames';

drawFramesAtOnce();

const item = (name: RegExp) =>
  within(screen.getByRole('list', { name: /legend/ }))
    .getByText(name)
    .closest('li')!;

describe('the chart legend once the migration is over', () => {
  it('no bandwidth and a guest at full speed, not the last interval’s blackout average', () => {
    const trace = runScenario({ vm: { memoryMiB: 512, usedMiB: 256 } });
    const last = trace.samples.columns.bandwidthMbps.length - 1;
    // The last interval still held the blackout: its averages are neither zero nor full speed.
    expect(trace.samples.columns.bandwidthMbps[last]).toBeGreaterThan(0);
    expect(trace.samples.columns.vmSpeedPct[last]).toBeLessThan(100);
    renderInLab((v) => <TimelinePanel {...v} />, { trace, tMs: trace.summary.totalTimeMs });
    expect(item(/Migration bandwidth/)).toHaveTextContent('Migration bandwidth –');
    expect(item(/VM speed/)).toHaveTextContent('VM speed 100 %');
  });

  it('a lost VM reads lost, not a speed', () => {
    const trace = runScenario({
      vm: { memoryMiB: 512, usedMiB: 256 },
      faults: [{ kind: 'source-crash', when: 'brownout', atMs: 100 }],
    });
    renderInLab((v) => <TimelinePanel {...v} />, { trace, tMs: trace.summary.totalTimeMs });
    expect(item(/VM speed/)).toHaveTextContent('VM speed lost');
  });
});

describe('the first series’ name', () => {
  it('is the dirty set with pre-copy, and what the destination lacks without it', () => {
    for (const [strategy, name] of [
      ['precopy', 'Dirty set'],
      ['hybrid', 'Dirty set'],
      ['postcopy', 'Not yet on the destination'],
      ['stopcopy', 'Not yet on the destination'],
    ] as const) {
      const trace = runScenario({ strategy, vm: { memoryMiB: 512, usedMiB: 256 } });
      const { unmount } = renderInLab((v) => <TimelinePanel {...v} />, { trace, tMs: 0 });
      const first = within(screen.getByRole('list', { name: /legend/ })).getAllByRole('listitem')[0];
      expect(first.textContent, strategy).toMatch(new RegExp(`^${name} `));
      unmount();
    }
  });
});
