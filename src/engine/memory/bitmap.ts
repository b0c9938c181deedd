/** A word index past any bitmap's last (an empty bitmap's low bound). */
const NO_WORD = 0x7fffffff;

/**
 * A set of pages as a bitmap of 32-bit words, with a running count of set bits.
 * QEMU keeps the same structure for its migration bitmap and the KVM dirty log.
 */
export class PageBitmap {
  readonly words: Uint32Array;
  private setCount = 0;
  /** How many times another bitmap was folded in (for the migration bitmap: dirty-log syncs so far). */
  absorbs = 0;
  /**
   * Words outside [lowWord, highWord] hold no mark (the bounds only widen until the bitmap is emptied):
   * a guest writes a small part of a huge memory, and a sync then reads only that part of the log.
   */
  private lowWord = NO_WORD;
  private highWord = -1;

  constructor(readonly pageCount: number) {
    this.words = new Uint32Array(Math.ceil(pageCount / 32));
  }

  get count(): number {
    return this.setCount;
  }

  has(page: number): boolean {
    return (this.words[page >>> 5] & (1 << (page & 31))) !== 0;
  }

  /** Marks a page; returns true when it was not marked before. */
  add(page: number): boolean {
    const i = page >>> 5;
    const bit = 1 << (page & 31);
    const w = this.words[i];
    if (w & bit) return false;
    this.words[i] = w | bit;
    this.setCount++;
    if (i < this.lowWord) this.lowWord = i;
    if (i > this.highWord) this.highWord = i;
    return true;
  }

  /** Unmarks a page; returns true when it was marked. */
  delete(page: number): boolean {
    const i = page >>> 5;
    const bit = 1 << (page & 31);
    const w = this.words[i];
    if (!(w & bit)) return false;
    this.words[i] = w & ~bit;
    this.setCount--;
    return true;
  }

  /** Marks every page in [from, to). */
  addRange(from: number, to: number): void {
    let p = from;
    while (p < to && (p & 31) !== 0) this.add(p++);
    const first = p >>> 5;
    const end = first + Math.floor((to - p) / 32);
    if (end > first) {
      // Words beyond the bounds are empty: only those within need their marks counted.
      for (let i = Math.max(first, this.lowWord); i < Math.min(end, this.highWord + 1); i++)
        this.setCount -= popcount32(this.words[i]);
      this.setCount += (end - first) * 32;
      this.words.fill(0xffffffff, first, end);
      this.lowWord = Math.min(this.lowWord, first);
      this.highWord = Math.max(this.highWord, end - 1);
      p = end << 5;
    }
    while (p < to) this.add(p++);
  }

  clear(): void {
    if (this.highWord >= 0) this.words.fill(0, this.lowWord, this.highWord + 1);
    this.setCount = 0;
    this.lowWord = NO_WORD;
    this.highWord = -1;
  }

  /**
   * Moves every page of `other` into this bitmap and empties `other` (a dirty-log sync).
   * Returns how many pages were new to this bitmap.
   */
  absorb(other: PageBitmap): number {
    let added = 0;
    this.absorbs++;
    const a = this.words;
    const b = other.words;
    const from = other.lowWord;
    const to = Math.min(a.length, other.highWord + 1);
    if (to > from) {
      this.lowWord = Math.min(this.lowWord, from);
      this.highWord = Math.max(this.highWord, to - 1);
    }
    other.lowWord = NO_WORD;
    other.highWord = -1;
    for (let i = from; i < to; i++) {
      const incoming = b[i];
      if (incoming === 0) continue;
      const fresh = incoming & ~a[i];
      if (fresh !== 0) added += popcount32(fresh);
      a[i] |= incoming;
      b[i] = 0;
    }
    this.setCount += added;
    other.setCount = 0;
    return added;
  }

  /**
   * `n` pages were unmarked by clearing their bits in `words` directly: the sender's hot loop walks the
   * words itself, since a search per page from the cursor costs several times the walk.
   */
  forgetTaken(n: number): void {
    this.setCount -= n;
  }

  /** Like nextFrom, and unmarks the page it finds. */
  takeNext(from: number, to: number = this.pageCount): number {
    const page = this.nextFrom(from, to);
    if (page >= 0) {
      this.words[page >>> 5] &= ~(1 << (page & 31));
      this.setCount--;
    }
    return page;
  }

  /** The first marked page at or after `from` and before `to`, or -1. */
  nextFrom(from: number, to: number = this.pageCount): number {
    if (from >= to) return -1;
    let i = from >>> 5;
    let w = this.words[i] & (~0 << (from & 31));
    const lastWord = (to - 1) >>> 5;
    for (;;) {
      if (w !== 0) {
        const page = (i << 5) + (31 - Math.clz32(w & -w));
        return page < to ? page : -1;
      }
      if (++i > lastWord) return -1;
      w = this.words[i];
    }
  }
}

export function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
