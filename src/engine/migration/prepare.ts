import { validateStepMs } from '../confidential/tdxFacts';
import type { Next, PhaseController } from './controller';
import { destinationProblems, notLiveReasons } from './liveMigratable';
import type { Emit } from '../trace/events';
import type { MigrationState } from './state';

/**
 * Steps 1 and 2 and the connection: reserve memory and vCPUs on the destination, check it can run this
 * VM (and that the VM can move live at all), then connect and start dirty logging. A refusal comes before
 * anything is copied. The guest runs on the source all along.
 */
export class Prepare implements PhaseController {
  readonly phase = 'setup' as const;
  private stage: 'allocate' | 'validate' | 'connect' | 'done' = 'allocate';
  private stageLeftMs: number;
  private outcome: Next | null = null;
  /** Set when the VM cannot move live but the chosen response moves it anyway. */
  offline: 'drain-checkpoint' | 'terminate-restart' | null = null;

  constructor(
    private readonly s: MigrationState,
    private readonly emit: Emit,
    private readonly startTracking: () => void,
  ) {
    this.stageLeftMs = s.scenario.host.allocateMs;
  }

  expectedDowntimeMs(): number {
    return 0;
  }

  step(dtMs: number): number {
    const used = Math.min(dtMs, this.stageLeftMs);
    this.stageLeftMs -= used;
    this.s.runGuestOnSource(used, this.stage === 'connect');
    this.s.accountLink(used, 0);
    return used;
  }

  settle(): Next | null {
    if (this.outcome) return this.outcome;
    while (this.stageLeftMs <= 1e-9 && this.stage !== 'done' && !this.outcome) this.finishStage();
    return this.outcome;
  }

  private finishStage(): void {
    const s = this.s;
    const sc = s.scenario;
    if (this.stage === 'allocate') {
      const { allocation } = destinationProblems(sc);
      if (allocation.length) return this.refuse('allocation', allocation);
      this.emit({ kind: 'allocated', memoryMiB: sc.vm.memoryMiB, vcpus: sc.vm.vcpus });
      this.stage = 'validate';
      this.stageLeftMs = validateStepMs(sc);
      return;
    }
    if (this.stage === 'validate') {
      const { compatibility } = destinationProblems(sc);
      if (compatibility.length) return this.refuse('compatibility', compatibility);
      const { devices, latency } = notLiveReasons(sc);
      const reasons = [...devices, ...(latency ? [latency] : [])];
      if (reasons.length) {
        const response = sc.devices.whenNotLive;
        if (response === 'refuse' || (response === 'paravirtual' && latency))
          return this.refuse(
            'not live-migratable',
            response === 'paravirtual' ? [...reasons, 'a paravirtual device does not shorten the pause'] : reasons,
          );
        if (response === 'paravirtual')
          this.emit({ kind: 'validated', result: 'paravirtual', reasons, response: null });
        else {
          this.offline = response;
          this.emit({ kind: 'validated', result: 'offline', reasons, response });
          this.stage = 'done';
          this.outcome = { kind: 'prepared' };
          return;
        }
      } else this.emit({ kind: 'validated', result: 'compatible', reasons: [], response: null });
      this.stage = 'connect';
      // The management layer now issues QEMU's migrate command: QEMU's total-time starts here.
      s.migrateStartMs = s.tMs;
      this.stageLeftMs = s.live.rttMs;
      this.startTracking();
      return;
    }
    this.emit({ kind: 'setup-done' });
    this.stage = 'done';
    this.outcome = { kind: 'prepared' };
  }

  private refuse(stage: 'allocation' | 'compatibility' | 'not live-migratable', reasons: string[]): void {
    this.emit({ kind: 'refused', stage, reasons });
    this.outcome = { kind: 'refused', reasons };
    this.stage = 'done';
  }
}
