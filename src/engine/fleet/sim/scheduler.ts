import type { VmSpec } from '../build';
import type { FleetScenario } from '../schema';
import { HOST_STATE_CODES, type VmFate } from '../trace';
import type { FleetState } from './fleetState';

/** A VM that must move (or stop) for one trigger event. */
export interface Task {
  vm: number;
  customer: number;
  event: number;
  fate: VmFate;
  /** The maintenance unit whose hosts it must leave; null for a move that leaves no host empty. */
  unitId: number | null;
  urgent: boolean;
  /** Only this destination (an operator's choice), or -1 for placement to choose. */
  toHost: number;
  /** A simulated event restarts a TERMINATE VM where it is: its host is not really going down. */
  restartInPlace: boolean;
  /** A rebalance always looks for the emptiest host, whatever the fleet's placement rule. */
  spread: boolean;
  state: 'notice' | 'queued' | 'running' | 'done';
  /** Order in which tasks became ready, for FIFO. */
  seq: number;
}

const MINUTE_MS = 60_000;
const UP = HOST_STATE_CODES.up;

/** One priority class of waiting tasks, in one queue per lane (a customer, or a single lane for FIFO). */
class Lanes {
  readonly queues: Task[][];
  private readonly heads: number[];
  pointer = 0;

  constructor(count: number) {
    this.queues = Array.from({ length: count }, () => []);
    this.heads = new Array<number>(count).fill(0);
    this.dead = new Array<number>(count).fill(0);
  }

  push(lane: number, task: Task): void {
    this.queues[lane].push(task);
  }

  head(lane: number): number {
    const q = this.queues[lane];
    let h = this.heads[lane];
    while (h < q.length && q[h].state !== 'queued') h++;
    this.heads[lane] = h;
    return h;
  }

  /** Tasks met in each lane's scans that were no longer waiting, since its last compaction. */
  readonly dead: number[];

  /** Drops tasks that are no longer waiting, once scans keep meeting them. */
  compact(lane: number): void {
    const q = this.queues[lane];
    if (this.dead[lane] < 64 || this.dead[lane] * 2 < q.length) return;
    this.queues[lane] = q.filter((t) => t.state === 'queued');
    this.heads[lane] = 0;
    this.dead[lane] = 0;
  }

  waiting(): number {
    let n = 0;
    for (const q of this.queues) for (const t of q) if (t.state === 'queued') n++;
    return n;
  }
}

/**
 * Decides which waiting migrations start now. Urgent tasks (a failing host) go first. Within a class,
 * round-robin fairness gives customers turns: the next start goes to the next customer in turn that has a
 * task able to start, so between two starts for one customer every other customer with a startable task
 * gets at most one. FIFO starts tasks in the order they became ready. A task can start when the fleet,
 * per-customer, per-source and per-destination caps and the rate limit allow it and placement finds a
 * destination with room (never past maxFillPct of its memory and vCPUs).
 */
export class Scheduler {
  private readonly urgent: Lanes;
  private readonly normal: Lanes;
  private readonly fair: boolean;
  readonly activeByCustomer: Int32Array;
  active = 0;
  private readonly starts: number[] = [];
  private seq = 0;
  /** Per host: the memory and vCPUs a destination may hold (the fill limit), and its memory. */
  private readonly memoryLimit: Float64Array;
  private readonly vcpuLimit: Float64Array;
  private readonly capacityMiB: Float64Array;
  /** Hosts by pendingOrder, latest maintenance (or none) first, then by index: placement's scan order. */
  private readonly byOrder: number[];

  constructor(
    private readonly s: FleetScenario,
    private readonly fleet: FleetState,
    customers: number,
  ) {
    this.fair = s.scheduler.fairness === 'round-robin';
    const lanes = this.fair ? customers : 1;
    this.urgent = new Lanes(lanes);
    this.normal = new Lanes(lanes);
    this.activeByCustomer = new Int32Array(customers);
    const fill = s.scheduler.maxFillPct / 100;
    const hosts = fleet.layout.hosts;
    this.capacityMiB = Float64Array.from(hosts, (h) => h.memoryMiB);
    this.memoryLimit = Float64Array.from(hosts, (h) => fill * h.memoryMiB + 1e-9);
    this.vcpuLimit = Float64Array.from(hosts, (h) => fill * h.vcpus + 1e-9);
    this.byOrder = hosts.map((_, h) => h).sort((a, b) => this.before(a, b));
  }

  /** Comparator of byOrder: the host whose maintenance comes later first; equal ones by index. */
  private before(a: number, b: number): number {
    const oa = this.fleet.pendingOrder[a];
    const ob = this.fleet.pendingOrder[b];
    return oa === ob ? a - b : oa > ob ? -1 : 1;
  }

  /** Moves the hosts whose pendingOrder changed to their new place in byOrder. */
  private resort(): void {
    const changed = this.fleet.pendingChanged;
    const list = this.byOrder;
    for (const h of changed) {
      list.splice(list.indexOf(h), 1);
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.before(list[mid], h) < 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, h);
    }
    changed.length = 0;
  }

  enqueue(task: Task): void {
    task.state = 'queued';
    task.seq = this.seq++;
    (task.urgent ? this.urgent : this.normal).push(this.fair ? task.customer : 0, task);
  }

  get waiting(): number {
    return this.urgent.waiting() + this.normal.waiting();
  }

  /**
   * Starts what can start at `nowMs`, calling `start` for each. Returns when the rate limit next lets
   * another start (if it is what stopped the scheduler), else null.
   */
  decide(nowMs: number, start: (task: Task, destination: number) => void): number | null {
    const sc = this.s.scheduler;
    const limit = sc.rateLimitPerMin;
    const canStartMore = (): boolean | number => {
      if (sc.fleetCap > 0 && this.active >= sc.fleetCap) return false;
      if (limit > 0) {
        while (this.starts.length && this.starts[0] + MINUTE_MS <= nowMs) this.starts.shift();
        if (this.starts.length >= limit) return this.starts[0] + MINUTE_MS;
      }
      return true;
    };
    for (const lanes of [this.urgent, this.normal]) {
      for (let lane = 0; lane < lanes.queues.length; lane++) lanes.compact(lane);
      const scan = lanes.queues.map((_, lane) => lanes.head(lane));
      const exhausted = new Uint8Array(lanes.queues.length);
      let open = lanes.queues.length;
      while (open > 0) {
        const more = canStartMore();
        if (more !== true) return more === false ? null : more;
        let started = false;
        for (let k = 0; k < lanes.queues.length && !started; k++) {
          const lane = (lanes.pointer + k) % lanes.queues.length;
          if (exhausted[lane]) continue;
          const found = this.firstStartable(lanes, scan, lane);
          if (found === null) {
            exhausted[lane] = 1;
            open--;
            continue;
          }
          const [task, destination] = found;
          this.active++;
          this.activeByCustomer[task.customer]++;
          if (limit > 0) this.starts.push(nowMs);
          task.state = 'running';
          start(task, destination);
          lanes.pointer = (lane + 1) % lanes.queues.length;
          started = true;
        }
        if (!started) break;
      }
    }
    return null;
  }

  /**
   * The first task of a lane, from where this decision's scan got to, that can start now, with its
   * destination. Starting only ever takes room and slots, so a task that cannot start now cannot start
   * later in the same decision: the scan never goes back.
   */
  private firstStartable(lanes: Lanes, scan: number[], lane: number): [Task, number] | null {
    const queue = lanes.queues[lane];
    const sc = this.s.scheduler;
    const f = this.fleet;
    for (let i = scan[lane]; i < queue.length; i++) {
      const task = queue[i];
      scan[lane] = i + 1;
      if (task.state !== 'queued') {
        lanes.dead[lane]++;
        continue;
      }
      if (sc.perCustomerCap > 0 && this.activeByCustomer[task.customer] >= sc.perCustomerCap) {
        if (this.fair) return null;
        continue;
      }
      const source = f.vmHost[task.vm];
      if (sc.perSourceHostCap > 0 && f.outgoing[source] >= sc.perSourceHostCap) continue;
      const destination = this.place(f.vm(task.vm), source, task.toHost, true, task.spread);
      if (destination < 0) continue;
      return [task, destination];
    }
    return null;
  }

  finished(task: Task): void {
    task.state = 'done';
    this.active--;
    this.activeByCustomer[task.customer]--;
  }

  /**
   * The best host for a VM coming from `exclude`: up, with room under the fill limit and (for a live
   * migration) a free destination slot; hosts with no maintenance planned first, else those whose turn
   * comes last; then spread (most room left) or pack (least room left); then the lowest index.
   */
  place(vm: VmSpec, exclude: number, only: number, migration: boolean, spread = false): number {
    const f = this.fleet;
    const { memoryLimit, vcpuLimit, capacityMiB } = this;
    const { state, memoryMiB, vcpus, incoming, pendingOrder } = f;
    const destCap = migration ? this.s.scheduler.perDestinationHostCap : 0;
    const pack = !spread && this.s.scheduler.placement === 'pack';
    let best = -1;
    let bestOrder = -Infinity;
    let bestShare = 0;
    if (f.pendingChanged.length) this.resort();
    // Hosts in byOrder's order: once one fits, those of an earlier maintenance cannot win, so the scan
    // stops there; among equal orders the index order is kept, so the choice is that of a scan of all.
    const list = only >= 0 ? [only] : this.byOrder;
    for (let k = 0; k < list.length; k++) {
      const h = list[k];
      const order = pendingOrder[h];
      if (order < bestOrder) break;
      if (state[h] !== UP || h === exclude || (destCap > 0 && incoming[h] >= destCap)) continue;
      const memory = memoryMiB[h] + vm.memoryMiB;
      if (memory > memoryLimit[h] || vcpus[h] + vm.vcpus > vcpuLimit[h]) continue;
      const share = memory / capacityMiB[h];
      if (best < 0 || order > bestOrder || (pack ? share > bestShare + 1e-12 : share < bestShare - 1e-12)) {
        best = h;
        bestOrder = order;
        bestShare = share;
      }
    }
    return best;
  }
}
