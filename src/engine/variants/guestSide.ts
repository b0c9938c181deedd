import { isConfidential, tdxWire } from '../confidential/tdxFacts';
import { TdxSession } from '../confidential/tdxSession';
import { wssRange, type MemoryLayout } from '../memory/layout';
import { PageState } from '../memory/pageState';
import type { WireSizes } from '../network/wire';
import type { Scenario } from '../scenario/schema';
import { mibToBytes } from '../units';
import type { ByteBucket, MigrationState } from '../migration/state';

/**
 * What changes in a migration when the guest drives it (self-migration) or the host cannot read it (a TDX
 * confidential VM). MigrationState holds one of these (null for an ordinary managed or paravirtual
 * migration) and calls it at a few points: the wire sizes, the first marking of pages, each send, each
 * guest write, the pause and the resume. Each hook is small so the migration code stays the same for
 * every other run.
 */
export class GuestSide {
  readonly wire: WireSizes | null;
  readonly tdx: TdxSession | null;
  /** Self-migration: working-set pages left out of round 1 (handed to round 2 by the first sync). */
  heldPages = 0;
  /** Self-migration: pages of the copy code's own memory, dirty at the pause. */
  readonly footprintPages: number;

  private constructor(
    private readonly sc: Scenario,
    private readonly layout: MemoryLayout,
    withAudit: boolean,
  ) {
    const confidential = isConfidential(sc);
    this.tdx = confidential ? new TdxSession(sc, layout.pageCount, withAudit) : null;
    this.wire = confidential ? tdxWire(sc, layout.pageBytes) : null;
    this.footprintPages =
      sc.variant === 'self'
        ? Math.min(layout.pageCount, Math.ceil(mibToBytes(sc.selfMigration.footprintMiB) / layout.pageBytes))
        : 0;
  }

  /** The hooks a scenario needs, or null when the migration is the hypervisor's alone on a readable VM. */
  static create(sc: Scenario, layout: MemoryLayout, withAudit: boolean): GuestSide | null {
    if (!isConfidential(sc) && sc.variant !== 'self') return null;
    return new GuestSide(sc, layout, withAudit);
  }

  /**
   * Round 1's pages are marked. A self-migrating guest knows its working set will be written again, so it
   * leaves it out of round 1: those pages go to the dirty log instead, and the first sync hands them to
   * round 2 (the stop test then counts them, as the guest knows they are still to go).
   */
  afterInitialMark(s: MigrationState): void {
    if (this.sc.variant !== 'self' || !this.sc.selfMigration.holdBackWorkingSet) return;
    const [from, to] = wssRange(this.layout, s.live.wssMiB);
    for (let p = s.toSend.nextFrom(from, to); p >= 0; p = s.toSend.nextFrom(p + 1, to)) {
      s.toSend.delete(p);
      s.log.add(p);
      this.heldPages++;
    }
  }

  /** Once per send, before its first page: the bytes of an epoch token due. */
  beforeSend(s: MigrationState, bucket: ByteBucket): number {
    return this.tdx ? this.tdx.tokenBefore(s.toSend.absorbs, bucket === 'postcopy' ? 'out-of-order' : 'in-order') : 0;
  }

  /** One page sent (the sender's hot path). */
  sent(page: number, bucket: ByteBucket, epoch: number): void {
    this.tdx?.sent(page, bucket === 'postcopy' ? 'out-of-order' : 'in-order', epoch);
  }

  /** Whether post-copy may take every page left (false for TDX: exported pages must go in the blackout). */
  get blackoutResendsDirty(): boolean {
    return this.tdx !== null;
  }

  /**
   * The VM is paused and the last sync has run. Self-migration: the copy code's own pages are dirty and go
   * now. TDX: dirtied pages stay for the blackout, never-exported ones wait for post-copy, the start token follows.
   */
  atPause(s: MigrationState, postcopyFollows: boolean): void {
    this.dirtyFootprint(s);
    if (this.tdx) s.countBytes(this.tdx.atPause(s.toSend, postcopyFollows), 0, 0, 'downtime');
  }

  atResume(s: MigrationState): void {
    this.tdx?.atResume(s.toSend);
  }

  /** The copy code wrote its own buffers and state to the end: those pages must be in the final copy. */
  private dirtyFootprint(s: MigrationState): void {
    const { mem, audit } = s;
    for (let p = 0; p < this.footprintPages; p++) {
      const state = mem.states[p];
      if (state === PageState.SentClean) mem.set(p, PageState.Dirtied);
      else if (state === PageState.Untouched) mem.set(p, PageState.NotSent);
      s.toSend.add(p);
      if (audit) audit.version[p]++;
    }
  }

  /**
   * A destination crash before its commit. After the start token a TDX source may resume only with the
   * destination's abort token, which a crashed destination can no longer make.
   */
  sourceCannotAbortAlone(startTokenSent: boolean): boolean {
    return this.tdx !== null && startTokenSent;
  }

  /** The guest wrote `faults` write-blocked pages in `dtMs`: VM time lost to the host's fault handling, ms. */
  chargeBlockedWrites(faults: number, dtMs: number): number {
    return this.tdx ? this.tdx.chargeFaults(faults, this.sc.vm.vcpus, dtMs) : 0;
  }
}
