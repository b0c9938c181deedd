import type { PageBitmap } from '../memory/bitmap';
import { PageState } from '../memory/pageState';
import type { ByteBucket, MigrationState } from './state';

export interface SendResult {
  usedMs: number;
  bytes: number;
  pages: number;
  zeroPages: number;
  /** Of `usedMs`: checking pages for zeros, XBZRLE encoding, and the first pass's fixed start, ms. */
  scanMs: number;
  encodeMs: number;
  startMs: number;
  /** Of `pages`: sent as XBZRLE deltas. */
  encodedPages: number;
  /** Where the scan stopped: the next page to look at. */
  cursor: number;
}

const MIXED = 0;
const ALL_ZERO = 1;
const ALL_USED = 2;
/** A bitmap word with all 32 pages marked. */
const ALL_MARKED = 0xffffffff;

/** Whether the 32 pages of states32[at..at + 8) are all never written, all written, or mixed. */
function wordKind(states32: Uint32Array, at: number): number {
  let any = 0;
  let zeroByte = 0;
  for (let i = at; i < at + 8; i++) {
    const v = states32[i];
    any |= v;
    // Some byte of v is 0 (a never-written page) exactly when this is non-zero.
    zeroByte |= (v - 0x01010101) & ~v & 0x80808080;
  }
  return any === 0 ? ALL_ZERO : zeroByte === 0 ? ALL_USED : MIXED;
}

/**
 * A send's time or bytes so far: what varied page by page plus `full` and `zero` pages at their fixed
 * costs. A module function of plain numbers, not a closure, so the scan's counters stay in registers.
 */
function spent(extra: number, full: number, fullCost: number, zero: number, zeroCost: number): number {
  return extra + full * fullCost + zero * zeroCost;
}

/**
 * Sends pages marked in `bitmap` in address order from `cursor`, within a time budget and a byte budget
 * (the page that crosses a budget still goes, as in QEMU). Zero pages go as tiny records when zero-page
 * detection is on, but each costs a scan. The pages that go are booked in the state's memory map and
 * counters (MigrationState.send).
 */
export function sendPages(
  s: MigrationState,
  bitmap: PageBitmap,
  cursor: number,
  wrap: boolean,
  budgetMs: number,
  budgetBytes: number,
  rateBytesPerMs: number,
  arrived: PageState,
  bucket: ByteBucket,
): SendResult {
  const { mem, wire, audit } = s;
  const states = mem.states;
  const end = s.layout.pageCount;
  let page = cursor;
  if (rateBytesPerMs <= 0)
    return {
      usedMs: 0,
      bytes: 0,
      pages: 0,
      zeroPages: 0,
      cursor,
      scanMs: 0,
      encodeMs: 0,
      startMs: 0,
      encodedPages: 0,
    };
  // The first pass over memory starts with a fixed cost (it shows on idle VMs: see docs/engine-validation.md).
  const passStartMs = s.takePassStartMs();
  const side = s.side;
  const epoch = s.toSend.absorbs;
  // Time and bytes are kept as counts of pages at a fixed cost plus what varies page by page (XBZRLE,
  // epoch tokens), and worked out from the counts where they are compared: a run of whole words then
  // costs the same arithmetic as one page, and every path gets the very same sums for the same pages.
  let fullPages = 0;
  let zeroPages = 0;
  let extraMs = passStartMs;
  let extraBytes = 0;
  let encodingMs = 0;
  let encodedPages = 0;
  if (side && bitmap.count > 0) {
    // An epoch token opens each round of a confidential migration.
    extraBytes += side.beforeSend(s, bucket);
    extraMs += extraBytes / rateBytesPerMs;
  }
  const zeroCostMs = wire.zeroBytes / rateBytesPerMs + wire.zeroScanMs;
  const normalCostMs = wire.normalBytes / rateBytesPerMs;
  const { zeroBytes, normalBytes } = wire;
  const untouched = PageState.Untouched;
  // XBZRLE once the scan has wrapped (the first pass is over), never in post-copy.
  let xbzrle = s.xbzrle && bucket !== 'postcopy' && s.firstPassDone ? s.xbzrle : null;
  const generation = s.toSend.absorbs + 1;
  const encodeMs = (s.scenario.precopy.xbzrleEncodeUs * (s.pageBytes / 4096)) / 1000;
  // Without audit and guest hooks, whole words of pages may go at once (see wordKind).
  const plain = !audit && !side;
  const states32 = mem.states32;
  // Pages that go are booked in the memory map in batches: one by one (MemoryMap.arriveInOrder), and
  // runs of whole words as ranges (MemoryMap.arriveRange).
  const arrivals = s.arrivals;
  let arriving = 0;
  let runFrom = 0;
  let runTo = 0;
  // The scan walks the bitmap's words: `w` holds the marks of word `wordIndex` still ahead of the scan,
  // `kept` the marks behind it; the word is written back once, as the scan leaves it (a store per page
  // would chain each page to the one before).
  const words = bitmap.words;
  const wordCount = words.length;
  let marked = bitmap.count;
  let wordIndex = page >>> 5;
  let w = page < end ? words[wordIndex] & (~0 << (page & 31)) : 0;
  let kept = page < end ? words[wordIndex] & ~(~0 << (page & 31)) : 0;
  while (
    marked > 0 &&
    spent(extraMs, fullPages, normalCostMs, zeroPages, zeroCostMs) < budgetMs &&
    spent(extraBytes, fullPages, normalBytes, zeroPages, zeroBytes) < budgetBytes
  ) {
    if (w === 0) {
      if (wordIndex < wordCount) words[wordIndex] = kept;
      kept = 0;
      do wordIndex++;
      while (wordIndex < wordCount && words[wordIndex] === 0);
      if (wordIndex >= wordCount) {
        if (!wrap) {
          page = end;
          break;
        }
        wordIndex = 0;
        while (words[wordIndex] === 0) wordIndex++;
        if (!s.firstPassDone) {
          s.firstPassDone = true;
          if (s.xbzrle && bucket !== 'postcopy') xbzrle = s.xbzrle;
        }
      }
      w = words[wordIndex] | 0;
    }
    // The rest of a word, marked from the scan's place to the word's end, whose pages are all never
    // written, or all written: they cost the same each, so as many as the budgets allow go at once.
    const low = 31 - Math.clz32(w & -w);
    if (plain && w === -1 << low) {
      const kind = wordKind(states32, wordIndex << 3);
      if (kind === ALL_ZERO || (kind === ALL_USED && !xbzrle)) {
        const zero = kind === ALL_ZERO ? 1 : 0;
        const room = 32 - low;
        // The first page goes (the loop's test passed), and each next one while both budgets still hold
        // before it: the first k in [1, room) at which one does not is how many go.
        let lo = 1;
        let hi = room;
        const allFull = fullPages + (room - 1) * (1 - zero);
        const allZero = zeroPages + (room - 1) * zero;
        if (
          spent(extraMs, allFull, normalCostMs, allZero, zeroCostMs) < budgetMs &&
          spent(extraBytes, allFull, normalBytes, allZero, zeroBytes) < budgetBytes
        )
          lo = room;
        while (lo < hi) {
          const k = (lo + hi) >>> 1;
          const full = fullPages + k * (1 - zero);
          const zeros = zeroPages + k * zero;
          const holds =
            spent(extraMs, full, normalCostMs, zeros, zeroCostMs) < budgetMs &&
            spent(extraBytes, full, normalBytes, zeros, zeroBytes) < budgetBytes;
          if (holds) lo = k + 1;
          else hi = k;
        }
        const taken = lo;
        const first = (wordIndex << 5) + low;
        if (zero) zeroPages += taken;
        else {
          fullPages += taken;
          if (first !== runTo) {
            mem.arriveRange(runFrom, runTo, arrived);
            runFrom = first;
          }
          runTo = first + taken;
        }
        marked -= taken;
        w = taken === room ? 0 : -1 << (low + taken);
        page = first + taken;
        if (w === 0) {
          // Then whole words, all marked and each all never written or all written, while a whole word
          // fits: its last page would go when the budgets hold with the 31 before it counted.
          let next = wordIndex + 1;
          for (; next < wordCount && words[next] === ALL_MARKED; next++) {
            const nextKind = wordKind(states32, next << 3);
            if (nextKind === MIXED || (nextKind === ALL_USED && xbzrle)) break;
            const z = nextKind === ALL_ZERO ? 1 : 0;
            const full = fullPages + 31 * (1 - z);
            const zeros = zeroPages + 31 * z;
            if (!(
              spent(extraMs, full, normalCostMs, zeros, zeroCostMs) < budgetMs &&
              spent(extraBytes, full, normalBytes, zeros, zeroBytes) < budgetBytes
            ))
              break;
            words[next] = 0;
            marked -= 32;
            if (z) zeroPages += 32;
            else {
              fullPages += 32;
              if (next << 5 !== runTo) {
                mem.arriveRange(runFrom, runTo, arrived);
                runFrom = next << 5;
              }
              runTo = (next + 1) << 5;
            }
          }
          if (next > wordIndex + 1) {
            // The word the scan started in keeps the marks behind the scan.
            words[wordIndex] = kept;
            kept = 0;
            wordIndex = next - 1;
          }
          page = next << 5;
        }
        continue;
      }
    }
    const lowest = w & -w;
    w ^= lowest;
    marked--;
    const next = (wordIndex << 5) + 31 - Math.clz32(lowest);
    if (states[next] === untouched) zeroPages++;
    else {
      const encoded = xbzrle ? xbzrle.encode(next, generation, bucket === 'downtime') : -1;
      if (encoded >= 0) {
        extraBytes += encoded;
        extraMs += encoded / rateBytesPerMs + encodeMs;
        encodingMs += encodeMs;
        encodedPages++;
      } else {
        fullPages++;
        if (xbzrle) {
          extraMs += encodeMs;
          encodingMs += encodeMs;
        }
      }
      arrivals[arriving++] = next;
      if (arriving === arrivals.length) {
        mem.arriveInOrder(arrivals, arriving, arrived);
        arriving = 0;
      }
    }
    if (audit) audit.destination[next] = audit.version[next];
    if (side) side.sent(next, bucket, epoch);
    page = next + 1;
  }
  if (wordIndex < wordCount) words[wordIndex] = kept | w;
  bitmap.forgetTaken(bitmap.count - marked);
  mem.arriveInOrder(arrivals, arriving, arrived);
  mem.arriveRange(runFrom, runTo, arrived);
  const bytes = spent(extraBytes, fullPages, normalBytes, zeroPages, zeroBytes);
  const pages = fullPages + zeroPages + encodedPages;
  s.countBytes(bytes, fullPages, zeroPages, bucket);
  // A scan that ran to the end of memory starts over at page 0: that is the wrap too (QEMU's
  // find_dirty_block loops, and enables XBZRLE, when the next search starts past the last page).
  if (page >= end && wrap) s.firstPassDone = true;
  return {
    usedMs: spent(extraMs, fullPages, normalCostMs, zeroPages, zeroCostMs),
    bytes,
    pages,
    zeroPages,
    cursor: page >= end && wrap ? 0 : page,
    scanMs: zeroPages * wire.zeroScanMs,
    encodeMs: encodingMs,
    startMs: passStartMs,
    encodedPages,
  };
}
