import { PageBitmap } from '../memory/bitmap';
import type { Scenario } from '../scenario/schema';
import { TDX_WIRE } from './tdxFacts';

/** Where a page being sent goes: an in-order export (pre-copy, blackout) or a post-copy import. */
export type SendKind = 'in-order' | 'out-of-order';

/** Bookkeeping kept for tests: the epoch of each page's last in-order import and what broke the rules. */
export interface EpochAudit {
  /** Epoch (1 = the first round) in which each page was last imported in order; 0 = never. */
  importEpoch: Uint32Array;
  /** Pages imported twice within one epoch (the TDX module would refuse: TDX_MIGRATED_IN_CURRENT_EPOCH). */
  sameEpochImports: number;
  /** Pages sent out of order (post-copy) that had been exported before (the module refuses after the start token). */
  deferredAfterExport: number;
}

/**
 * One TDX export session as the engine sees it: which pages have been exported, the epochs (one per
 * pre-copy round, each opened by an epoch token), the write-blocking faults of dirty tracking, and at the
 * pause the split between pages that must go now and pages that may follow in post-copy.
 */
export class TdxSession {
  /** Pages exported in order at least once: write-blocked until the guest writes them again. */
  readonly exported: PageBitmap;
  /** Pages never exported at the pause, left for the destination to import while it runs. */
  private deferred: PageBitmap | null = null;
  private tokenEpoch = -1;
  readonly faultMs: number;
  readonly audit: EpochAudit | null;
  epochTokens = 0;
  startTokens = 0;
  tokenBytes = 0;
  /** Guest writes that hit a write-blocked page, and the vCPU time the host spent on them, ms. */
  blockedWriteFaults = 0;
  faultVcpuMs = 0;
  /** VM time lost to those faults (their vCPU time spread over the VM's vCPUs), ms. */
  faultLostMs = 0;
  /** At the pause: dirtied pages that had to be sent again in the blackout, and never-sent pages deferred. */
  resentAtPause = 0;
  deferredPages = 0;

  constructor(s: Scenario, pageCount: number, withAudit: boolean) {
    this.exported = new PageBitmap(pageCount);
    this.faultMs = s.vm.confidential.blockedWriteFaultUs / 1000;
    this.audit = withAudit
      ? { importEpoch: new Uint32Array(pageCount), sameEpochImports: 0, deferredAfterExport: 0 }
      : null;
  }

  /** Bytes of the epoch token due before the first page of a new epoch (`epoch`: the bitmap's syncs so far). */
  tokenBefore(epoch: number, kind: SendKind): number {
    if (kind === 'out-of-order' || epoch === this.tokenEpoch) return 0;
    this.tokenEpoch = epoch;
    this.epochTokens++;
    this.tokenBytes += TDX_WIRE.tokenBytes;
    return TDX_WIRE.tokenBytes;
  }

  /** A page went: in order it is exported (and write-blocked again); out of order it must be one never exported. */
  sent(page: number, kind: SendKind, epoch: number): void {
    const a = this.audit;
    if (kind === 'out-of-order') {
      if (a && this.exported.has(page)) a.deferredAfterExport++;
      return;
    }
    this.exported.add(page);
    if (!a) return;
    if (a.importEpoch[page] === epoch + 1) a.sameEpochImports++;
    a.importEpoch[page] = epoch + 1;
  }

  /** Whether the guest's write to `page` faults: it was exported and not written since (still write-blocked). */
  writeBlocked(page: number, pendingResend: PageBitmap): boolean {
    return this.exported.has(page) && !pendingResend.has(page);
  }

  /** Charges `faults` write-block faults: host time on the faulting vCPU, as VM time over `vcpus`. Returns ms lost. */
  chargeFaults(faults: number, vcpus: number, dtMs: number): number {
    this.blockedWriteFaults += faults;
    const vcpuMs = faults * this.faultMs;
    this.faultVcpuMs += vcpuMs;
    const lost = Math.min(dtMs, vcpuMs / vcpus);
    this.faultLostMs += lost;
    return lost;
  }

  /**
   * The pause. Every marked page that was exported before is dirty and must go in the blackout; with a
   * post-copy phase to follow, pages never exported are set aside for it. Then the start token closes the
   * in-order phase (its 48 bytes are counted by the caller; their time on the wire is negligible).
   */
  atPause(toSend: PageBitmap, postcopyFollows: boolean): number {
    const deferred = new PageBitmap(toSend.pageCount);
    for (let p = toSend.nextFrom(0); p >= 0; p = toSend.nextFrom(p + 1)) {
      if (this.exported.has(p)) this.resentAtPause++;
      else if (postcopyFollows) deferred.add(p);
    }
    for (let p = deferred.nextFrom(0); p >= 0; p = deferred.nextFrom(p + 1)) toSend.delete(p);
    this.deferred = postcopyFollows ? deferred : null;
    this.deferredPages = deferred.count;
    this.startTokens = 1;
    this.tokenBytes += TDX_WIRE.tokenBytes;
    return TDX_WIRE.tokenBytes;
  }

  /** The destination committed: the deferred pages are what post-copy imports. */
  atResume(toSend: PageBitmap): void {
    const d = this.deferred;
    if (d) for (let p = d.nextFrom(0); p >= 0; p = d.nextFrom(p + 1)) toSend.add(p);
    this.deferred = null;
  }
}
