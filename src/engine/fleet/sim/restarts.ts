import type { VmFate } from '../trace';
import type { RunContext } from './context';

/** What stopping and restarting VMs needs from the rest of the run. */
export interface RestartHooks {
  /** A host lost a VM (its unit may now be empty). */
  hostChanged(h: number): void;
  /** A VM runs again on a host (which may have started draining meanwhile). */
  arrived(vm: number, h: number): void;
}

/**
 * Terminations and restarts, as each VM's availability policy says: with automaticRestart the VM boots
 * again after `scheduler.restartS` on a host placement finds (in place when its host is not really going
 * down, as in a simulated maintenance event), else it waits for an operator.
 */
export class Restarts {
  private readonly queue: { vm: number; fate: VmFate; exclude: number }[] = [];

  constructor(
    private readonly ctx: RunContext,
    private readonly hooks: RestartHooks,
  ) {}

  terminate(v: number, fate: VmFate, inPlace: boolean, cause: NonNullable<VmFate['stopCause']>, why: string): void {
    const { ctx } = this;
    const f = ctx.state;
    const vm = f.vm(v);
    const h = f.vmHost[v];
    ctx.totals.terminated++;
    fate.stoppedAtMs = ctx.nowMs;
    fate.stopCause = cause;
    fate.leftHostAtMs ??= ctx.nowMs;
    if (!vm.automaticRestart) fate.noticeClearedAtMs ??= ctx.nowMs;
    fate.detail ??= why;
    ctx.say('terminated', `${vm.name} terminated: ${why}`, { vm: v, host: h });
    const restartMs = ctx.nowMs + ctx.scenario.scheduler.restartS * 1000;
    if (!vm.automaticRestart) {
      fate.outcome = 'waiting-for-operator';
      if (h >= 0) f.leave(vm, h);
    } else if (inPlace && h >= 0) {
      // The host keeps the VM's room while it boots again there.
      fate.outcome = 'unplaced';
      f.residents[h].delete(v);
      ctx.at(restartMs, { kind: 'restart-done', vm: v, host: h, fate, inPlace: true });
    } else {
      fate.outcome = 'unplaced';
      if (h >= 0) f.leave(vm, h);
      this.queue.push({ vm: v, fate, exclude: h });
      ctx.mayStart = true;
    }
    if (h >= 0) {
      f.note(ctx.nowMs, h);
      this.hooks.hostChanged(h);
    }
  }

  /** Terminated VMs waiting for a host get one where placement finds room. */
  place(): void {
    const { ctx } = this;
    for (let i = 0; i < this.queue.length; i++) {
      const r = this.queue[i];
      const vm = ctx.state.vm(r.vm);
      const h = ctx.scheduler.place(vm, r.exclude, -1, false);
      if (h < 0) continue;
      this.queue.splice(i--, 1);
      ctx.state.reserve(vm, h);
      ctx.state.note(ctx.nowMs, h);
      r.fate.restartHost = h;
      ctx.at(ctx.nowMs + ctx.scenario.scheduler.restartS * 1000, {
        kind: 'restart-done',
        vm: r.vm,
        host: h,
        fate: r.fate,
        inPlace: false,
      });
    }
  }

  done(v: number, h: number, fate: VmFate, inPlace: boolean): void {
    const { ctx } = this;
    const vm = ctx.state.vm(v);
    ctx.state.settle(vm, h);
    ctx.totals.restarted++;
    fate.outcome = 'restarted';
    fate.runningAgainAtMs = ctx.nowMs;
    fate.restartHost = h;
    fate.noticeClearedAtMs ??= ctx.nowMs;
    ctx.say('restarted', `${vm.name} running again on ${ctx.hostName(h)}`, { vm: v, host: h });
    if (!inPlace) this.hooks.arrived(v, h);
  }

  /** At the end: VMs still without a host say why. */
  finish(): void {
    for (const r of this.queue) r.fate.detail = 'no host had room to restart it';
  }
}
