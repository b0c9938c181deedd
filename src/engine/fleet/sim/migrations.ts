import type { FleetLayout } from '../build';
import { FastMigration, type FlowPhase } from '../model/fastMigration';
import { flowParams, type FlowParams } from '../model/flowParams';
import type { FleetScenario } from '../schema';
import type { MigrationRecord } from '../trace';
import { compressRateSteps, LAB_MAX_INTERVENTIONS, vmScenario, type RateSteps } from '../vmScenario';
import { TypedHeap } from './heap';
import { FleetNetwork, type NetFlow } from './network';
import type { Task } from './scheduler';

/** A migration under way: its flow-level model, the links it crosses and the rate it has now. */
export interface ActiveMigration extends NetFlow {
  id: number;
  task: Task;
  source: number;
  destination: number;
  /** Bumped whenever its next event is rescheduled, so stale heap entries are skipped. */
  version: number;
  readyAtMs: number;
}

/** The migrations under way, their events, their share of the network and their records. */
export class Migrations {
  readonly active = new Map<number, ActiveMigration>();
  /** When each migration's next event is due, tagged with the version it was scheduled under. */
  readonly queue = new TypedHeap();
  readonly network: FleetNetwork;
  /** Flow parameters depend only on a VM's size and workload: many VMs share them. */
  private readonly paramsCache = new Map<string, FlowParams>();
  private nextId = 0;
  private readonly again = new Set<ActiveMigration>();

  constructor(
    private readonly s: FleetScenario,
    private readonly layout: FleetLayout,
  ) {
    this.network = new FleetNetwork(s, layout);
  }

  start(task: Task, source: number, destination: number, nowMs: number): ActiveMigration {
    const vm = this.layout.vms[task.vm];
    const key = `${vm.memoryMiB}/${vm.usedMiB}/${vm.vcpus}/${vm.preset}`;
    let params = this.paramsCache.get(key);
    if (!params) {
      params = flowParams(vmScenario(this.s, vm, this.s.fleet.nicMbps));
      this.paramsCache.set(key, params);
    }
    const m: ActiveMigration = {
      id: this.nextId++,
      task,
      source,
      destination,
      flow: new FastMigration(params, nowMs),
      links: this.network.linksOf(source, destination),
      rate: 0,
      demand: 0,
      target: 0,
      bottleneck: -1,
      version: 0,
      startMs: nowMs,
      readyAtMs: task.fate.readyAtMs,
      stepAtMs: [],
      stepMbps: [],
    };
    this.active.set(m.id, m);
    this.schedule(m);
    return m;
  }

  schedule(m: ActiveMigration): void {
    m.version++;
    const at = m.flow.nextEventMs(m.rate);
    if (Number.isFinite(at)) this.queue.push(at, m.id, m.version);
  }

  /** The migration whose event is due first, if it is due at `nowMs` and still current; pops it either way. */
  takeDue(nowMs: number): ActiveMigration | null | undefined {
    if (this.queue.peekKey() !== nowMs) return undefined;
    const m = this.active.get(this.queue.peekId());
    const version = this.queue.peekTag();
    this.queue.pop();
    return m && m.version === version ? m : null;
  }

  /** Advances a flow to its due event and fires it; returns the phase it is in now. */
  fire(m: ActiveMigration, nowMs: number): FlowPhase {
    m.flow.advanceTo(nowMs, m.rate);
    m.flow.fire(m.rate);
    return m.flow.phase;
  }

  /** Whether a flow's demand on the network differs from what the network has in force. */
  demandChanged(m: ActiveMigration): boolean {
    return m.flow.demandBytesPerMs() !== m.demand;
  }

  /**
   * After an instant's events: flows whose demand changed go to the network (which may share every link
   * again); those that rose, and those that had an event, are rescheduled.
   */
  settle(nowMs: number, touched: Set<ActiveMigration>, changed: ActiveMigration[], shareDue: boolean): void {
    const again = this.again;
    again.clear();
    if (changed.length)
      for (const m of this.network.changed(this.active.values(), changed, nowMs)) again.add(m as ActiveMigration);
    if (shareDue) for (const m of this.network.due(this.active.values(), nowMs)) again.add(m as ActiveMigration);
    for (const m of touched)
      if (this.active.has(m.id)) {
        this.network.catchUp(m, nowMs);
        again.add(m);
      }
    for (const m of again) if (this.active.has(m.id)) this.schedule(m);
  }

  /** Removes a finished, aborted or lost migration and returns its record. */
  end(m: ActiveMigration, nowMs: number, outcome: MigrationRecord['outcome'], index: number): MigrationRecord {
    this.active.delete(m.id);
    m.version++;
    if (m.rate > 0 || m.demand > 0) this.network.remove(m, nowMs);
    if (m.flow.tMs < nowMs) m.flow.advanceTo(nowMs, m.rate);
    const r = m.flow.result();
    const durationMs = nowMs - m.startMs;
    const steps: RateSteps = m.stepAtMs.map((at, i) => [at, m.stepMbps[i]]);
    if (!steps.length) steps.push([0, this.s.fleet.nicMbps]);
    else steps[0][0] = 0;
    return {
      id: index,
      vm: m.task.vm,
      customer: m.task.customer,
      source: m.source,
      destination: m.destination,
      event: m.task.event,
      urgent: m.task.urgent,
      readyAtMs: m.readyAtMs,
      startMs: m.startMs,
      precopyStartMs: Number.isFinite(r.precopyStartMs) ? r.precopyStartMs : null,
      blackoutStartMs: outcome === 'completed' ? r.blackoutStartMs : null,
      endMs: nowMs,
      blackoutMs: outcome === 'completed' ? r.downtimeMs : 0,
      bytes: r.bytesTransferred,
      iterations: r.iterations,
      converged: outcome === 'completed' && r.converged,
      stopReason:
        outcome === 'lost'
          ? 'host-failed'
          : outcome === 'aborted' && r.outcome === 'completed'
            ? 'destination-failed'
            : r.stopReason,
      outcome,
      rateSteps: compressRateSteps(steps, durationMs, LAB_MAX_INTERVENTIONS),
    };
  }
}
