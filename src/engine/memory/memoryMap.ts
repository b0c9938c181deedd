import { HEAT_BAND_COUNT, HeatBand, PAGE_STATE_COUNT, PageState } from './pageState';

/** The pages a heatmap covers: [fromPage, toPage). */
export interface PageRange {
  fromPage: number;
  toPage: number;
}

/**
 * Every page's state, plus running counts per state and per heatmap cell, so a heatmap frame costs
 * O(cells) however many pages there are. The cells cover the whole memory, or one region of it (a zoom),
 * down to a page per cell.
 */
export class MemoryMap {
  readonly states: Uint8Array;
  readonly stateCounts = new Float64Array(PAGE_STATE_COUNT);
  /** Pages per heatmap cell: a power of two, so a page's cell is a shift away. */
  readonly pagesPerCell: number;
  private readonly cellShift: number;
  readonly cellCount: number;
  /** The pages the cells cover. */
  readonly region: PageRange;
  /** cellCount x PAGE_STATE_COUNT page counts. */
  private readonly cellStates: Uint32Array;
  /** Pages sent (or pushed, or fetched) per cell since the last frame: drawn as "in flight". */
  private readonly cellSentSinceFrame: Uint32Array;
  /** Of those, pages fetched on a post-copy fault: drawn as "faulted just now". */
  private readonly cellFaultsSinceFrame: Uint32Array;

  constructor(
    readonly pageCount: number,
    requestedCells: number,
    region: PageRange = { fromPage: 0, toPage: pageCount },
  ) {
    this.states = new Uint8Array(pageCount);
    const fromPage = Math.max(0, Math.min(pageCount - 1, region.fromPage));
    const toPage = Math.max(fromPage + 1, Math.min(pageCount, region.toPage));
    this.region = { fromPage, toPage };
    const covered = toPage - fromPage;
    this.cellShift = Math.max(0, Math.ceil(Math.log2(Math.max(1, covered / requestedCells))));
    this.pagesPerCell = 2 ** this.cellShift;
    this.cellCount = Math.ceil(covered / this.pagesPerCell);
    this.cellStates = new Uint32Array(this.cellCount * PAGE_STATE_COUNT);
    this.cellSentSinceFrame = new Uint32Array(this.cellCount);
    this.cellFaultsSinceFrame = new Uint32Array(this.cellCount);
    this.stateCounts[PageState.Untouched] = pageCount;
    for (let c = 0; c < this.cellCount; c++) {
      const pages = Math.min(this.pagesPerCell, covered - c * this.pagesPerCell);
      this.cellStates[c * PAGE_STATE_COUNT + PageState.Untouched] = pages;
    }
  }

  /** The cell a page falls in, or -1 when the heatmap does not cover it. */
  private cellOf(page: number): number {
    const { fromPage, toPage } = this.region;
    return page < fromPage || page >= toPage ? -1 : (page - fromPage) >>> this.cellShift;
  }

  stateOf(page: number): PageState {
    return this.states[page] as PageState;
  }

  set(page: number, next: PageState): void {
    const prev = this.states[page];
    if (prev === next) return;
    this.states[page] = next;
    this.stateCounts[prev]--;
    this.stateCounts[next]++;
    const cell = this.cellOf(page);
    if (cell < 0) return;
    const base = cell * PAGE_STATE_COUNT;
    this.cellStates[base + prev]--;
    this.cellStates[base + next]++;
  }

  /** Lays out a range of still-untouched pages in one state before the migration starts, in O(range / 8). */
  layoutRange(from: number, to: number, next: PageState): void {
    if (to <= from) return;
    this.states.fill(next, from, to);
    this.stateCounts[PageState.Untouched] -= to - from;
    this.stateCounts[next] += to - from;
    const { fromPage, toPage } = this.region;
    const lo = Math.max(from, fromPage);
    const hi = Math.min(to, toPage);
    for (let c = lo < hi ? this.cellOf(lo) : this.cellCount; c < this.cellCount; c++) {
      const cellFrom = fromPage + c * this.pagesPerCell;
      if (cellFrom >= hi) break;
      const overlap = Math.min(hi, cellFrom + this.pagesPerCell) - Math.max(lo, cellFrom);
      this.cellStates[c * PAGE_STATE_COUNT + PageState.Untouched] -= overlap;
      this.cellStates[c * PAGE_STATE_COUNT + next] += overlap;
    }
  }

  /** A page arrived on the destination in `next` state: set it and count it for the "in flight" band. */
  arrive(page: number, next: PageState): void {
    this.set(page, next);
    const cell = this.cellOf(page);
    if (cell >= 0) this.cellSentSinceFrame[cell]++;
  }

  /** A page was fetched on a post-copy fault: it shows as "faulted just now" in the next frame. */
  faulted(page: number): void {
    this.set(page, PageState.Fetched);
    const cell = this.cellOf(page);
    if (cell < 0) return;
    this.cellSentSinceFrame[cell]++;
    this.cellFaultsSinceFrame[cell]++;
  }

  count(state: PageState): number {
    return this.stateCounts[state];
  }

  /** Pages whose current contents the destination lacks. */
  get stalePages(): number {
    return this.stateCounts[PageState.NotSent] + this.stateCounts[PageState.Dirtied];
  }

  /** Pages the guest has written at some point (everything but zero pages). */
  get usedPages(): number {
    return this.pageCount - this.stateCounts[PageState.Untouched];
  }

  /**
   * One heatmap frame: per cell, the share of its pages in each band as 0..255, written into `out` at
   * `offset`; a band with any page at all gets at least 1, so no state vanishes in rounding. The exact
   * page count per band over the covered pages goes into `totals`. Pages sent since the previous frame are
   * shown in flight (faults apart), taken from the states a sent page can be in. Clears the counters.
   */
  writeFrame(out: Uint8Array, offset: number, totals: Float64Array, totalsOffset: number): void {
    const cells = this.cellStates;
    const bands = new Float64Array(HEAT_BAND_COUNT);
    for (let c = 0; c < this.cellCount; c++) {
      const base = c * PAGE_STATE_COUNT;
      bands[HeatBand.Untouched] = cells[base + PageState.Untouched];
      bands[HeatBand.NotSent] = cells[base + PageState.NotSent];
      let clean = cells[base + PageState.SentClean];
      bands[HeatBand.Dirtied] = cells[base + PageState.Dirtied];
      let fetched = cells[base + PageState.Fetched];
      let pushed = cells[base + PageState.Pushed];
      const faults = Math.min(this.cellFaultsSinceFrame[c], fetched);
      fetched -= faults;
      let recent = Math.max(0, this.cellSentSinceFrame[c] - this.cellFaultsSinceFrame[c]);
      this.cellSentSinceFrame[c] = 0;
      this.cellFaultsSinceFrame[c] = 0;
      const fromClean = Math.min(recent, clean);
      clean -= fromClean;
      recent -= fromClean;
      const fromPushed = Math.min(recent, pushed);
      pushed -= fromPushed;
      recent -= fromPushed;
      const fromFetched = Math.min(recent, fetched);
      fetched -= fromFetched;
      const inFlight = fromClean + fromPushed + fromFetched;
      bands[HeatBand.SentClean] = clean;
      bands[HeatBand.Fetched] = fetched;
      bands[HeatBand.Pushed] = pushed;
      bands[HeatBand.InFlight] = inFlight;
      bands[HeatBand.FaultedNow] = faults;
      let total = 0;
      for (let b = 0; b < HEAT_BAND_COUNT; b++) total += bands[b];
      const o = offset + c * HEAT_BAND_COUNT;
      const scale = total > 0 ? 255 / total : 0;
      for (let b = 0; b < HEAT_BAND_COUNT; b++) {
        const n = bands[b];
        out[o + b] = n > 0 ? Math.max(1, Math.round(n * scale)) : 0;
        totals[totalsOffset + b] += n;
      }
    }
  }
}
