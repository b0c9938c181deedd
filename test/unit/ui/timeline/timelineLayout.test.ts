import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../../src/engine/trace/types';
import {
  fittingLabel,
  flagPlacements,
  pageBytesOf,
  phaseBands,
  roundBars,
  spanOf,
  timeScale,
  trackRows,
  wholeDomain,
  zoomDomain,
} from '../../../../src/ui/timeline/timelineLayout';
import { nineRounds, oneRound, postcopy, threeRounds } from './traces';

describe('time domains', () => {
  it('covers the whole run by default', () => {
    const trace = threeRounds();
    expect(wholeDomain(trace)).toEqual([0, trace.summary.totalTimeMs]);
  });

  it('zooms to a little before the third-last round, up to the end of the run', () => {
    const trace = nineRounds();
    const [startMs, endMs] = zoomDomain(trace)!;
    expect(startMs).toBeLessThan(trace.rounds[6].startMs);
    expect(startMs).toBeGreaterThan(trace.rounds[5].startMs);
    expect(endMs).toBe(trace.summary.totalTimeMs);
  });

  it('never zooms to round 1, which holds most of the time', () => {
    const trace = threeRounds();
    const [startMs] = zoomDomain(trace)!;
    expect(startMs).toBeGreaterThan(trace.rounds[0].startMs + 0.5 * (trace.rounds[0].endMs - trace.rounds[0].startMs));
    expect(startMs).toBeLessThan(trace.rounds[1].startMs);
  });

  it('offers no zoom without at least two rounds', () => {
    expect(zoomDomain(oneRound())).toBeNull();
    expect(zoomDomain(postcopy())).toBeNull();
  });
});

describe('phaseBands', () => {
  it('gives setup, each round in alternating shades, then the blackout', () => {
    const bands = phaseBands(threeRounds());
    expect(bands.map((b) => b.tone)).toEqual(['setup', 'round-a', 'round-b', 'round-a', 'blackout']);
    expect(bands[2].labels).toEqual(['Round 2', 'R2']);
    expect(bands[2].title).toMatch(
      /^Round 2: [\d.]+ m?s, [\d.]+ MiB sent, [\d,]+ pages \([\d.]+ MiB\) marked at the sync$/,
    );
  });

  it('follows the rounds in time, ending the blackout at the end of the run', () => {
    const trace = threeRounds();
    const bands = phaseBands(trace);
    for (const [i, round] of trace.rounds.entries()) {
      expect([bands[i + 1].startMs, bands[i + 1].endMs]).toEqual([round.startMs, round.endMs]);
    }
    expect(bands.at(-1)!.endMs).toBe(trace.summary.totalTimeMs);
    expect(bands.at(-1)!.title).toMatch(/^Blackout: .*paused/);
  });

  it('shows a post-copy run as setup, a short blackout and post-copy', () => {
    const bands = phaseBands(postcopy());
    expect(bands.map((b) => b.tone)).toEqual(['setup', 'blackout', 'postcopy']);
    expect(bands[2].labels[1]).toBe('post-copy');
  });

  it('names other phases with their length and gives each its own tone', () => {
    const trace = {
      ...threeRounds(),
      rounds: [],
      phases: [
        { kind: 'drain', startMs: 0, endMs: 4000 },
        { kind: 'offline', startMs: 4000, endMs: 5500 },
      ],
    } as Trace;
    const bands = phaseBands(trace);
    expect(bands.map((b) => b.tone)).toEqual(['drain', 'offline']);
    expect(bands[1].labels).toEqual(['offline 1.5 s', 'offline']);
    expect(bands[1].title).toMatch(/^Offline: 1.5 s, /);
  });
});

describe('spanOf', () => {
  const x = timeScale([1000, 2000], 1034);

  it('maps a time range inside the domain to pixels', () => {
    expect(spanOf(x, 1250, 1500)).toEqual({ x: 262, width: 250 });
  });

  it('cuts a range to the domain and drops one wholly outside it', () => {
    expect(spanOf(x, 500, 1100)).toEqual({ x: 12, width: 100 });
    expect(spanOf(x, 100, 900)).toBeNull();
    expect(spanOf(x, 2100, 2200)).toBeNull();
  });

  it('keeps a very short phase at least 1 px wide', () => {
    expect(spanOf(x, 1500, 1500.1)!.width).toBe(1);
  });
});

describe('fittingLabel', () => {
  it('picks the longest label that fits, or none', () => {
    const labels = ['Round 12', 'R12'];
    expect(fittingLabel(labels, 200)).toBe('Round 12');
    expect(fittingLabel(labels, 40)).toBe('R12');
    expect(fittingLabel(labels, 10)).toBeNull();
  });
});

describe('trackRows', () => {
  it('stacks the rows without overlap inside the height given', () => {
    for (const height of [146, 212]) {
      const rows = trackRows(height);
      const order = [rows.flags, rows.bands, rows.bars, rows.chart, rows.axis];
      for (let i = 1; i < order.length; i++) {
        expect(order[i].top).toBeGreaterThanOrEqual(order[i - 1].top + order[i - 1].height);
      }
      expect(rows.heightPx).toBeLessThanOrEqual(height);
    }
  });

  it('gives extra height to the charts', () => {
    expect(trackRows(212).chart.height).toBeGreaterThan(trackRows(146).chart.height + 30);
  });
});

describe('roundBars', () => {
  const row = { top: 40, height: 40 };
  const bottom = row.top + row.height;

  it('draws bytes sent and dirty pages left on one scale, the tallest filling the row', () => {
    const trace = threeRounds();
    const bars = roundBars(trace, timeScale(wholeDomain(trace), 1000), row);
    expect(bars.map((b) => b.round.index)).toEqual([1, 2, 3]);
    const [first, second] = bars;
    expect(first.sent.y).toBeCloseTo(row.top + 2);
    expect(first.sent.y + first.sent.height).toBe(bottom);
    const perByte = first.sent.height / trace.rounds[0].bytesSent;
    expect(second.sent.height).toBeCloseTo(Math.max(1, trace.rounds[1].bytesSent * perByte), 5);
    const leftBytes = trace.rounds[0].dirtyPagesAtEnd * pageBytesOf(trace);
    expect(first.dirtyLeft.height).toBeCloseTo(leftBytes * perByte, 5);
    // The left-dirty bar sits at the round's end, inside its column.
    expect(first.dirtyLeft.x + first.dirtyLeft.width).toBeCloseTo(first.column.x + first.column.width - 1);
  });

  it('fits the scale to the rounds starting in the zoomed view and cuts round 1 at the top', () => {
    const trace = threeRounds();
    const bars = roundBars(trace, timeScale(zoomDomain(trace)!, 1000), row);
    expect(bars.map((b) => b.round.index)).toEqual([1, 2, 3]);
    const tallestInView = Math.max(...bars.slice(1).flatMap((b) => [b.sent.height, b.dirtyLeft.height]));
    expect(tallestInView).toBeCloseTo(row.height - 2);
    expect(bars[0].sent.height).toBeCloseTo(row.height - 2);
    expect(trace.rounds[0].bytesSent).toBeGreaterThan(2 * trace.rounds[1].bytesSent);
  });
});

describe('flagPlacements', () => {
  it('hangs chips right, each ending where the next begins', () => {
    const [a, b] = flagPlacements([100, 300], 1000);
    expect(a).toEqual({ hangLeft: false, shiftPx: 0, maxWidthPx: 198 });
    expect(b.hangLeft).toBe(false);
  });

  it('hangs chips left near the right edge', () => {
    const [near] = flagPlacements([950], 1000);
    expect(near.hangLeft).toBe(true);
  });

  it('shifts chips at the same time apart so both remove buttons show', () => {
    const [a, b] = flagPlacements([100, 100], 1000);
    expect(a.shiftPx).toBe(0);
    expect(b.shiftPx).toBeGreaterThanOrEqual(a.maxWidthPx);
  });
});
