import { bytesPerMsToMbps, mbpsToBytesPerMs } from '../../units';
import type { FleetLayout } from '../build';
import type { FastMigration } from '../model/fastMigration';
import type { FleetScenario } from '../schema';
import { MaxMinSolver } from './maxMin';

/** What the network needs to know of a migration. */
export interface NetFlow {
  flow: FastMigration;
  links: number[];
  /** The rate in force, bytes per ms. */
  rate: number;
  /** The demand in force (0: not sending). */
  demand: number;
  /** Its max-min fair share at the last full sharing, bytes per ms. */
  target: number;
  /** The link that limits it (-1: its own cap, or none). */
  bottleneck: number;
  startMs: number;
  /** Rate changes: ms after the start, and the new rate in Mbit/s. */
  stepAtMs: number[];
  stepMbps: number[];
}

/** A fair share may rise this much above the rate in force before the flow is given it at once. */
export const RISE_TOLERANCE = 0.02;
/** A newcomer short of an even split of its links is made fair within this long. */
export const SHARE_INTERVAL_MS = 500;
/** Room freed by a departure waits this long for a newcomer before the links are shared again. */
export const SHARE_DELAY_MS = 100;
/** Freed room smaller than this share of a link's capacity is left to newcomers. */
export const IDLE_TOLERANCE = 0.05;

/**
 * The fleet's links and who uses them: each host's NIC out and in, each rack's uplink up and down (a move
 * between racks crosses both uplinks). Flows in pre-copy or the blackout share them max-min fairly
 * (MaxMinSolver); set-up and switchover send nothing; a pre-copy flow asks for at most its bandwidth cap.
 *
 * Sharing everything at every arrival and departure costs O(flows) each time, and most departures are
 * followed a moment later by an arrival on the same links (the freed slot is taken). So: a newcomer takes
 * what its links have free; the links are shared again at once when a newcomer gets under a quarter
 * of an even split (several starting together soon do), within SHARE_INTERVAL_MS when it gets under an even
 * split, and SHARE_DELAY_MS after a departure whose room (over IDLE_TOLERANCE of a link) nobody took. At a
 * sharing a flow whose share fell gets it at once; one whose share rose gets it at its own next event, or
 * at once beyond RISE_TOLERANCE. Rates never oversubscribe a link.
 */
export class FleetNetwork {
  private readonly capacity: Float64Array;
  private readonly used: Float64Array;
  /** Flows sending over each link. */
  private readonly senders: Int32Array;
  /** Room each link had right after the last sharing (what max-min fairness left unused). */
  private readonly idleAtShare: Float64Array;
  /** Senders each link is the bottleneck of. */
  private readonly limits: Int32Array;
  /** Links that lost a flow since the last sharing. */
  private readonly freed = new Set<number>();
  private readonly solver: MaxMinSolver;
  /** A newcomer got less than an even split since the last sharing. */
  private shortNewcomers = false;
  /** When the links should be shared again; null if nothing calls for it. */
  shareDueMs: number | null = null;
  /** Sum of the rates in force, bytes per ms. */
  totalRate = 0;

  constructor(
    s: FleetScenario,
    private readonly layout: FleetLayout,
  ) {
    const H = layout.hosts.length;
    const R = layout.racks;
    this.capacity = new Float64Array(2 * H + 2 * R);
    this.capacity.fill(mbpsToBytesPerMs(s.fleet.nicMbps), 0, 2 * H);
    this.capacity.fill(mbpsToBytesPerMs(s.fleet.rackUplinkMbps), 2 * H);
    this.used = new Float64Array(this.capacity.length);
    this.senders = new Int32Array(this.capacity.length);
    this.limits = new Int32Array(this.capacity.length);
    this.idleAtShare = new Float64Array(this.capacity);
    this.solver = new MaxMinSolver(this.capacity);
  }

  linksOf(source: number, destination: number): number[] {
    const H = this.layout.hosts.length;
    const a = this.layout.hosts[source].rack;
    const b = this.layout.hosts[destination].rack;
    const links = [source, H + destination];
    if (a !== b) links.push(2 * H + a, 2 * H + this.layout.racks + b);
    return links;
  }

  private free(f: NetFlow): number {
    let free = Infinity;
    for (const l of f.links) free = Math.min(free, this.capacity[l] - this.used[l]);
    return Math.max(0, free);
  }

  /** The link with the least room: what limits a flow that takes the room its links have. */
  private tightest(f: NetFlow): number {
    let best = -1;
    let free = Infinity;
    for (const l of f.links)
      if (this.capacity[l] - this.used[l] < free) {
        free = this.capacity[l] - this.used[l];
        best = l;
      }
    return best;
  }

  private limitBy(f: NetFlow, link: number): void {
    if (f.bottleneck >= 0) this.limits[f.bottleneck]--;
    f.bottleneck = link;
    if (link >= 0) this.limits[link]++;
  }

  /** Sets a flow's rate (after advancing it to now at the old one); returns whether it rose. */
  private setRate(f: NetFlow, rate: number, nowMs: number): boolean {
    if (Math.abs(rate - f.rate) <= 1e-9 * Math.max(1, rate)) return false;
    f.flow.advanceTo(nowMs, f.rate);
    f.flow.rateChanged(f.rate, rate);
    for (const l of f.links) this.used[l] += rate - f.rate;
    this.totalRate += rate - f.rate;
    const rose = rate > f.rate;
    f.rate = rate;
    // The rates a migration was granted while it sent (stopping is not a rate the lab could replay).
    if (rate > 0) {
      const atMs = nowMs - f.startMs;
      const mbps = bytesPerMsToMbps(rate);
      const n = f.stepAtMs.length;
      if (n && f.stepAtMs[n - 1] === atMs) f.stepMbps[n - 1] = mbps;
      else if (!n || Math.abs(f.stepMbps[n - 1] - mbps) > 1e-9 * mbps) {
        f.stepAtMs.push(atMs);
        f.stepMbps.push(mbps);
      }
    }
    return rose;
  }

  private dueBy(tMs: number): void {
    this.shareDueMs = this.shareDueMs === null ? tMs : Math.min(this.shareDueMs, tMs);
  }

  /** A flow stops sending: its links remember the room it leaves. */
  private stop(f: NetFlow, nowMs: number): void {
    if (f.demand > 0) for (const l of f.links) this.senders[l]--;
    this.limitBy(f, -1);
    f.demand = 0;
    this.setRate(f, 0, nowMs);
    for (const l of f.links) this.freed.add(l);
    this.dueBy(nowMs + SHARE_DELAY_MS);
  }

  /**
   * Flows whose demand changed (started or stopped sending, or lost their cap) at `nowMs`, newcomers
   * taking what their links have free in turn. Returns the flows to reschedule because their rate rose (a
   * fall leaves their next event early, which is harmless).
   */
  changed(all: Iterable<NetFlow>, changed: NetFlow[], nowMs: number): NetFlow[] {
    for (const f of changed) {
      const demand = f.flow.demandBytesPerMs();
      if (demand <= 0) this.stop(f, nowMs);
      else {
        if (f.demand <= 0) for (const l of f.links) this.senders[l]++;
        f.demand = demand;
      }
    }
    const rose: NetFlow[] = [];
    for (const f of changed) {
      if (f.demand <= 0) continue;
      const rate = Math.min(f.demand, f.rate + this.free(f));
      const even = Math.min(f.demand, this.equalSplit(f));
      if (rate < 0.25 * even) return this.share(all, nowMs);
      if (rate < even * (1 - 1e-9)) {
        this.shortNewcomers = true;
        this.dueBy(nowMs + SHARE_INTERVAL_MS);
      }
      f.target = Math.max(f.target, rate);
      this.limitBy(f, rate < f.demand ? this.tightest(f) : -1);
      if (this.setRate(f, rate, nowMs)) rose.push(f);
    }
    return rose;
  }

  /** The least of its links' capacities split evenly among their senders: a floor of its fair share. */
  private equalSplit(f: NetFlow): number {
    let split = Infinity;
    for (const l of f.links) split = Math.min(split, this.capacity[l] / Math.max(1, this.senders[l]));
    return split;
  }

  /** A flow stops sending for good (it ended, was aborted or lost). */
  remove(f: NetFlow, nowMs: number): void {
    this.stop(f, nowMs);
  }

  /** The sharing that came due: worth it only if a link limiting some sender has room nobody took. */
  due(all: Iterable<NetFlow>, nowMs: number): NetFlow[] {
    let worth = false;
    for (const l of this.freed) {
      const room = this.capacity[l] - this.used[l] - this.idleAtShare[l];
      if (this.limits[l] > 0 && room > IDLE_TOLERANCE * this.capacity[l]) worth = true;
    }
    this.shareDueMs = null;
    if (worth || this.shortNewcomers) return this.share(all, nowMs);
    this.freed.clear();
    return [];
  }

  /** A full max-min sharing of every link; returns the flows to reschedule. */
  share(all: Iterable<NetFlow>, nowMs: number): NetFlow[] {
    this.shareDueMs = null;
    this.shortNewcomers = false;
    this.freed.clear();
    const sending: NetFlow[] = [];
    for (const f of all) {
      f.target = 0;
      if (f.demand > 0) sending.push(f);
    }
    const shares = this.solver.solve(sending);
    this.limits.fill(0);
    for (const f of all) f.bottleneck = -1;
    for (let k = 0; k < sending.length; k++) {
      sending[k].target = shares[k];
      this.limitBy(sending[k], this.solver.bottleneck[k]);
    }
    const rose: NetFlow[] = [];
    // Falls first, so the rises that follow find the room they need.
    for (const f of sending) if (f.target < f.rate) this.setRate(f, f.target, nowMs);
    for (const f of sending)
      if (f.target > f.rate * (1 + RISE_TOLERANCE) || (f.rate === 0 && f.target > 0))
        if (this.setRate(f, Math.min(f.target, f.rate + this.free(f)), nowMs)) rose.push(f);
    for (let l = 0; l < this.capacity.length; l++) this.idleAtShare[l] = this.capacity[l] - this.used[l];
    return rose;
  }

  /** A flow at its own event takes its fair share if it rose (as far as its links have room). */
  catchUp(f: NetFlow, nowMs: number): void {
    if (f.demand > 0 && f.target > f.rate) this.setRate(f, Math.min(f.target, f.rate + this.free(f)), nowMs);
  }

  /** Utilisation of each link now, 0..1 (NIC out per host, NIC in per host, rack up, rack down). */
  utilisation(): Float64Array {
    return this.used.map((u, l) => u / this.capacity[l]);
  }
}
