import { HEAT_BAND_COUNT, HeatBand, PAGE_STATE_COUNT, PageState } from './pageState';

/**
 * Every page's state, plus running counts per state and per heatmap cell, so a heatmap frame costs
 * O(cells) however many pages there are.
 */
export class MemoryMap {
  readonly states: Uint8Array;
  readonly stateCounts = new Float64Array(PAGE_STATE_COUNT);
  /** Pages per heatmap cell: a power of two, so a page's cell is a shift away. */
  readonly pagesPerCell: number;
  private readonly cellShift: number;
  readonly cellCount: number;
  /** cellCount x PAGE_STATE_COUNT page counts. */
  private readonly cellStates: Uint32Array;
  /** Pages sent (or pushed, or fetched) per cell since the last frame: drawn as "in flight". */
  private readonly cellSentSinceFrame: Uint32Array;

  constructor(
    readonly pageCount: number,
    requestedCells: number,
  ) {
    this.states = new Uint8Array(pageCount);
    this.cellShift = Math.max(0, Math.ceil(Math.log2(Math.max(1, pageCount / requestedCells))));
    this.pagesPerCell = 2 ** this.cellShift;
    this.cellCount = Math.ceil(pageCount / this.pagesPerCell);
    this.cellStates = new Uint32Array(this.cellCount * PAGE_STATE_COUNT);
    this.cellSentSinceFrame = new Uint32Array(this.cellCount);
    this.stateCounts[PageState.Untouched] = pageCount;
    for (let c = 0; c < this.cellCount; c++) {
      const pages = Math.min(this.pagesPerCell, pageCount - c * this.pagesPerCell);
      this.cellStates[c * PAGE_STATE_COUNT + PageState.Untouched] = pages;
    }
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
    const base = (page >>> this.cellShift) * PAGE_STATE_COUNT;
    this.cellStates[base + prev]--;
    this.cellStates[base + next]++;
  }

  /** Lays out a range of still-untouched pages in one state before the migration starts, in O(range / 8). */
  layoutRange(from: number, to: number, next: PageState): void {
    if (to <= from) return;
    this.states.fill(next, from, to);
    this.stateCounts[PageState.Untouched] -= to - from;
    this.stateCounts[next] += to - from;
    for (let c = Math.floor(from / this.pagesPerCell); c * this.pagesPerCell < to; c++) {
      const overlap = Math.min(to, (c + 1) * this.pagesPerCell) - Math.max(from, c * this.pagesPerCell);
      this.cellStates[c * PAGE_STATE_COUNT + PageState.Untouched] -= overlap;
      this.cellStates[c * PAGE_STATE_COUNT + next] += overlap;
    }
  }

  /** A page arrived on the destination in `next` state: set it and count it for the "in flight" band. */
  arrive(page: number, next: PageState): void {
    const cell = page >>> this.cellShift;
    const prev = this.states[page];
    if (prev !== next) {
      this.states[page] = next;
      this.stateCounts[prev]--;
      this.stateCounts[next]++;
      const base = cell * PAGE_STATE_COUNT;
      this.cellStates[base + prev]--;
      this.cellStates[base + next]++;
    }
    this.cellSentSinceFrame[cell]++;
  }

  /** Records that a page went over the wire, for the "in flight" band of the next frame. */
  markSent(page: number): void {
    this.cellSentSinceFrame[page >>> this.cellShift]++;
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
   * One heatmap frame: per cell, the share of its pages in each band as 0..255, written into `out`
   * at `offset`. Pages sent since the previous frame are shown in flight, taken from the states a sent
   * page can be in. Clears the "sent since last frame" counters.
   */
  writeFrame(out: Uint8Array, offset: number): void {
    const cells = this.cellStates;
    for (let c = 0; c < this.cellCount; c++) {
      const base = c * PAGE_STATE_COUNT;
      const untouched = cells[base + PageState.Untouched];
      const notSent = cells[base + PageState.NotSent];
      let clean = cells[base + PageState.SentClean];
      const dirtied = cells[base + PageState.Dirtied];
      let fetched = cells[base + PageState.Fetched];
      let pushed = cells[base + PageState.Pushed];
      const total = untouched + notSent + clean + dirtied + fetched + pushed;
      let recent = this.cellSentSinceFrame[c];
      this.cellSentSinceFrame[c] = 0;
      let inFlight = 0;
      if (recent > 0) {
        const fromClean = Math.min(recent, clean);
        clean -= fromClean;
        recent -= fromClean;
        const fromPushed = Math.min(recent, pushed);
        pushed -= fromPushed;
        recent -= fromPushed;
        const fromFetched = Math.min(recent, fetched);
        fetched -= fromFetched;
        inFlight = fromClean + fromPushed + fromFetched;
      }
      const o = offset + c * HEAT_BAND_COUNT;
      const scale = total > 0 ? 255 / total : 0;
      out[o + HeatBand.Untouched] = Math.round(untouched * scale);
      out[o + HeatBand.NotSent] = Math.round(notSent * scale);
      out[o + HeatBand.SentClean] = Math.round(clean * scale);
      out[o + HeatBand.Dirtied] = Math.round(dirtied * scale);
      out[o + HeatBand.Fetched] = Math.round(fetched * scale);
      out[o + HeatBand.Pushed] = Math.round(pushed * scale);
      out[o + HeatBand.InFlight] = Math.round(inFlight * scale);
    }
  }
}
