import type { FleetLayout } from '../build';
import type { FleetScenario } from '../schema';
import type { FateReason, FleetLogEvent, MigrationRecord, VmFate } from '../trace';
import type { FleetState } from './fleetState';
import { MinHeap } from './heap';
import type { Scheduler, Task } from './scheduler';
import type { RunTotals } from './traceBuilder';
import type { Unit } from './units';

/** What the run's clock can have in store. */
export type SimEvent =
  | { kind: 'trigger'; event: number }
  | { kind: 'wave'; waves: Unit[][]; index: number; gapMs: number }
  | { kind: 'ready'; task: Task }
  | { kind: 'host-fail'; unit: Unit }
  | { kind: 'unit-back'; unit: Unit }
  | { kind: 'restart-done'; vm: number; host: number; fate: VmFate; inPlace: boolean }
  | { kind: 'wake' }
  | { kind: 'share' };

/** Everything the parts of a fleet run share: the clock, the fleet, the scheduler and what was recorded. */
export class RunContext {
  nowMs = 0;
  readonly heap = new MinHeap<SimEvent>();
  readonly fates: VmFate[] = [];
  readonly records: MigrationRecord[] = [];
  readonly log: FleetLogEvent[] = [];
  /** The task under way for each VM that has one. */
  readonly taskOf = new Map<number, Task>();
  readonly totals: RunTotals = {
    terminated: 0,
    restarted: 0,
    lost: 0,
    peak: { fleet: 0, perSourceHost: 0, perDestinationHost: 0, perCustomer: 0 },
    fleetSeries: { tMs: [], active: [], mbps: [] },
  };
  /** Something changed that could let a waiting migration start. */
  mayStart = false;

  constructor(
    readonly scenario: FleetScenario,
    readonly layout: FleetLayout,
    readonly state: FleetState,
    readonly scheduler: Scheduler,
  ) {}

  at(tMs: number, event: SimEvent): void {
    this.heap.push(tMs, event);
  }

  say(kind: FleetLogEvent['kind'], text: string, extra: Omit<FleetLogEvent, 'tMs' | 'kind' | 'text'> = {}): void {
    this.log.push({ tMs: this.nowMs, kind, text, ...extra });
  }

  hostName(h: number): string {
    return this.layout.hosts[h].name;
  }

  newFate(
    vm: number,
    event: number,
    reason: FateReason,
    action: VmFate['action'],
    noticeMs: number,
    value: VmFate['maintenanceEvent'],
  ): VmFate {
    const fate: VmFate = {
      vm,
      event,
      reason,
      action,
      noticeAtMs: this.nowMs,
      noticeMs,
      maintenanceEvent: value,
      noticeClearedAtMs: null,
      readyAtMs: this.nowMs + noticeMs,
      outcome: 'stuck',
      leftHostAtMs: null,
      migration: null,
      stopCause: null,
      stoppedAtMs: null,
      runningAgainAtMs: null,
      restartHost: null,
      detail: null,
    };
    this.fates.push(fate);
    return fate;
  }
}
