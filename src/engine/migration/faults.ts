import type { Fault } from '../scenario/schema';

const NONE: Fault[] = [];

/** The moments a fault can be tied to; each is known only once the run reaches it. */
export type FaultAnchor = 'brownout' | 'blackout' | 'after-commit';

/**
 * The injected faults and when each fires. A fault tied to a step fires `atMs` after that step begins;
 * a step that never comes (no blackout in an aborted run) leaves its faults unfired.
 */
export class FaultPlan {
  private readonly pending: { fault: Fault; atMs: number | null }[];

  constructor(faults: readonly Fault[]) {
    this.pending = faults.map((fault) => ({ fault, atMs: fault.when === 'at-time' ? fault.atMs : null }));
  }

  /** The step has begun at `tMs`: its faults get their times. */
  anchor(anchor: FaultAnchor, tMs: number): void {
    for (const p of this.pending) if (p.atMs === null && p.fault.when === anchor) p.atMs = tMs + p.fault.atMs;
  }

  /** The earliest time a pending fault fires after `tMs`, or Infinity. */
  nextAfter(tMs: number): number {
    if (this.pending.length === 0) return Infinity;
    let next = Infinity;
    for (const p of this.pending) if (p.atMs !== null && p.atMs > tMs && p.atMs < next) next = p.atMs;
    return next;
  }

  /** Faults due at or before `tMs`, in time order; each fires once. */
  takeDue(tMs: number): Fault[] {
    if (this.pending.length === 0) return NONE;
    const due = this.pending.filter((p) => p.atMs !== null && p.atMs <= tMs).sort((a, b) => a.atMs! - b.atMs!);
    for (const d of due) this.pending.splice(this.pending.indexOf(d), 1);
    return due.map((d) => d.fault);
  }

  /** Faults tied to after the commit that were never reached while the run went on (pre-copy ends at resume). */
  pendingAfterCommit(): Fault[] {
    return this.pending.filter((p) => p.fault.when === 'after-commit' || p.atMs !== null).map((p) => p.fault);
  }
}
