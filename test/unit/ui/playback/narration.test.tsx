import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import type { Trace } from '../../../../src/engine/trace/types';
import { formatBytes, formatMs } from '../../../../src/ui/format';
import { announcement, passed, playbackMilestones } from '../../../../src/ui/playback/narration';
import { NARRATION_GAP_MS, PlaybackNarration } from '../../../../src/ui/playback/PlaybackNarration';
import { renderInLab } from '../../../support/renderLab';
import { nineRounds, threeRounds } from '../timeline/traces';

const pageBytesOf = (trace: Trace) => trace.scenario.vm.pageKiB * 1024;

/** Pre-copy cut off by a long network drop: the stream times out and the migration is aborted. */
const aborted = () =>
  runScenario({
    vm: { memoryMiB: 256, usedMiB: 128 },
    workload: { wssMiB: 64, writeRateMiBps: 10 },
    network: { linkMbps: 200 },
    faults: [{ kind: 'network-drop', atMs: 2000, durationMs: 60_000 }],
  });

describe('what the narration says', () => {
  it('names every round with its own figures, the blackout where it began and the outcome with the downtime', () => {
    const trace = threeRounds();
    const ms = playbackMilestones(trace);
    const text = ms.map((m) => m.text).join('\n');
    for (const r of trace.rounds) {
      const dirtied = formatBytes(r.newlyDirtiedPages * pageBytesOf(trace));
      expect(text).toContain(`Round ${r.index}: ${formatBytes(r.bytesSent)} sent, ${dirtied} dirtied.`);
      expect(text).toContain(
        `Round ${r.index} started: ${formatBytes(r.dirtyPagesAtStart * pageBytesOf(trace))} to send.`,
      );
    }
    const blackout = ms.find((m) => m.text.includes('Blackout started'));
    expect(blackout?.tMs).toBe(trace.summary.pausedAtMs);
    const last = ms[ms.length - 1];
    expect(last.tMs).toBe(trace.summary.totalTimeMs);
    expect(last.text).toContain('the VM runs on the destination');
    expect(last.text).toContain(`downtime ${formatMs(trace.summary.downtimeMs)}`);
    // In time order, one milestone per moment.
    for (let i = 1; i < ms.length; i++) expect(ms[i].tMs).toBeGreaterThan(ms[i - 1].tMs);
  });

  it('says an abort and where the VM is left', () => {
    const trace = aborted();
    expect(trace.summary.outcome).toBe('aborted');
    const ms = playbackMilestones(trace);
    const abort = trace.events.find((e) => e.kind === 'aborted')!;
    expect(ms.some((m) => m.weight === 3 && m.tMs === abort.tMs)).toBe(true);
    expect(ms[ms.length - 1].text).toContain('Migration aborted: the VM keeps running on the source');
  });

  it('skips rounds a fast playback passed, never the blackout or the outcome', () => {
    const trace = nineRounds();
    const ms = playbackMilestones(trace);
    const all = announcement(passed(ms, -1, trace.summary.totalTimeMs))!;
    expect(all).toContain('Blackout started');
    expect(all).toContain('Migration complete');
    expect(all).not.toContain('Round 3:');
    expect(announcement(passed(ms, 0, 0))).toBeNull();
  });
});

describe('the live region', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Plays `trace` at `speed` in 16 ms frames of wall time, as the playback clock does; returns every announcement. */
  function play(trace: Trace, speed: number) {
    const { store, getByRole } = renderInLab(<PlaybackNarration />, { trace, tMs: 0 });
    const region = getByRole('status', { name: 'Playback narration' });
    expect(region).toHaveAttribute('aria-live', 'polite');
    const heard: string[] = [];
    const listen = () => {
      const text = region.textContent ?? '';
      if (text && text !== heard[heard.length - 1]) heard.push(text);
    };
    act(() => store.setState({ playhead: { ...store.getState().playhead, playing: true } }));
    let wallMs = 0;
    for (let tMs = 0; tMs < trace.summary.totalTimeMs; wallMs += 16) {
      tMs = Math.min(trace.summary.totalTimeMs, tMs + 16 * speed);
      const end = tMs >= trace.summary.totalTimeMs;
      act(() => {
        store.setState({ playhead: { ...store.getState().playhead, tMs, playing: !end } });
        vi.advanceTimersByTime(16);
      });
      listen();
    }
    act(() => vi.advanceTimersByTime(NARRATION_GAP_MS));
    listen();
    return { heard, wallMs, store, region };
  }

  it('narrates a played run in order, ending with the outcome, and never faster than one line per gap', () => {
    const trace = threeRounds();
    const { heard, wallMs } = play(trace, 1);
    expect(heard[0]).toContain('Round 1 started');
    expect(heard.some((h) => h.includes('Blackout started'))).toBe(true);
    expect(heard[heard.length - 1]).toContain('Migration complete');
    expect(heard.length).toBeLessThanOrEqual(Math.ceil(wallMs / NARRATION_GAP_MS) + 1);
    const rounds = heard.flatMap((h) => [...h.matchAll(/Round (\d+):/g)].map((m) => Number(m[1])));
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
  });

  it('a fast playback is not a flood: a few lines, the blackout and the outcome among them', () => {
    const trace = nineRounds();
    const { heard } = play(trace, 64);
    expect(heard.length).toBeLessThanOrEqual(4);
    expect(heard.join(' ')).toContain('Blackout started');
    expect(heard[heard.length - 1]).toContain('Migration complete');
  });

  it('says nothing for a seek while paused', () => {
    const trace = threeRounds();
    const { store, getByRole } = renderInLab(<PlaybackNarration />, { trace, tMs: 0 });
    act(() => {
      store.setState({ playhead: { ...store.getState().playhead, tMs: trace.summary.totalTimeMs } });
      vi.advanceTimersByTime(NARRATION_GAP_MS * 2);
    });
    expect(getByRole('status', { name: 'Playback narration' })).toHaveTextContent(/^$/);
  });
});
