import type { FateReason } from '../trace';
import type { RunContext } from './context';
import type { ActiveMigration, Migrations } from './migrations';
import type { Restarts } from './restarts';
import { Pacer, type Unit } from './units';

/** What maintenance needs from the rest of the run. */
export interface MaintenanceHooks {
  /** Tell a VM on a draining host to go. */
  evacuate(vm: number, unit: Unit): void;
  /** End a migration whose host failed: lost with its source, or back in the queue if its destination failed. */
  endMigration(m: ActiveMigration, outcome: 'lost' | 'aborted', requeue: boolean): void;
}

/**
 * Hosts taken out of service: units announced (paced one rack at a time if asked), drained, down for
 * their maintenance or switched off once empty, back afterwards; rollouts wave after wave; flaky hosts
 * that fail before they are empty.
 */
export class Maintenance {
  readonly units = new Map<number, Unit>();
  /** The unit draining or down on each host, or -1. */
  readonly hostUnit: Int32Array;
  private readonly pacer: Pacer;
  private readonly watchers: { done: () => boolean; next: () => void }[] = [];

  constructor(
    private readonly ctx: RunContext,
    private readonly migrations: Migrations,
    private readonly restarts: Restarts,
    private readonly hooks: MaintenanceHooks,
  ) {
    this.hostUnit = new Int32Array(ctx.layout.hosts.length).fill(-1);
    this.pacer = new Pacer(ctx.scenario.scheduler.faultDomain === 'rack');
  }

  /** Hosts with work planned and not yet done (consolidation leaves them alone). */
  busyHosts(): Set<number> {
    const busy = new Set<number>();
    for (const u of this.units.values()) if (u.status !== 'done') for (const h of u.hosts) busy.add(h);
    return busy;
  }

  /** A trigger's units: placement now avoids their hosts, the soonest most; the first wave starts. */
  plan(waves: Unit[][], gapMs: number): void {
    const f = this.ctx.state;
    let order = 0;
    for (const wave of waves)
      for (const u of wave) {
        this.units.set(u.id, u);
        order++;
        for (const h of u.hosts) f.setPendingOrder(h, Math.min(f.pendingOrder[h], this.ctx.nowMs + order));
        if (u.failAtMs !== null) this.ctx.at(u.failAtMs, { kind: 'host-fail', unit: u });
      }
    if (waves.length) this.startWave(waves, 0, gapMs);
  }

  startWave(waves: Unit[][], index: number, gapMs: number): void {
    const { ctx } = this;
    const wave = waves[index];
    if (waves.length > 1) ctx.say('wave', `wave ${index + 1} of ${waves.length}: ${wave.length} hosts`);
    for (const u of wave) {
      u.status = 'ready';
      u.readyAtMs = ctx.nowMs;
      for (const go of this.pacer.offer(u)) this.drain(go);
    }
    if (index + 1 < waves.length)
      this.watchers.push({
        done: () => wave.every((u) => u.status === 'done' || u.status === 'failed'),
        next: () => ctx.at(ctx.nowMs + gapMs, { kind: 'wave', waves, index: index + 1, gapMs }),
      });
  }

  private checkWaves(): void {
    for (let i = this.watchers.length - 1; i >= 0; i--)
      if (this.watchers[i].done()) this.watchers.splice(i, 1)[0].next();
  }

  /** A unit's hosts stop taking VMs and every VM on them is told to go. */
  private drain(u: Unit): void {
    const { ctx } = this;
    u.status = 'draining';
    u.drainingAtMs = ctx.nowMs;
    u.hosts = u.hosts.filter((h) => ctx.state.isUp(h));
    for (const h of u.hosts) {
      ctx.state.setState(ctx.nowMs, h, 'draining');
      this.hostUnit[h] = u.id;
      ctx.say('draining', `${ctx.hostName(h)} drains for ${u.reason}`, { host: h, event: u.event });
      for (const v of [...ctx.state.residents[h]]) this.hooks.evacuate(v, u);
    }
    this.check(u);
  }

  /** The draining unit on a host, if any. */
  drainingUnitOf(h: number): Unit | null {
    const uid = this.hostUnit[h];
    const u = uid >= 0 ? this.units.get(uid) : undefined;
    return u && u.status === 'draining' ? u : null;
  }

  hostChanged(h: number): void {
    const u = this.drainingUnitOf(h);
    if (u) this.check(u);
  }

  /** A draining unit whose hosts are all empty goes down for maintenance, or off for good. */
  private check(u: Unit): void {
    const { ctx } = this;
    if (u.status !== 'draining' || !u.hosts.every((h) => ctx.state.isEmpty(h))) return;
    u.emptyAtMs = ctx.nowMs;
    u.status = 'down';
    for (const h of u.hosts) {
      ctx.say('host-empty', `${ctx.hostName(h)} is empty`, { host: h, event: u.event });
      ctx.state.setState(ctx.nowMs, h, u.then === 'off' ? 'off' : 'maintenance');
      if (u.then === 'off') ctx.say('host-off', `${ctx.hostName(h)} switched off`, { host: h });
      else ctx.say('maintenance', `${ctx.hostName(h)} down for maintenance`, { host: h });
    }
    if (u.then === 'maintenance' && u.hosts.length)
      ctx.at(ctx.nowMs + ctx.scenario.scheduler.maintenanceS * 1000, { kind: 'unit-back', unit: u });
    else this.close(u);
  }

  back(u: Unit): void {
    const { ctx } = this;
    for (const h of u.hosts) {
      ctx.state.setState(ctx.nowMs, h, 'up');
      ctx.state.setPendingOrder(h, Infinity);
      this.hostUnit[h] = -1;
      ctx.say('host-back', `${ctx.hostName(h)} is back`, { host: h });
    }
    this.close(u);
  }

  private close(u: Unit): void {
    u.status = 'done';
    for (const go of this.pacer.finished(u)) this.drain(go);
    this.checkWaves();
  }

  /** A flaky host fails: what is still on it is lost, migrations from it with it, those to it go back. */
  fail(u: Unit): void {
    const { ctx } = this;
    if (u.status !== 'draining') return;
    const f = ctx.state;
    u.status = 'failed';
    for (const h of u.hosts) {
      f.setState(ctx.nowMs, h, 'failed');
      f.setPendingOrder(h, Infinity);
      ctx.say('host-failed', `${ctx.hostName(h)} failed`, { host: h, event: u.event });
      for (const m of [...this.migrations.active.values()]) {
        if (m.source === h) this.hooks.endMigration(m, 'lost', false);
        else if (m.destination === h) this.hooks.endMigration(m, 'aborted', true);
      }
      for (const v of [...f.residents[h]]) {
        const task = ctx.taskOf.get(v);
        if (task) {
          task.state = 'done';
          ctx.taskOf.delete(v);
        }
        const reason: FateReason = u.reason;
        const fate = task?.fate ?? ctx.newFate(v, u.event, reason, 'migrate', 0, 'NONE');
        ctx.totals.lost++;
        ctx.say('vm-lost', `${f.vm(v).name} lost with ${ctx.hostName(h)}`, { vm: v, host: h });
        this.restarts.terminate(v, fate, false, 'host-failure', 'its host failed before the VM could leave');
      }
    }
    this.checkWaves();
  }

  /** Units waiting or ready but not yet draining (for progress). */
  get pending(): number {
    let n = 0;
    for (const u of this.units.values()) if (u.status === 'waiting' || u.status === 'ready') n++;
    return n;
  }
}
