import type { Round, RoundEnd } from '../trace/types';
import { bytesPerMsToMbps } from '../units';

/** What a controller knows about its stop rule when a round ends. */
export interface RoundClose {
  dirtyPagesAtEnd: number;
  newlyDirtiedPages: number;
  carriedPages: number;
  end: RoundEnd;
  thresholdBytes: number;
  estimateBytesPerMs: number;
  estimateWindowBytes: number;
  estimateWindowMs: number;
  downtimeLimitMs: number;
  capMbps: number;
  throttlePct: number;
  writeRatePagesPerSec: number;
}

/** Bookkeeping of pre-copy rounds: opened at a sync, filled while pages go out, closed at the next sync. */
export class RoundTracker {
  readonly rounds: Round[] = [];
  private open: Round | null = null;
  private writesAtStart = 0;

  get current(): Round | null {
    return this.open;
  }

  get completed(): number {
    return this.rounds.length;
  }

  start(tMs: number, dirtyPages: number, writesSoFar: number): void {
    this.writesAtStart = writesSoFar;
    this.open = {
      index: this.rounds.length + 1,
      startMs: tMs,
      endMs: tMs,
      pagesSent: 0,
      zeroPagesSent: 0,
      bytesSent: 0,
      dirtyPagesAtStart: dirtyPages,
      dirtyPagesAtEnd: 0,
      carriedPages: 0,
      end: 'sync',
      writes: 0,
      newlyDirtiedPages: 0,
      bandwidthMbps: 0,
      thresholdBytes: 0,
      estimateMbps: 0,
      estimateWindowBytes: 0,
      estimateWindowMs: 0,
      downtimeLimitMs: 0,
      capMbps: 0,
      throttlePct: 0,
      writeRatePagesPerSec: 0,
    };
  }

  /** Drops the open round unrecorded. */
  discard(): void {
    this.open = null;
  }

  addSent(pages: number, zeroPages: number, bytes: number): void {
    if (!this.open) return;
    this.open.pagesSent += pages;
    this.open.zeroPagesSent += zeroPages;
    this.open.bytesSent += bytes;
  }

  close(tMs: number, writesSoFar: number, c: RoundClose): Round | null {
    const r = this.open;
    if (!r) return null;
    r.endMs = tMs;
    r.dirtyPagesAtEnd = c.dirtyPagesAtEnd;
    r.newlyDirtiedPages = c.newlyDirtiedPages;
    r.carriedPages = c.carriedPages;
    r.end = c.end;
    r.writes = writesSoFar - this.writesAtStart;
    const ms = tMs - r.startMs;
    r.bandwidthMbps = ms > 0 ? bytesPerMsToMbps(r.bytesSent / ms) : 0;
    r.thresholdBytes = c.thresholdBytes;
    r.estimateMbps = bytesPerMsToMbps(c.estimateBytesPerMs);
    r.estimateWindowBytes = c.estimateWindowBytes;
    r.estimateWindowMs = c.estimateWindowMs;
    r.downtimeLimitMs = c.downtimeLimitMs;
    r.capMbps = c.capMbps;
    r.throttlePct = c.throttlePct;
    r.writeRatePagesPerSec = c.writeRatePagesPerSec;
    this.rounds.push(r);
    this.open = null;
    return r;
  }

  /**
   * Inserts `count` rounds like `model` before the open round, from where that round started; the open
   * round is renumbered and moves on by as long as they take (fast-forward over a steady state).
   */
  insertSteady(model: Round, count: number, writesPerRound: number): void {
    const open = this.open;
    if (!open) return;
    const ms = model.endMs - model.startMs;
    for (let i = 0; i < count; i++) {
      const startMs = open.startMs + i * ms;
      this.rounds.push({ ...model, index: this.rounds.length + 1, startMs, endMs: startMs + ms, end: 'fast-forward' });
    }
    open.index = this.rounds.length + 1;
    open.startMs += count * ms;
    this.writesAtStart += count * writesPerRound;
  }
}
