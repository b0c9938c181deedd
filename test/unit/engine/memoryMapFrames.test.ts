// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryMap } from '../../../src/engine/memory/memoryMap';
import { HEAT_BAND_COUNT, HeatBand, PageState } from '../../../src/engine/memory/pageState';

/**
 * A frame worked out from scratch from every page's state, and the pages sent and faulted since the
 * frame before, counted here as the operations happen: the memory map redraws only the cells that
 * changed and books arrivals a cell (or a range) at a time, and must come out the same.
 */
function frameFromScratch(mem: MemoryMap, sent: Uint32Array, faulted: Uint32Array) {
  const { fromPage, toPage } = mem.region;
  const data = new Uint8Array(mem.cellCount * HEAT_BAND_COUNT);
  const totals = new Float64Array(HEAT_BAND_COUNT);
  for (let c = 0; c < mem.cellCount; c++) {
    const byState = new Array<number>(6).fill(0);
    for (let p = fromPage + c * mem.pagesPerCell; p < Math.min(toPage, fromPage + (c + 1) * mem.pagesPerCell); p++)
      byState[mem.states[p]]++;
    const faults = Math.min(faulted[c], byState[PageState.Fetched]);
    let recent = Math.max(0, sent[c] - faulted[c]);
    const take = (available: number) => {
      const n = Math.min(recent, available);
      recent -= n;
      return n;
    };
    const fromClean = take(byState[PageState.SentClean]);
    const fromPushed = take(byState[PageState.Pushed]);
    const fromFetched = take(byState[PageState.Fetched] - faults);
    const bands = [];
    bands[HeatBand.Untouched] = byState[PageState.Untouched];
    bands[HeatBand.NotSent] = byState[PageState.NotSent];
    bands[HeatBand.SentClean] = byState[PageState.SentClean] - fromClean;
    bands[HeatBand.Dirtied] = byState[PageState.Dirtied];
    bands[HeatBand.Fetched] = byState[PageState.Fetched] - faults - fromFetched;
    bands[HeatBand.Pushed] = byState[PageState.Pushed] - fromPushed;
    bands[HeatBand.InFlight] = fromClean + fromPushed + fromFetched;
    bands[HeatBand.FaultedNow] = faults;
    const total = bands.reduce((a, b) => a + b, 0);
    bands.forEach((n, b) => {
      // Scaled as the heatmap scales (a share of 255 per page), so a half rounds the same way.
      data[c * HEAT_BAND_COUNT + b] = n > 0 ? Math.max(1, Math.round(n * (255 / total))) : 0;
      totals[b] += n;
    });
  }
  sent.fill(0);
  faulted.fill(0);
  return { data, totals };
}

const operation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), page: fc.nat(4095), state: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('fault' as const), page: fc.nat(4095) }),
  fc.record({
    kind: fc.constant('arrive' as const),
    from: fc.nat(4095),
    count: fc.integer({ min: 0, max: 600 }),
    stride: fc.integer({ min: 1, max: 3 }),
    state: fc.constantFrom(PageState.SentClean, PageState.Pushed),
  }),
  fc.record({
    kind: fc.constant('range' as const),
    from: fc.nat(4095),
    count: fc.integer({ min: 0, max: 300 }),
    state: fc.constantFrom(PageState.SentClean, PageState.Pushed),
  }),
  fc.constant({ kind: 'frame' as const }),
);

describe('memory map frames', () => {
  it('redrawing only the cells that changed gives the frame worked out from scratch', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(16, 64, 1024, 8192),
        fc.record({ fromPage: fc.nat(3000), pages: fc.integer({ min: 1, max: 4096 }) }),
        fc.boolean(),
        fc.nat(4096),
        fc.array(operation, { maxLength: 60 }),
        (cells, zoom, zoomed, usedPages, operations) => {
          const region = zoomed ? { fromPage: zoom.fromPage, toPage: zoom.fromPage + zoom.pages } : undefined;
          const mem = new MemoryMap(4096, cells, region);
          mem.layoutRange(0, usedPages, PageState.NotSent);
          const sent = new Uint32Array(mem.cellCount);
          const faulted = new Uint32Array(mem.cellCount);
          const cellOf = (page: number) =>
            page < mem.region.fromPage || page >= mem.region.toPage
              ? -1
              : Math.floor((page - mem.region.fromPage) / mem.pagesPerCell);
          const check = () => {
            const data = new Uint8Array(mem.cellCount * HEAT_BAND_COUNT);
            const totals = new Float64Array(HEAT_BAND_COUNT);
            mem.writeFrame(data, 0, totals, 0);
            const want = frameFromScratch(mem, sent, faulted);
            expect(Array.from(data)).toEqual(Array.from(want.data));
            expect(Array.from(totals)).toEqual(Array.from(want.totals));
          };
          check();
          for (const op of operations) {
            if (op.kind === 'frame') check();
            else if (op.kind === 'set') mem.set(op.page, op.state as PageState);
            else if (op.kind === 'fault') {
              mem.faulted(op.page);
              const c = cellOf(op.page);
              if (c >= 0) {
                sent[c]++;
                faulted[c]++;
              }
            } else if (op.kind === 'range') {
              const to = Math.min(4096, op.from + op.count);
              mem.arriveRange(op.from, to, op.state);
              for (let p = op.from; p < to; p++) if (cellOf(p) >= 0) sent[cellOf(p)]++;
            } else {
              const pages = [];
              for (let p = op.from, i = 0; i < op.count && p < 4096; p += op.stride, i++) pages.push(p);
              mem.arriveInOrder(Int32Array.from(pages), pages.length, op.state);
              for (const p of pages) if (cellOf(p) >= 0) sent[cellOf(p)]++;
            }
          }
          check();
          // The running counts per state agree with the pages themselves.
          for (let s = 0; s < 6; s++) expect(mem.count(s as PageState)).toBe(mem.states.filter((x) => x === s).length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
