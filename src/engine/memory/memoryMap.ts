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
  /** The same states four to a word, so the sender can check 32 pages at once (Untouched is 0). */
  readonly states32: Uint32Array;
  readonly stateCounts = new Float64Array(PAGE_STATE_COUNT);
  /** Pages per heatmap cell: a power of two, so a page's cell is a shift away. */
  readonly pagesPerCell: number;
  private readonly cellShift: number;
  /** The region's bounds, as plain fields for the per-page paths. */
  private readonly fromPage: number;
  private readonly toPage: number;
  readonly cellCount: number;
  /** The pages the cells cover. */
  readonly region: PageRange;
  /** cellCount x PAGE_STATE_COUNT page counts. */
  private readonly cellStates: Uint32Array;
  /** Pages sent (or pushed, or fetched) per cell since the last frame: drawn as "in flight". */
  private readonly cellSentSinceFrame: Uint32Array;
  /** Of those, pages fetched on a post-copy fault: drawn as "faulted just now". */
  private readonly cellFaultsSinceFrame: Uint32Array;
  /**
   * A frame redraws only the cells that changed since the one before (a few per frame in a long run):
   * the others keep their bands and bytes, kept here, and the band totals are kept up to date.
   */
  private readonly cellBands: Uint32Array;
  private readonly cellBytes: Uint8Array;
  private readonly bandTotals = new Float64Array(HEAT_BAND_COUNT);
  private readonly cellChanged: Uint8Array;
  private readonly changedCells: Int32Array;
  private changedCount = 0;
  /** Pages of one range by the state they were in (arriveRange). */
  private readonly prevScratch = new Float64Array(PAGE_STATE_COUNT);

  constructor(
    readonly pageCount: number,
    requestedCells: number,
    region: PageRange = { fromPage: 0, toPage: pageCount },
  ) {
    this.states = new Uint8Array(pageCount);
    this.states32 = new Uint32Array(this.states.buffer, 0, pageCount >>> 2);
    const fromPage = Math.max(0, Math.min(pageCount - 1, region.fromPage));
    const toPage = Math.max(fromPage + 1, Math.min(pageCount, region.toPage));
    this.region = { fromPage, toPage };
    this.fromPage = fromPage;
    this.toPage = toPage;
    const covered = toPage - fromPage;
    this.cellShift = Math.max(0, Math.ceil(Math.log2(Math.max(1, covered / requestedCells))));
    this.pagesPerCell = 2 ** this.cellShift;
    this.cellCount = Math.ceil(covered / this.pagesPerCell);
    this.cellStates = new Uint32Array(this.cellCount * PAGE_STATE_COUNT);
    this.cellSentSinceFrame = new Uint32Array(this.cellCount);
    this.cellFaultsSinceFrame = new Uint32Array(this.cellCount);
    this.cellBands = new Uint32Array(this.cellCount * HEAT_BAND_COUNT);
    this.cellBytes = new Uint8Array(this.cellCount * HEAT_BAND_COUNT);
    this.cellChanged = new Uint8Array(this.cellCount);
    this.changedCells = new Int32Array(this.cellCount);
    this.stateCounts[PageState.Untouched] = pageCount;
    for (let c = 0; c < this.cellCount; c++) {
      const pages = Math.min(this.pagesPerCell, covered - c * this.pagesPerCell);
      this.cellStates[c * PAGE_STATE_COUNT + PageState.Untouched] = pages;
      this.markChanged(c);
    }
  }

  /** The cell must be drawn afresh in the next frame. */
  private markChanged(cell: number): void {
    if (this.cellChanged[cell]) return;
    this.cellChanged[cell] = 1;
    this.changedCells[this.changedCount++] = cell;
  }

  /** The cell a page falls in, or -1 when the heatmap does not cover it. */
  private cellOf(page: number): number {
    return page < this.fromPage || page >= this.toPage ? -1 : (page - this.fromPage) >>> this.cellShift;
  }

  stateOf(page: number): PageState {
    return this.states[page] as PageState;
  }

  set(page: number, next: PageState): void {
    this.change(page, next);
  }

  /** Sets a page's state; returns its cell, or -1 when the heatmap does not cover it. */
  private change(page: number, next: PageState): number {
    const cell = this.cellOf(page);
    const prev = this.states[page];
    if (prev === next) return cell;
    this.states[page] = next;
    this.stateCounts[prev]--;
    this.stateCounts[next]++;
    if (cell < 0) return cell;
    const base = cell * PAGE_STATE_COUNT;
    this.cellStates[base + prev]--;
    this.cellStates[base + next]++;
    this.markChanged(cell);
    return cell;
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
      this.markChanged(c);
    }
  }

  /**
   * Pages that arrived on the destination in `next` state, in address order (one scan of the sender):
   * each is set, and counted for the "in flight" band. The counts are summed per cell in locals and
   * written once per cell: counting each page in memory would chain every page to the one before it.
   */
  arriveInOrder(pages: Int32Array, n: number, next: PageState): void {
    const states = this.states;
    const { fromPage, toPage, cellShift } = this;
    let cell = -2;
    let untouched = 0;
    let notSent = 0;
    let sentClean = 0;
    let dirtied = 0;
    let fetched = 0;
    let pushed = 0;
    for (let i = 0; i < n; i++) {
      const page = pages[i];
      const pageCell = page < fromPage || page >= toPage ? -1 : (page - fromPage) >>> cellShift;
      if (pageCell !== cell) {
        this.countArrivals(cell, next, [untouched, notSent, sentClean, dirtied, fetched, pushed]);
        cell = pageCell;
        untouched = notSent = sentClean = dirtied = fetched = pushed = 0;
      }
      const prev = states[page];
      states[page] = next;
      if (prev === PageState.NotSent) notSent++;
      else if (prev === PageState.Dirtied) dirtied++;
      else if (prev === PageState.SentClean) sentClean++;
      else if (prev === PageState.Pushed) pushed++;
      else if (prev === PageState.Fetched) fetched++;
      else untouched++;
    }
    this.countArrivals(cell, next, [untouched, notSent, sentClean, dirtied, fetched, pushed]);
  }

  /**
   * Pages [from, to) arrived on the destination in `next` state (a whole bitmap word the sender took at
   * once): their states are counted four at a time where four pages share one, then filled in.
   */
  arriveRange(from: number, to: number, next: PageState): void {
    const { states, states32 } = this;
    const byPrev = this.prevScratch;
    let p = from;
    while (p < to) {
      const cell = this.cellOf(p);
      const stop =
        cell >= 0
          ? Math.min(to, this.toPage, this.fromPage + (cell + 1) * this.pagesPerCell)
          : p < this.fromPage
            ? Math.min(to, this.fromPage)
            : to;
      byPrev.fill(0);
      let q = p;
      while (q < stop && (q & 3) !== 0) byPrev[states[q++]]++;
      for (; q + 4 <= stop; q += 4) {
        const four = states32[q >>> 2];
        const first = four & 0xff;
        if (four === first * 0x01010101) byPrev[first] += 4;
        else for (let k = 0; k < 4; k++) byPrev[states[q + k]]++;
      }
      while (q < stop) byPrev[states[q++]]++;
      states.fill(next, p, stop);
      this.countArrivals(cell, next, byPrev);
      p = stop;
    }
  }

  /** Books pages of one cell (or of none: -1) that arrived in `next` state, `byPrev[s]` of them from state s. */
  private countArrivals(cell: number, next: PageState, byPrev: ArrayLike<number>): void {
    if (cell === -2) return;
    let arrived = 0;
    const base = cell * PAGE_STATE_COUNT;
    for (let prev = 0; prev < PAGE_STATE_COUNT; prev++) {
      const k = byPrev[prev];
      if (k === 0) continue;
      arrived += k;
      this.stateCounts[prev] -= k;
      this.stateCounts[next] += k;
      if (cell < 0) continue;
      this.cellStates[base + prev] -= k;
      this.cellStates[base + next] += k;
    }
    if (cell < 0 || arrived === 0) return;
    this.cellSentSinceFrame[cell] += arrived;
    this.markChanged(cell);
  }

  /** A page was fetched on a post-copy fault: it shows as "faulted just now" in the next frame. */
  faulted(page: number): void {
    const cell = this.change(page, PageState.Fetched);
    if (cell < 0) return;
    this.cellSentSinceFrame[cell]++;
    this.cellFaultsSinceFrame[cell]++;
    this.markChanged(cell);
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
    const pending = this.changedCells.slice(0, this.changedCount);
    this.changedCount = 0;
    for (const c of pending) this.cellChanged[c] = 0;
    for (const c of pending) {
      // A cell with pages in flight now shows them settled in the next frame, so it changes again.
      if (this.drawCell(c)) this.markChanged(c);
    }
    out.set(this.cellBytes, offset);
    for (let b = 0; b < HEAT_BAND_COUNT; b++) totals[totalsOffset + b] += this.bandTotals[b];
  }

  /** Works out one cell's bands and bytes afresh; true when some of its pages are drawn in flight or faulted. */
  private drawCell(c: number): boolean {
    const cells = this.cellStates;
    const base = c * PAGE_STATE_COUNT;
    let clean = cells[base + PageState.SentClean];
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
    const bands = this.cellBands;
    const o = c * HEAT_BAND_COUNT;
    for (let b = 0; b < HEAT_BAND_COUNT; b++) this.bandTotals[b] -= bands[o + b];
    bands[o + HeatBand.Untouched] = cells[base + PageState.Untouched];
    bands[o + HeatBand.NotSent] = cells[base + PageState.NotSent];
    bands[o + HeatBand.SentClean] = clean;
    bands[o + HeatBand.Dirtied] = cells[base + PageState.Dirtied];
    bands[o + HeatBand.Fetched] = fetched;
    bands[o + HeatBand.Pushed] = pushed;
    bands[o + HeatBand.InFlight] = inFlight;
    bands[o + HeatBand.FaultedNow] = faults;
    let total = 0;
    for (let b = 0; b < HEAT_BAND_COUNT; b++) total += bands[o + b];
    const scale = total > 0 ? 255 / total : 0;
    for (let b = 0; b < HEAT_BAND_COUNT; b++) {
      const n = bands[o + b];
      this.cellBytes[o + b] = n > 0 ? Math.max(1, Math.round(n * scale)) : 0;
      this.bandTotals[b] += n;
    }
    return inFlight + faults > 0;
  }
}
