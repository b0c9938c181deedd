import { PAGE_HEADER_BYTES } from '../network/wire';
import { mibToBytes } from '../units';

/**
 * QEMU's XBZRLE (migration/xbzrle.c, page_cache.c). A direct-mapped cache of page copies as last sent,
 * indexed by page number modulo the slot count (a power of 2). A dirty page found in the cache is sent as
 * the run-length-encoded XOR against that copy; a page not found is inserted (unless its slot holds a page
 * used in the last two syncs: hot pages keep their slots) and sent whole. An encoding larger than the page
 * overflows and the page goes whole. Only after the first pass, never in post-copy; the final copy encodes
 * hits but inserts nothing.
 *
 * What changed in a cached page is counted in writes since it was cached; each write changes `writeBytes`
 * at its own place, which encodes as one run: its bytes plus a zero-run length (2 bytes) and a run length
 * (1 byte).
 */
export const CACHED_PAGE_LIFETIME = 2;
/** Flag byte and 16-bit length in front of an encoded page. */
const XBZRLE_RECORD_EXTRA_BYTES = 3;
const RUN_OVERHEAD_BYTES = 3;
const EMPTY = -1;

export interface XbzrleStats {
  /** Pages sent encoded. */
  pages: number;
  /** Bytes on the wire for them. */
  bytes: number;
  cacheMisses: number;
  overflows: number;
}

export class XbzrleCache {
  private readonly slotPage: Int32Array;
  private readonly slotAge: Uint32Array;
  private readonly writesSince: Uint16Array;
  private readonly mask: number;
  readonly slots: number;
  readonly stats: XbzrleStats = { pages: 0, bytes: 0, cacheMisses: 0, overflows: 0 };

  constructor(
    cacheMiB: number,
    private readonly pageBytes: number,
    private readonly writeBytes: number,
  ) {
    const wanted = Math.max(1, Math.floor(mibToBytes(cacheMiB) / pageBytes));
    this.slots = 2 ** Math.floor(Math.log2(wanted));
    this.mask = this.slots - 1;
    this.slotPage = new Int32Array(this.slots).fill(EMPTY);
    this.slotAge = new Uint32Array(this.slots);
    this.writesSince = new Uint16Array(this.slots);
  }

  /** The guest wrote `page`: if its copy is cached, one more change to encode. */
  noteWrite(page: number): void {
    const slot = page & this.mask;
    if (this.slotPage[slot] === page && this.writesSince[slot] < 0xffff) this.writesSince[slot]++;
  }

  /**
   * Bytes on the wire for a dirty page sent at sync `generation`, or -1 when it must go whole (a miss or
   * an overflow). `lastStage`: the final copy, which inserts nothing.
   */
  encode(page: number, generation: number, lastStage: boolean): number {
    const slot = page & this.mask;
    if (this.slotPage[slot] === page) {
      this.slotAge[slot] = generation;
      const changes = this.writesSince[slot];
      this.writesSince[slot] = 0;
      const encoded = changes * (Math.min(this.writeBytes, this.pageBytes) + RUN_OVERHEAD_BYTES);
      if (encoded > this.pageBytes) {
        this.stats.overflows++;
        return -1;
      }
      // An unchanged page (encoded length 0) is skipped: nothing goes on the wire.
      if (encoded === 0) return 0;
      const bytes = PAGE_HEADER_BYTES + XBZRLE_RECORD_EXTRA_BYTES + encoded;
      this.stats.pages++;
      this.stats.bytes += bytes;
      return bytes;
    }
    this.stats.cacheMisses++;
    const holder = this.slotPage[slot];
    const fresh = holder !== EMPTY && this.slotAge[slot] + CACHED_PAGE_LIFETIME > generation;
    if (!lastStage && !fresh) {
      this.slotPage[slot] = page;
      this.slotAge[slot] = generation;
      this.writesSince[slot] = 0;
    }
    return -1;
  }
}
