import { describe, expect, it } from 'vitest';
import { CHART_SERIES, type SeriesColours } from '../../../../src/ui/timeline/chartSeries';
import { drawCharts, seriesMax, visibleSamples } from '../../../../src/ui/timeline/drawCharts';
import { pageBytesOf, timeScale, wholeDomain, zoomDomain } from '../../../../src/ui/timeline/timelineLayout';
import { threeRounds } from './traces';

interface Call {
  name: string;
  args: unknown[];
  dashed: boolean;
  colour: unknown;
}

/** A 2D context that records every call with the dash and colour in force at the time. */
function recordingContext() {
  const calls: Call[] = [];
  const state: Record<string | symbol, unknown> = { strokeStyle: '', fillStyle: '', globalAlpha: 1, lineWidth: 1 };
  let dash: number[] = [];
  const ctx = new Proxy(state, {
    get: (target, prop) =>
      prop in target
        ? target[prop]
        : (...args: unknown[]) => {
            if (prop === 'setLineDash') dash = args[0] as number[];
            calls.push({ name: String(prop), args, dashed: dash.length > 0, colour: target.strokeStyle });
          },
    set: (target, prop, value) => {
      target[prop] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const colours: SeriesColours = { dirtySet: 'orange', bandwidth: 'blue', vmSpeed: 'black' };

describe('visibleSamples', () => {
  const times = Float64Array.from([0, 10, 20, 30, 40]);

  it('keeps one sample beyond each end of the domain', () => {
    expect(visibleSamples(times, [15, 25])).toEqual([1, 3]);
    expect(visibleSamples(times, [0, 40])).toEqual([0, 4]);
    expect(visibleSamples(times, [10, 30])).toEqual([1, 3]);
  });
});

describe('seriesMax', () => {
  it('finds the largest value among the samples in the domain', () => {
    const trace = threeRounds();
    const dirtySet = CHART_SERIES[0];
    const whole = seriesMax(trace, dirtySet, wholeDomain(trace));
    expect(whole).toBe(Math.max(...trace.samples.columns.dirtyPages) * pageBytesOf(trace));
    expect(seriesMax(trace, dirtySet, zoomDomain(trace)!)).toBeLessThan(whole / 2);
  });
});

describe('drawCharts', () => {
  const trace = threeRounds();
  const frame = { x: timeScale(wholeDomain(trace), 800), widthPx: 800, heightPx: 60, devicePixelRatio: 2 };

  it('does nothing without a context (jsdom)', () => {
    expect(() => drawCharts(null, trace, null, frame, colours)).not.toThrow();
  });

  it('scales for the device pixel ratio and clips to the plot before drawing', () => {
    const { ctx, calls } = recordingContext();
    drawCharts(ctx, trace, null, frame, colours);
    expect(calls.find((c) => c.name === 'setTransform')!.args).toEqual([2, 0, 0, 2, 0, 0]);
    const [left, right] = frame.x.range();
    expect(calls.find((c) => c.name === 'rect')!.args).toEqual([left, 0, right - left, 60]);
    const clipAt = calls.findIndex((c) => c.name === 'clip');
    const firstStroke = calls.findIndex((c) => c.name === 'stroke');
    expect(clipAt).toBeGreaterThan(-1);
    expect(clipAt).toBeLessThan(firstStroke);
  });

  it('draws each series in its colour: the dirty set as an area, the others as lines', () => {
    const { ctx, calls } = recordingContext();
    drawCharts(ctx, trace, null, frame, colours);
    expect(calls.filter((c) => c.name === 'stroke').map((c) => c.colour)).toEqual(['orange', 'blue', 'black']);
    expect(calls.filter((c) => c.name === 'fill')).toHaveLength(1);
  });

  it('draws the ghost dashed, beneath the current run', () => {
    const { ctx, calls } = recordingContext();
    drawCharts(ctx, trace, threeRounds(), frame, colours);
    const strokes = calls.filter((c) => c.name === 'stroke').map((c) => c.dashed);
    expect(strokes).toEqual([true, true, true, false, false, false]);
  });
});

describe('the value axes', () => {
  const trace = threeRounds();
  const frame = { x: timeScale(wholeDomain(trace), 800), widthPx: 800, heightPx: 120, devicePixelRatio: 1 };

  it('label the dirty set in bytes on the left and the bandwidth in Mbit/s on the right, within each series’ range', () => {
    const { ctx, calls } = recordingContext();
    drawCharts(ctx, trace, null, frame, colours);
    const labels = calls
      .filter((c) => c.name === 'fillText')
      .map((c) => ({ text: String(c.args[0]), x: Number(c.args[1]) }));
    const [left, right] = frame.x.range();
    const leftLabels = labels.filter((l) => l.x < (left + right) / 2);
    const rightLabels = labels.filter((l) => l.x > (left + right) / 2);
    expect(leftLabels.length).toBeGreaterThan(0);
    expect(rightLabels.length).toBeGreaterThan(0);
    for (const l of leftLabels) expect(l.text).toMatch(/^[\d.,]+ (B|KiB|MiB|GiB|TiB)$/);
    for (const l of rightLabels) expect(l.text).toMatch(/^[\d.,]+ (Mbit|Gbit)\/s$/);
    // A label never names more than the series reaches in view: the axis is the series' own scale.
    const bytesMax = seriesMax(trace, CHART_SERIES[0], wholeDomain(trace));
    const unit: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };
    for (const l of leftLabels) {
      const [n, u] = l.text.split(' ');
      expect(Number(n.replace(/,/g, '')) * unit[u]).toBeLessThanOrEqual(bytesMax * 1.001);
    }
  });
});
