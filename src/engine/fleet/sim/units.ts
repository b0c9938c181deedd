import type { FateReason } from '../trace';

/**
 * Hosts that go down together once empty: one host (host maintenance, a firmware update, a flaky host,
 * consolidation) or a whole rack (rack maintenance).
 */
export interface Unit {
  id: number;
  event: number;
  reason: FateReason;
  hosts: number[];
  rack: number;
  /** A failing host: exempt from pacing, its VMs go first. */
  urgent: boolean;
  /** What happens once it is empty: maintenance (then back up) or switched off for good. */
  then: 'maintenance' | 'off';
  /** When a flaky host fails, ms; null if it holds. */
  failAtMs: number | null;
  /** For rollouts: the wave the unit belongs to. */
  wave: { rollout: number; index: number } | null;
  status: 'waiting' | 'ready' | 'draining' | 'down' | 'done' | 'failed';
  readyAtMs: number | null;
  drainingAtMs: number | null;
  emptyAtMs: number | null;
}

/**
 * Pacing of planned work: units become ready (their event or wave has come) and are let through to drain.
 * With the rack fault-domain rule only one rack at a time has planned work draining or down; the next
 * rack goes once it is all back. Urgent units go at once.
 */
export class Pacer {
  private readonly ready: Unit[] = [];
  private activeRack: number | null = null;
  private activeCount = 0;

  constructor(private readonly rackAtATime: boolean) {}

  /** A unit's time has come; returns the units to start draining now. */
  offer(unit: Unit): Unit[] {
    if (unit.urgent || !this.rackAtATime) return [unit];
    this.ready.push(unit);
    return this.release();
  }

  /** A paced unit is back (or gone); returns the units that may start now. */
  finished(unit: Unit): Unit[] {
    if (unit.urgent || !this.rackAtATime || unit.rack !== this.activeRack) return [];
    this.activeCount--;
    if (this.activeCount > 0) return [];
    this.activeRack = null;
    return this.release();
  }

  private release(): Unit[] {
    if (this.activeRack === null && this.ready.length) this.activeRack = this.ready[0].rack;
    const go = this.ready.filter((u) => u.rack === this.activeRack);
    if (!go.length) return [];
    for (let i = this.ready.length - 1; i >= 0; i--)
      if (this.ready[i].rack === this.activeRack) this.ready.splice(i, 1);
    this.activeCount += go.length;
    return go;
  }
}
