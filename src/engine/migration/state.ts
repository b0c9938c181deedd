import { PageBitmap } from '../memory/bitmap';
import { layoutMemory, wssRange, type MemoryLayout } from '../memory/layout';
import { MemoryMap } from '../memory/memoryMap';
import { PageState } from '../memory/pageState';
import { splitLink, type LinkSplit } from '../network/share';
import { wireSizes, type WireSizes } from '../network/wire';
import type { Scenario } from '../scenario/schema';
import type { LostWork } from '../trace/types';
import { mbpsToBytesPerMs, mibToBytes, mibpsToBytesPerMs } from '../units';
import { WriteStream, type WriteParams } from '../workload/writeStream';
import type { LiveParams } from './liveParams';
import { AdaptiveRate } from './adaptiveRate';
import { XbzrleCache } from './xbzrle';
import { GuestSide } from '../variants/guestSide';

export type ByteBucket = 'precopy' | 'downtime' | 'postcopy';
/** What the stream is doing: live rounds, the blackout copy, or the post-copy push and fetches. */
export type CopyStage = 'live' | 'blackout' | 'postcopy';

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

/** Optional bookkeeping for tests: page versions on the running host and on the destination. */
export interface Audit {
  version: Uint32Array;
  destination: Uint32Array;
  /** Times the guest on the destination touched a page the destination did not have current. */
  staleTouches: number;
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

/** Guest speed under a throttle share p with effectiveness k: k (1 - p) while throttled, 1 when not. */
export const throttledSpeed = (p: number, k: number): number => (p > 0 ? k * (1 - p) : 1);

export interface Counters {
  transferredBytes: number;
  precopyBytes: number;
  downtimeBytes: number;
  postcopyBytes: number;
  normalPages: number;
  zeroPages: number;
  writes: number;
  faults: number;
  faultStallMs: number;
  /** Guest work lost, in ms of full-speed running, and its parts. */
  vmLostMs: number;
  lost: LostWork;
  /** Link capacity that passed while migrating, and what others wanted and got, in bytes. */
  linkCapacityBytes: number;
  othersWantedBytes: number;
  othersGotBytes: number;
  sourceBusyMs: number;
  diskBytes: number;
}

/** Everything a migration in progress shares between its phases: memory, bitmaps, guest, link, counters. */
export class MigrationState {
  readonly layout: MemoryLayout;
  readonly pageBytes: number;
  readonly memoryBytes: number;
  readonly wire: WireSizes;
  readonly mem: MemoryMap;
  /** QEMU's migration bitmap: pages still to send. */
  readonly toSend: PageBitmap;
  /** The dirty log: pages written since the last sync. */
  readonly log: PageBitmap;
  readonly writes: WriteStream;
  readonly audit?: Audit;
  /** Hooks for a self-migrating guest or a confidential VM (src/engine/variants/guestSide.ts); null otherwise. */
  readonly side: GuestSide | null;
  tMs = 0;
  vmHost: 'source' | 'destination' = 'source';
  vmPaused = false;
  /** Auto-converge throttle, 0..0.99. */
  throttle = 0;
  maxThrottle = 0;
  rogueStunned = false;
  /** When the migrate command ran (after allocation and validation): where QEMU's total-time starts. */
  migrateStartMs: number | null = null;
  /** XBZRLE's page cache, when the option is on. */
  readonly xbzrle: XbzrleCache | null;
  /** Xen 2005's dynamic rate limiting, when it is on. */
  readonly adaptiveRate: AdaptiveRate | null;
  /** The fixed cost of the first pass over memory, still to be charged to the first send. */
  private passStartOwedMs: number;
  /** The sender's scan has wrapped around memory once: the first pass is over (QEMU then starts XBZRLE). */
  firstPassDone = false;
  /** Guest speed over the last step, 0..1 (for samples). */
  lastVmSpeed = 1;
  readonly counters: Counters = {
    transferredBytes: 0,
    precopyBytes: 0,
    downtimeBytes: 0,
    postcopyBytes: 0,
    normalPages: 0,
    zeroPages: 0,
    writes: 0,
    faults: 0,
    faultStallMs: 0,
    vmLostMs: 0,
    lost: { pausedMs: 0, throttleMs: 0, trackingMs: 0, stunMs: 0, stallMs: 0, drainMs: 0 },
    linkCapacityBytes: 0,
    othersWantedBytes: 0,
    othersGotBytes: 0,
    sourceBusyMs: 0,
    diskBytes: 0,
  };
  /** The link carries nothing until then (an injected network drop), ms. */
  linkDownUntilMs = -1;
  /** Disk writes mirrored to the destination after a local disk was copied, bytes per ms. */
  diskMirrorBytesPerMs = 0;
  /** Writes the guest made this slice that hit a write-blocked page (a confidential VM's). */
  private blockedWrites = 0;
  private readonly guestWrite: (page: number) => void;
  /** Scratch for the pages one send has sent, booked in the memory map together. */
  private readonly arrivals = new Int32Array(4096);
  /** Pages newly marked in the dirty log since the counter was last read (for round statistics). */
  newlyLogged = 0;

  constructor(
    readonly scenario: Scenario,
    public live: LiveParams,
    /** The run's seeded random source, shared by every stream of guest accesses. */
    readonly random: () => number,
    withAudit: boolean,
  ) {
    this.layout = layoutMemory(scenario);
    this.pageBytes = this.layout.pageBytes;
    this.memoryBytes = this.layout.pageCount * this.pageBytes;
    this.side = GuestSide.create(scenario, this.layout, withAudit);
    this.wire =
      this.side?.wire ?? wireSizes(this.pageBytes, scenario.precopy.zeroPageDetection, scenario.host.zeroScanUs);
    const { heatmapCells, heatmapFromPage, heatmapPages } = scenario.output;
    this.mem = new MemoryMap(this.layout.pageCount, heatmapCells, {
      fromPage: heatmapFromPage,
      toPage: heatmapPages > 0 ? heatmapFromPage + heatmapPages : this.layout.pageCount,
    });
    this.toSend = new PageBitmap(this.layout.pageCount);
    this.log = new PageBitmap(this.layout.pageCount);
    // With free-page hinting the guest has told the host which pages it freed: their contents no longer
    // matter, so they count as zero pages (skipped entirely; the destination hands out fresh ones).
    const { usedPages, freeFrom, freeTo } = this.layout;
    const holdsData = scenario.precopy.freePageHinting
      ? [
          [0, freeFrom],
          [freeTo, usedPages],
        ]
      : [[0, usedPages]];
    for (const [from, to] of holdsData) this.mem.layoutRange(from, to, PageState.NotSent);
    this.writes = new WriteStream(this.writeParams(), random);
    this.xbzrle = scenario.precopy.xbzrle
      ? new XbzrleCache(scenario.precopy.xbzrleCacheMiB, this.pageBytes, scenario.workload.writeBytes)
      : null;
    this.passStartOwedMs = scenario.host.passStartMs;
    const n = scenario.network;
    this.adaptiveRate =
      n.adaptiveMinMbps > 0 ? new AdaptiveRate(n.adaptiveMinMbps, n.adaptiveMaxMbps, n.adaptiveStepMbps) : null;
    if (withAudit) {
      const version = new Uint32Array(this.layout.pageCount);
      for (const [from, to] of holdsData) version.fill(1, from, to);
      this.audit = { version, destination: new Uint32Array(this.layout.pageCount), staleTouches: 0 };
    }
    this.guestWrite = this.makeGuestWrite();
  }

  /** Marks the pages round 1 (or the only copy) must send. */
  markInitialPages(): void {
    const { trackFromBoot, freePageHinting } = this.scenario.precopy;
    const { usedPages, pageCount, freeFrom, freeTo } = this.layout;
    // Without tracking since boot nothing is known about any page, so every page is scanned;
    // with it, pages never written are known to be zero and need not be sent at all.
    const end = trackFromBoot ? usedPages : pageCount;
    if (freePageHinting && freeTo > freeFrom) {
      this.toSend.addRange(0, Math.min(end, freeFrom));
      this.toSend.addRange(Math.min(end, freeTo), end);
    } else this.toSend.addRange(0, end);
    this.side?.afterInitialMark(this);
  }

  writeParams(): WriteParams {
    const w = this.scenario.workload;
    const [wssFrom, wssTo] = wssRange(this.layout, this.live.wssMiB);
    return {
      pattern: this.live.pattern,
      writesPerSec: mibToBytes(this.live.writeRateMiBps) / this.pageBytes,
      wssFrom,
      wssTo,
      hotFraction: w.hotFractionPct / 100,
      hotWriteShare: w.hotWriteSharePct / 100,
      zipfExponent: w.zipfExponent,
      burstPeriodMs: w.burstPeriodMs,
      burstDuty: w.burstDutyPct / 100,
    };
  }

  applyLive(patch: Partial<LiveParams>): void {
    this.live = { ...this.live, ...patch };
    this.writes.update(this.writeParams());
  }

  /** How the source link splits now: the VM's own traffic competes only while it runs on the source. */
  linkSplit(): LinkSplit {
    if (this.linkDown) return { migrationBytesPerMs: 0, vmTrafficBytesPerMs: 0, otherTrafficBytesPerMs: 0 };
    const vmOnSourceLink = this.vmHost === 'source' && !this.vmPaused;
    return splitLink({
      linkBytesPerMs: mbpsToBytesPerMs(this.live.linkMbps),
      vmTrafficBytesPerMs: vmOnSourceLink ? mbpsToBytesPerMs(this.live.vmTrafficMbps) + this.diskMirrorBytesPerMs : 0,
      otherTrafficBytesPerMs: mbpsToBytesPerMs(this.live.otherTrafficMbps),
    });
  }

  get linkDown(): boolean {
    return this.tMs < this.linkDownUntilMs;
  }

  /**
   * The rate the stream moves data at now, bytes per ms: the link share, capped by what the source can copy
   * out and the destination take in (in post-copy each page is also placed with its own call).
   */
  copyRateBytesPerMs(stage: CopyStage): number {
    const link = this.linkSplit().migrationBytesPerMs;
    const h = this.scenario.host;
    let rate = link;
    // Dynamic rate limiting runs the final copy at its maximum rate.
    if (stage === 'blackout' && this.adaptiveRate) rate = Math.min(rate, mbpsToBytesPerMs(this.adaptiveRate.maxMbps));
    if (h.sendMiBps > 0) rate = Math.min(rate, mibpsToBytesPerMs(h.sendMiBps));
    const placeUs = stage === 'postcopy' ? this.scenario.postcopy.placeUs : 0;
    if (h.receiveMiBps > 0 || placeUs > 0) {
      const msPerByte =
        (h.receiveMiBps > 0 ? 1 / mibpsToBytesPerMs(h.receiveMiBps) : 0) + placeUs / 1000 / this.wire.normalBytes;
      rate = Math.min(rate, 1 / msPerByte);
    }
    return rate;
  }

  /** The guest's speed under the auto-converge throttle p: k (1 - p), k its effectiveness (1 unthrottled). */
  throttledSpeed(): number {
    return throttledSpeed(this.throttle, this.scenario.precopy.throttledSpeedPct / 100);
  }

  /** Share of the guest's writing that survives throttling and stunning (stalls are handled by post-copy). */
  writeSpeed(): number {
    if (this.vmPaused) return 0;
    const w = this.scenario.workload;
    let speed = w.cpuBound ? this.throttledSpeed() : 1;
    if (this.rogueStunned) speed *= 1 - w.rogueSharePct / 100;
    return speed;
  }

  /**
   * Records `dtMs` of running slowed by `stallShare` (post-copy faults) and the usual slowdowns, in this
   * order: stalls, the throttle, dirty tracking, the rogue's stun. Each factor takes its share of what the
   * ones before it left, so the parts add up to the whole loss. Returns the guest's speed over the step.
   */
  loseWork(dtMs: number, tracking: boolean, stallShare = 0): number {
    const lost = this.counters.lost;
    let speed = 1;
    lost.stallMs += speed * stallShare * dtMs;
    speed *= 1 - stallShare;
    const throttleShare = 1 - this.throttledSpeed();
    lost.throttleMs += speed * throttleShare * dtMs;
    speed *= 1 - throttleShare;
    const trackingShare = tracking ? this.scenario.vm.trackingOverheadPct / 100 : 0;
    lost.trackingMs += speed * trackingShare * dtMs;
    speed *= 1 - trackingShare;
    const stunShare = this.rogueStunned ? this.scenario.workload.rogueSharePct / 100 : 0;
    lost.stunMs += speed * stunShare * dtMs;
    speed *= 1 - stunShare;
    this.counters.vmLostMs += (1 - speed) * dtMs;
    this.lastVmSpeed = speed;
    return speed;
  }

  /** The guest writing on the source while its writes are tracked. */
  runGuestOnSource(dtMs: number, tracking: boolean): void {
    const speed = this.loseWork(dtMs, tracking);
    this.blockedWrites = 0;
    // The write sink draws nothing: the stream may draw its pages with the source's state in a local.
    this.counters.writes += this.writes.advance(this.tMs, dtMs, this.writeSpeed(), this.guestWrite, false);
    if (this.blockedWrites > 0) {
      const lostMs = this.side!.chargeBlockedWrites(this.blockedWrites, dtMs);
      this.counters.vmLostMs += lostMs;
      // A write-blocking fault is the price of tracking writes the host cannot see.
      this.counters.lost.trackingMs += lostMs;
      this.lastVmSpeed = Math.max(0, speed - lostMs / dtMs);
    }
  }

  /**
   * One page written by the guest on the source: made once per run, so the write stream calls the same
   * function for every write of every slice (and V8 can inline it).
   */
  private makeGuestWrite(): (page: number) => void {
    const { mem, log, audit, xbzrle, side, toSend } = this;
    const states = mem.states;
    const tdx = side?.tdx;
    // Locals, not PageState.x: this runs once per page written, and a module binding costs a lookup each time.
    const { SentClean, Pushed, Fetched, Dirtied, Untouched, NotSent } = PageState;
    return (page) => {
      if (tdx && tdx.writeBlocked(page, toSend) && !log.has(page)) this.blockedWrites++;
      if (xbzrle) xbzrle.noteWrite(page);
      const s = states[page];
      if (s === SentClean || s === Pushed || s === Fetched) mem.set(page, Dirtied);
      else if (s === Untouched) mem.set(page, NotSent);
      if (log.add(page)) this.newlyLogged++;
      if (audit) audit.version[page]++;
    };
  }

  /** The guest paused (blackout): time passes, no work gets done. */
  idleGuest(dtMs: number): void {
    this.lastVmSpeed = 0;
    this.counters.vmLostMs += dtMs;
    this.counters.lost.pausedMs += dtMs;
  }

  /**
   * Sends pages marked in `bitmap` in address order from `cursor`, within a time budget and a byte budget
   * (the page that crosses a budget still goes, as in QEMU). Zero pages go as tiny records when zero-page
   * detection is on, but each costs a scan.
   */
  send(
    bitmap: PageBitmap,
    cursor: number,
    wrap: boolean,
    budgetMs: number,
    budgetBytes: number,
    rateBytesPerMs: number,
    arrived: PageState,
    bucket: ByteBucket,
  ): SendResult {
    const { mem, wire, audit } = this;
    const states = mem.states;
    const end = this.layout.pageCount;
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
    const passStartMs = this.passStartOwedMs;
    this.passStartOwedMs = 0;
    const side = this.side;
    const epoch = this.toSend.absorbs;
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
      extraBytes += side.beforeSend(this, bucket);
      extraMs += extraBytes / rateBytesPerMs;
    }
    const zeroCostMs = wire.zeroBytes / rateBytesPerMs + wire.zeroScanMs;
    const normalCostMs = wire.normalBytes / rateBytesPerMs;
    const { zeroBytes, normalBytes } = wire;
    const untouched = PageState.Untouched;
    // XBZRLE once the scan has wrapped (the first pass is over), never in post-copy.
    let xbzrle = this.xbzrle && bucket !== 'postcopy' && this.firstPassDone ? this.xbzrle : null;
    const generation = this.toSend.absorbs + 1;
    const encodeMs = (this.scenario.precopy.xbzrleEncodeUs * (this.pageBytes / 4096)) / 1000;
    // Without audit and guest hooks, whole words of pages may go at once (see wordKind).
    const plain = !audit && !side;
    const states32 = mem.states32;
    // Pages that go are booked in the memory map in batches: one by one (MemoryMap.arriveInOrder), and
    // runs of whole words as ranges (MemoryMap.arriveRange).
    const arrivals = this.arrivals;
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
          if (!this.firstPassDone) {
            this.firstPassDone = true;
            if (this.xbzrle && bucket !== 'postcopy') xbzrle = this.xbzrle;
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
    this.countBytes(bytes, fullPages, zeroPages, bucket);
    // A scan that ran to the end of memory starts over at page 0: that is the wrap too (QEMU's
    // find_dirty_block loops, and enables XBZRLE, when the next search starts past the last page).
    if (page >= end && wrap) this.firstPassDone = true;
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

  countBytes(bytes: number, normalPages: number, zeroPages: number, bucket: ByteBucket): void {
    const c = this.counters;
    c.transferredBytes += bytes;
    c.normalPages += normalPages;
    c.zeroPages += zeroPages;
    switch (bucket) {
      case 'precopy':
        c.precopyBytes += bytes;
        break;
      case 'downtime':
        c.downtimeBytes += bytes;
        break;
      default:
        c.postcopyBytes += bytes;
    }
  }

  /** Records what the link carried for others over a step in which the migration sent `bytes`. */
  accountLink(dtMs: number, migrationBytes: number): void {
    const c = this.counters;
    const link = this.linkDown ? 0 : mbpsToBytesPerMs(this.live.linkMbps) * dtMs;
    const vm = this.vmHost === 'source' && !this.vmPaused ? mbpsToBytesPerMs(this.live.vmTrafficMbps) * dtMs : 0;
    const wanted = mbpsToBytesPerMs(this.live.otherTrafficMbps) * dtMs;
    c.linkCapacityBytes += link;
    c.othersWantedBytes += wanted;
    c.othersGotBytes += Math.min(wanted, Math.max(0, link - vm - migrationBytes));
  }

  /** Pages whose current contents the destination lacks. */
  get stalePages(): number {
    return this.mem.stalePages;
  }
}
