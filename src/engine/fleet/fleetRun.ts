import { ENGINE_VERSION } from '../version';
import type { FleetLayout } from './build';
import type { FleetScenario, FleetScenarioInput } from './schema';
import { RunContext, type SimEvent } from './sim/context';
import { FleetState } from './sim/fleetState';
import { Maintenance } from './sim/maintenance';
import { Migrations, type ActiveMigration } from './sim/migrations';
import { Restarts } from './sim/restarts';
import { Scheduler, type Task } from './sim/scheduler';
import { buildFleetTrace } from './sim/traceBuilder';
import { planTrigger, unitFactory } from './sim/triggers';
import type { Unit } from './sim/units';
import type { FateReason, FleetTrace, MigrationRecord } from './trace';
import { fleetScenarioOrThrow } from './validate';

/** Reasons whose notice comes through the maintenance-event key and whose policy decides migrate or stop. */
const PLANNED: FateReason[] = [
  'host-maintenance',
  'rack-maintenance',
  'firmware-rollout',
  'flaky-host',
  'consolidate',
  'simulate-maintenance',
];

/**
 * A fleet being simulated, event by event: triggers empty hosts (paced), the scheduler starts migrations
 * under its caps, the flow-level model runs each migration on its fair share of the links, VMs that
 * cannot or will not migrate are terminated and restarted as their policy says. Deterministic: the same
 * scenario gives the same trace. `step()` runs a batch of instants (a worker reports progress and checks
 * for cancellation between batches); `runToEnd()` finishes; `trace()` gives the result.
 */
export class FleetRun {
  readonly scenario: FleetScenario;
  readonly layout: FleetLayout;
  readonly state: FleetState;
  private readonly ctx: RunContext;
  private readonly scheduler: Scheduler;
  private readonly migrations: Migrations;
  private readonly maintenance: Maintenance;
  private readonly restarts: Restarts;
  private readonly newUnit;
  /** Scratch of runInstant: flows that had an event, and those whose demand changed. */
  private readonly touched = new Set<ActiveMigration>();
  private readonly changed: ActiveMigration[] = [];
  private wakeAtMs = Infinity;
  private shareAtMs = -1;
  private finished = false;
  private finalTrace: FleetTrace | null = null;

  constructor(input: FleetScenario | FleetScenarioInput) {
    const { scenario, layout } = fleetScenarioOrThrow(input);
    this.scenario = scenario;
    this.layout = layout;
    this.state = new FleetState(layout);
    this.scheduler = new Scheduler(scenario, this.state, layout.customers.length);
    const ctx = (this.ctx = new RunContext(scenario, layout, this.state, this.scheduler));
    this.migrations = new Migrations(scenario, layout);
    this.restarts = new Restarts(ctx, {
      hostChanged: (h) => this.maintenance.hostChanged(h),
      arrived: (v, h) => this.arrived(v, h),
    });
    this.maintenance = new Maintenance(ctx, this.migrations, this.restarts, {
      evacuate: (v, u) => this.addTask(v, u.event, u.reason, u, -1, false),
      endMigration: (m, outcome, requeue) => this.endMigration(m, outcome, requeue),
    });
    this.newUnit = unitFactory(layout);
    scenario.events.forEach((e, event) => ctx.at(e.atS * 1000, { kind: 'trigger', event }));
  }

  get nowMs(): number {
    return this.ctx.nowMs;
  }

  get done(): boolean {
    return this.finished;
  }

  /**
   * Rough share of the work done, 0..1, for progress bars. It never goes back: the work still to do grows
   * when a rollout's next wave brings its VMs in, and a bar that shrank would look broken.
   */
  progress(): number {
    if (this.finished) return 1;
    const fates = this.ctx.fates;
    const open = fates.filter((f) => f.leftHostAtMs === null && f.outcome !== 'refused').length;
    const total = fates.length + this.maintenance.pending + this.ctx.heap.size + this.migrations.active.size;
    this.progressShown = Math.max(this.progressShown, Math.min(0.99, (fates.length - open) / Math.max(1, total)));
    return this.progressShown;
  }
  private progressShown = 0;

  /** Runs up to `instants` moments of simulated time; returns whether the run is over. */
  step(instants = 2000): boolean {
    for (let i = 0; i < instants && !this.finished; i++) this.runInstant();
    return this.finished;
  }

  runToEnd(): FleetTrace {
    while (!this.finished) this.step();
    return this.trace();
  }

  trace(): FleetTrace {
    if (!this.finished) throw new Error('the fleet run has not finished');
    const c = this.ctx;
    this.finalTrace ??= buildFleetTrace({
      engineVersion: ENGINE_VERSION,
      scenario: this.scenario,
      layout: this.layout,
      state: this.state,
      fates: c.fates,
      records: c.records,
      log: c.log,
      totals: c.totals,
      endMs: c.nowMs,
    });
    return this.finalTrace;
  }

  /** Everything due at the next instant, then the network and the scheduler once. */
  private runInstant(): void {
    const c = this.ctx;
    const queue = this.migrations.queue;
    const t = Math.min(c.heap.peekKey(), queue.peekKey());
    if (t === Infinity) return this.finish();
    c.nowMs = t;
    const touched = this.touched;
    const changed = this.changed;
    touched.clear();
    changed.length = 0;
    let shareDue = false;
    for (let n = 0; ; n++) {
      // Every event moves something on; a flow that kept coming due at one instant would be a bug, and a
      // worker must never spin on it forever.
      if (n > 10_000_000) throw new Error(`the fleet engine made no progress at ${t} ms`);
      if (c.heap.peekKey() === t) {
        const e = c.heap.pop()!;
        if (e.kind === 'share') shareDue = true;
        else this.onEvent(e);
        continue;
      }
      const m = this.migrations.takeDue(t);
      if (m === undefined) break;
      if (m && this.onFlow(m, touched)) changed.push(m);
    }
    const network = this.migrations.network;
    shareDue ||= network.shareDueMs !== null && network.shareDueMs <= t;
    this.migrations.settle(t, touched, changed, shareDue);
    if (network.shareDueMs !== null && network.shareDueMs > t && network.shareDueMs !== this.shareAtMs) {
      this.shareAtMs = network.shareDueMs;
      c.at(network.shareDueMs, { kind: 'share' });
    }
    if (c.mayStart) {
      c.mayStart = false;
      this.restarts.place();
      const wake = this.scheduler.decide(t, (task, destination) => this.startMigration(task, destination));
      if (wake !== null && wake < this.wakeAtMs) {
        this.wakeAtMs = wake;
        c.at(wake, { kind: 'wake' });
      }
    }
    this.noteFleet();
  }

  private onEvent(e: Exclude<SimEvent, { kind: 'share' }>): void {
    this.ctx.mayStart = true;
    switch (e.kind) {
      case 'trigger':
        return this.onTrigger(e.event);
      case 'wave':
        return this.maintenance.startWave(e.waves, e.index, e.gapMs);
      case 'ready':
        return this.onReady(e.task);
      case 'host-fail':
        return this.maintenance.fail(e.unit);
      case 'unit-back':
        return this.maintenance.back(e.unit);
      case 'restart-done':
        return this.restarts.done(e.vm, e.host, e.fate, e.inPlace);
      case 'wake':
        if (this.wakeAtMs <= this.ctx.nowMs) this.wakeAtMs = Infinity;
        return;
    }
  }

  private onTrigger(event: number): void {
    const c = this.ctx;
    const e = this.scenario.events[event];
    const plan = planTrigger(this.scenario, this.state, event, e, c.nowMs, this.maintenance.busyHosts(), this.newUnit);
    c.say('trigger', `${e.kind} at ${(c.nowMs / 1000).toFixed(0)} s`, { event });
    if (plan.kind === 'vm') this.moveOneVm(event, plan.vm, plan.reason, plan.toHost, plan.simulated);
    else this.maintenance.plan(plan.waves, plan.gapMs);
  }

  private moveOneVm(event: number, v: number, reason: FateReason, toHost: number, simulated: boolean): void {
    const c = this.ctx;
    const f = this.state;
    const vm = f.vm(v);
    const why =
      f.vmHost[v] < 0 || c.taskOf.has(v)
        ? 'the VM is not running, or is already moving'
        : reason !== 'simulate-maintenance' && !vm.liveMigratable
          ? 'the VM cannot move live (a passthrough GPU, or a confidential VM this platform cannot migrate)'
          : toHost >= 0 && toHost === f.vmHost[v]
            ? 'the VM already runs on that host'
            : toHost >= 0 && !f.isUp(toHost)
              ? 'the destination host is not up'
              : null;
    if (why === null) return this.addTask(v, event, reason, null, toHost, simulated);
    const fate = c.newFate(v, event, reason, 'migrate', 0, 'NONE');
    fate.outcome = 'refused';
    fate.detail = why;
    c.say('refused', `${vm.name}: ${reason} refused: ${why}`, { vm: v, event });
  }

  /** Tells a VM to go (after its notice): migrate, or terminate, as its availability policy says. */
  private addTask(v: number, event: number, reason: FateReason, u: Unit | null, toHost: number, simulated: boolean) {
    const c = this.ctx;
    const existing = c.taskOf.get(v);
    if (existing) {
      if (u && existing.unitId === null) existing.unitId = u.id;
      return;
    }
    const vm = this.state.vm(v);
    const planned = PLANNED.includes(reason);
    const migrate = !planned || (vm.onHostMaintenance === 'MIGRATE' && vm.liveMigratable);
    const n = this.scenario.notice;
    const noticeS =
      !planned || !vm.pollsMetadata ? 0 : migrate ? n.migrateS : vm.passthroughGpu ? n.gpuTerminateS : n.terminateS;
    const value = !planned ? 'NONE' : migrate ? 'MIGRATE_ON_HOST_MAINTENANCE' : 'TERMINATE_ON_HOST_MAINTENANCE';
    const fate = c.newFate(v, event, reason, migrate ? 'migrate' : 'terminate', noticeS * 1000, value);
    const task: Task = {
      vm: v,
      customer: vm.customer,
      event,
      fate,
      unitId: u ? u.id : null,
      urgent: u?.urgent ?? false,
      toHost,
      restartInPlace: simulated,
      spread: reason === 'noisy-neighbour',
      state: 'notice',
      seq: 0,
    };
    c.taskOf.set(v, task);
    c.at(fate.readyAtMs, { kind: 'ready', task });
  }

  private onReady(task: Task): void {
    if (task.state !== 'notice') return;
    task.fate.readyAtMs = this.ctx.nowMs;
    if (task.fate.action === 'migrate') return this.scheduler.enqueue(task);
    task.state = 'done';
    this.ctx.taskOf.delete(task.vm);
    this.restarts.terminate(task.vm, task.fate, task.restartInPlace, 'policy', 'its availability policy is TERMINATE');
  }

  private startMigration(task: Task, destination: number): void {
    const f = this.state;
    const c = this.ctx;
    const source = f.vmHost[task.vm];
    f.reserve(f.vm(task.vm), destination);
    f.outgoing[source]++;
    f.incoming[destination]++;
    f.note(c.nowMs, source);
    f.note(c.nowMs, destination);
    this.migrations.start(task, source, destination, c.nowMs);
    const p = c.totals.peak;
    p.fleet = Math.max(p.fleet, this.scheduler.active);
    p.perSourceHost = Math.max(p.perSourceHost, f.outgoing[source]);
    p.perDestinationHost = Math.max(p.perDestinationHost, f.incoming[destination]);
    p.perCustomer = Math.max(p.perCustomer, this.scheduler.activeByCustomer[task.customer]);
  }

  /** A flow's event; returns whether its demand on the network changed. */
  private onFlow(m: ActiveMigration, touched: Set<ActiveMigration>): boolean {
    const after = this.migrations.fire(m, this.ctx.nowMs);
    touched.add(m);
    if (after !== 'done') return this.migrations.demandChanged(m);
    this.endMigration(m, m.flow.result().outcome === 'completed' ? 'completed' : 'aborted');
    return false;
  }

  /** A migration is over: the VM runs on the destination, or stays on (or is lost with) its source. */
  private endMigration(m: ActiveMigration, outcome: MigrationRecord['outcome'], requeue = false): void {
    const c = this.ctx;
    const f = this.state;
    c.mayStart = true;
    const vm = f.vm(m.task.vm);
    const record = this.migrations.end(m, c.nowMs, outcome, c.records.length);
    c.records.push(record);
    f.outgoing[m.source]--;
    f.incoming[m.destination]--;
    this.scheduler.finished(m.task);
    const fate = m.task.fate;
    fate.migration = c.records.length - 1;
    if (outcome === 'completed') {
      f.leave(vm, m.source);
      f.settle(vm, m.destination);
      c.taskOf.delete(vm.index);
      fate.outcome = 'migrated';
      fate.leftHostAtMs = c.nowMs;
      fate.noticeClearedAtMs = c.nowMs;
    } else f.unreserve(vm, m.destination);
    if (outcome === 'aborted' && requeue) this.scheduler.enqueue(m.task);
    else if (outcome === 'aborted') {
      c.taskOf.delete(vm.index);
      const why = `the live migration gave up (${record.stopReason})`;
      c.say('migration-failed', `${vm.name}: ${why}`, { vm: vm.index, host: m.source });
      fate.noticeClearedAtMs = c.nowMs;
      if (m.task.unitId !== null)
        this.restarts.terminate(vm.index, fate, false, 'migration-failed', `${why} and its host must go down`);
      else {
        fate.outcome = 'migration-failed';
        fate.detail = why;
      }
    }
    f.note(c.nowMs, m.source);
    f.note(c.nowMs, m.destination);
    this.maintenance.hostChanged(m.source);
    this.maintenance.hostChanged(m.destination);
    if (outcome === 'completed') this.arrived(vm.index, m.destination);
  }

  /** A VM arrived on a host that started draining meanwhile: it must go again. */
  private arrived(v: number, h: number): void {
    const u = this.maintenance.drainingUnitOf(h);
    if (u) this.addTask(v, u.event, u.reason, u, -1, false);
  }

  private noteFleet(): void {
    const c = this.ctx;
    const s = c.totals.fleetSeries;
    const active = this.scheduler.active;
    const mbps = (this.migrations.network.totalRate * 8) / 1000;
    const n = s.tMs.length;
    if (n && s.active[n - 1] === active && Math.abs(s.mbps[n - 1] - mbps) < 1e-6) return;
    if (n && s.tMs[n - 1] === c.nowMs) {
      s.active[n - 1] = active;
      s.mbps[n - 1] = mbps;
    } else {
      s.tMs.push(c.nowMs);
      s.active.push(active);
      s.mbps.push(mbps);
    }
  }

  private finish(): void {
    const c = this.ctx;
    for (const task of c.taskOf.values()) {
      task.fate.outcome = 'stuck';
      task.fate.detail = 'no destination had room (or the caps never freed) before the run ended';
      c.say('stuck', `${this.state.vm(task.vm).name} could not move`, { vm: task.vm });
    }
    this.restarts.finish();
    this.finished = true;
  }
}

/** Simulates a fleet scenario from start to finish: scenario in, trace out. */
export function simulateFleet(input: FleetScenario | FleetScenarioInput): FleetTrace {
  return new FleetRun(input).runToEnd();
}
