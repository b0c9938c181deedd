import { act } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEAT_BAND_COUNT } from '../../../../src/engine/memory/pageState';
import { runScenario } from '../../../../src/engine/run';
import type { SimulatedTrace } from '../../../../src/engine/trace/types';
import { gridShape } from '../../../../src/ui/hosts/gridShape';
import { HostsPanel } from '../../../../src/ui/hosts/HostsPanel';
import userEvent from '@testing-library/user-event';
import { screen } from '@testing-library/react';
import { paintHeatmap } from '../../../../src/ui/hosts/paintHeatmap';
import { paintByPriority, PRIORITY } from '../../../../src/ui/hosts/paintPriority';
import { paletteFrom } from '../../../../src/ui/hosts/palettes';
import { renderInLab, seekTo } from '../../../support/renderLab';
import { drawFramesAtOnce } from '../../../support/syncFrames';

drawFramesAtOnce();

const BOX = { width: 300, height: 200 };

let trace: SimulatedTrace;
beforeAll(() => {
  const full = runScenario({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } });
  const { heatmap, summary } = full;
  const frameBytes = heatmap.cells * HEAT_BAND_COUNT;
  // Two frames, far apart, so the playhead can cross many samples within one frame. The second is the last.
  trace = {
    ...full,
    heatmap: {
      ...heatmap,
      frameTimesMs: Float64Array.of(0, summary.totalTimeMs / 2),
      data: Uint8Array.from([...heatmap.data.subarray(0, frameBytes), ...heatmap.data.subarray(-frameBytes)]),
    },
  };
});

/** A canvas stand-in that records what is drawn: jsdom has none. */
const putImageData = vi.fn();
const original = HTMLCanvasElement.prototype.getContext;
beforeEach(() => {
  putImageData.mockClear();
  const ctx = {
    putImageData,
    drawImage: () => {},
    clearRect: () => {},
    fillRect: () => {},
    imageSmoothingEnabled: true,
    globalCompositeOperation: 'source-over',
  };
  HTMLCanvasElement.prototype.getContext = (() => ctx) as unknown as typeof original;
  vi.stubGlobal(
    'ImageData',
    class {
      constructor(
        readonly data: Uint8ClampedArray,
        readonly width: number,
        readonly height: number,
      ) {}
    },
  );
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly report: (entries: { contentRect: typeof BOX }[]) => void) {}
      observe() {
        this.report([{ contentRect: BOX }]);
      }
      disconnect() {}
    },
  );
});
afterEach(() => {
  HTMLCanvasElement.prototype.getContext = original;
  vi.unstubAllGlobals();
});

function renderPanel(tMs: number) {
  return renderInLab((v) => <HostsPanel {...v} />, { trace, tMs }).store;
}

describe('HeatmapCanvas', () => {
  it('paints the frame under the playhead on both hosts, cells laid out for the box', () => {
    renderPanel(trace.summary.totalTimeMs);
    const { cols, rows } = gridShape(trace.heatmap.cells, BOX.width / BOX.height);
    const frameOffset = trace.heatmap.cells * HEAT_BAND_COUNT;
    const painted = putImageData.mock.calls.map(([image]) => image as ImageData);
    expect(painted.map((p) => [p.width, p.height])).toEqual([
      [cols, rows],
      [cols, rows],
    ]);
    const { data, cells } = trace.heatmap;
    // By default each cell shows its most important state.
    expect(painted.map((p) => p.data)).toEqual(
      (['source', 'destination'] as const).map(
        (view) =>
          paintByPriority(
            data,
            frameOffset,
            cells,
            cols,
            rows,
            paletteFrom(view, () => ''),
            PRIORITY[view],
          ).pixels,
      ),
    );
  });

  it('in the mixed view, paints each cell as the blend of its states', async () => {
    renderPanel(trace.summary.totalTimeMs);
    await userEvent.setup().click(screen.getByRole('button', { name: 'a mix of states' }));
    const { cols, rows } = gridShape(trace.heatmap.cells, BOX.width / BOX.height);
    const frameOffset = trace.heatmap.cells * HEAT_BAND_COUNT;
    const painted = putImageData.mock.calls.slice(-2).map(([image]) => image as ImageData);
    const { data, cells } = trace.heatmap;
    expect(painted.map((p) => p.data)).toEqual([
      paintHeatmap(
        data,
        frameOffset,
        cells,
        cols,
        rows,
        paletteFrom('source', () => ''),
      ),
      paintHeatmap(
        data,
        frameOffset,
        cells,
        cols,
        rows,
        paletteFrom('destination', () => ''),
      ),
    ]);
  });

  it('repaints when the frame changes, not on every playhead tick', () => {
    const store = renderPanel(0);
    expect(putImageData).toHaveBeenCalledTimes(2);
    const secondFrameMs = trace.heatmap.frameTimesMs[1];
    for (const tMs of [secondFrameMs / 4, secondFrameMs / 2, secondFrameMs - 1]) act(() => seekTo(store, tMs));
    expect(putImageData).toHaveBeenCalledTimes(2);
    act(() => seekTo(store, secondFrameMs));
    expect(putImageData).toHaveBeenCalledTimes(4);
  });
});
