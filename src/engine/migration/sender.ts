import type { PageBitmap } from '../memory/bitmap';
import type { PageState } from '../memory/pageState';
import type { ByteBucket, MigrationState } from './state';

export interface SliceSend {
  bytes: number;
  pages: number;
  zeroPages: number;
  /** Time within the slice the sender was working: up to the slice length. */
  busyMs: number;
  /** Parts of the pages' cost besides the wire, booked whole when they go: zero checks, XBZRLE encoding, the first pass's start, ms. */
  scanMs: number;
  encodeMs: number;
  startMs: number;
  /** Of `pages`: sent as XBZRLE deltas. */
  encodedPages: number;
}

/**
 * The migration stream's sender: a scan position in a bitmap, and the time it still owes. A page that
 * starts before a slice ends finishes in the next one, so no sending time is lost at slice boundaries.
 */
export class PageSender {
  cursor = 0;
  /** Time the last page sent runs past the end of the slice, ms. */
  debtMs = 0;

  constructor(
    private readonly s: MigrationState,
    private readonly bitmap: PageBitmap,
    private readonly wrap: boolean,
  ) {}

  /** Sends for one slice of `sliceMs`, within `budgetBytes` (the page that crosses it still goes). */
  send(
    sliceMs: number,
    budgetBytes: number,
    rateBytesPerMs: number,
    arrived: PageState,
    bucket: ByteBucket,
  ): SliceSend {
    const owed = Math.min(this.debtMs, sliceMs);
    this.debtMs -= owed;
    if (this.debtMs > 0)
      return { bytes: 0, pages: 0, zeroPages: 0, busyMs: sliceMs, scanMs: 0, encodeMs: 0, startMs: 0, encodedPages: 0 };
    const budgetMs = sliceMs - owed;
    const r = this.s.send(this.bitmap, this.cursor, this.wrap, budgetMs, budgetBytes, rateBytesPerMs, arrived, bucket);
    this.cursor = r.cursor;
    this.debtMs = Math.max(0, r.usedMs - budgetMs);
    return {
      bytes: r.bytes,
      pages: r.pages,
      zeroPages: r.zeroPages,
      busyMs: Math.min(sliceMs, owed + r.usedMs),
      scanMs: r.scanMs,
      encodeMs: r.encodeMs,
      startMs: r.startMs,
      encodedPages: r.encodedPages,
    };
  }

  /** Takes back time owed (when the next stage of work starts after the last page is out). */
  takeDebt(): number {
    const d = this.debtMs;
    this.debtMs = 0;
    return d;
  }
}
