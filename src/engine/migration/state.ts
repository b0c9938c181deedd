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
import { sendPages, type SendResult } from './sendPages';

export type ByteBucket = 'precopy' | 'downtime' | 'postcopy';
/** What the stream is doing: live rounds, the blackout copy, or the post-copy push and fetches. */
export type CopyStage = 'live' | 'blackout' | 'postcopy';

/** Optional bookkeeping for tests: page versions on the running host and on the destination. */
export interface Audit {
  version: Uint32Array;
  destination: Uint32Array;
  /** Times the guest on the destination touched a page the destination did not have current. */
  staleTouches: number;
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
  /** Scratch for the pages one send has sent, booked in the memory map together (sendPages). */
  readonly arrivals = new Int32Array(4096);
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

  /** Sends pages marked in `bitmap` from `cursor` within a time and a byte budget: see sendPages. */
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
    return sendPages(this, bitmap, cursor, wrap, budgetMs, budgetBytes, rateBytesPerMs, arrived, bucket);
  }

  /** The fixed cost of the first pass, ms, for the send that starts it (0 for every later one). */
  takePassStartMs(): number {
    const owed = this.passStartOwedMs;
    this.passStartOwedMs = 0;
    return owed;
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
