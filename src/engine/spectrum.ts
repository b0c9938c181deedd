import { MigrationRun } from './run';
import type { Scenario } from './scenario/schema';
import type { Summary } from './trace/types';
import { mbpsToBytesPerMs, mibToBytes } from './units';

export type Approach =
  'hard-power-down' | 'soft-power-down' | 'hibernation' | 'suspend-and-carry' | 'quick-migration' | 'live-migration';

/** One way of moving the same VM, from most to least disruptive. */
export interface SpectrumEntry {
  approach: Approach;
  label: string;
  /** Time the service is unavailable, ms. */
  downtimeMs: number;
  /** From the decision to move until the VM serves again on the new machine, ms. */
  totalMs: number;
  bytesSent: number;
  stateLost: string;
  guestCooperation: string;
  how: string;
  /** False when the approach could not finish the move (a live migration that gave up). */
  completed: boolean;
}

/** What a pause of this length costs the guest's connections; nothing in memory is lost either way. */
function pauseCost(downtimeMs: number): string {
  if (downtimeMs < 750) return 'nothing; connections ride out the short pause';
  if (downtimeMs < 30_000) return 'nothing in memory; connections with short timeouts break during the pause';
  return 'nothing in memory; open connections are gone by the time it resumes';
}

/** The two moves the spectrum simulates: quick migration (stop-and-copy) and the live strategy. */
function simulatedMoves(s: Scenario): { quick: Scenario; live: Scenario } {
  const move = (strategy: Scenario['strategy']): Scenario => ({
    ...s,
    strategy,
    faults: [],
    interventions: [],
    devices: { ...s.devices, whenNotLive: 'paravirtual' },
  });
  return { quick: move('stopcopy'), live: move(s.strategy === 'stopcopy' ? 'precopy' : s.strategy) };
}

/**
 * The spectrum worked out step by step, so a worker can do it in slices, put a lab run first and stop it
 * when it is no longer wanted: `step()` advances one slice of the simulation under way.
 */
export class SpectrumRun {
  private readonly moves: Scenario[];
  private readonly summaries: Summary[] = [];
  /** The move being simulated; the next is only built when this one ends (a 1 TiB VM is big twice). */
  private run: MigrationRun | null = null;

  constructor(private readonly scenario: Scenario) {
    const { quick, live } = simulatedMoves(scenario);
    this.moves = [quick, live];
  }

  get done(): boolean {
    return this.summaries.length === this.moves.length;
  }

  /** Simulated time of the move under way, ms. */
  get tMs(): number {
    return this.run?.tMs ?? 0;
  }

  step(): void {
    if (this.done) return;
    this.run ??= new MigrationRun(this.moves[this.summaries.length]);
    this.run.step();
    if (!this.run.done) return;
    this.summaries.push(this.run.trace().summary);
    this.run = null;
  }

  /** Rough share of the work done, 0..1. */
  progress(): number {
    if (this.done) return 1;
    return (this.summaries.length + (this.run?.progress() ?? 0)) / this.moves.length;
  }

  result(): SpectrumEntry[] {
    if (!this.done) throw new Error('the spectrum has not finished');
    const [quick, live] = this.summaries;
    return spectrumEntries(this.scenario, quick, live);
  }
}

/** The spectrum in one go (Node: tests, the CLI). */
export function spectrum(s: Scenario): SpectrumEntry[] {
  const run = new SpectrumRun(s);
  while (!run.done) run.step();
  return run.result();
}

/**
 * The same VM moved five (or six) ways: cold power-down, clean shutdown, hibernation, quick migration
 * (stop-and-copy, simulated) and live migration (simulated), plus suspend-and-carry for a suspended VM on
 * a USB key. Power-down and hibernation are closed forms over the host's boot, shutdown and disk speeds;
 * a local disk has to cross the link in every approach but live migration's copy-ahead.
 */
function spectrumEntries(s: Scenario, quick: Summary, live: Summary): SpectrumEntry[] {
  const linkBytesPerMs = mbpsToBytesPerMs(s.network.linkMbps);
  const diskMs = s.resources.disk === 'network' ? 0 : mibToBytes(s.resources.diskGiB * 1024) / linkBytesPerMs;
  const diskBytes = s.resources.disk === 'network' ? 0 : mibToBytes(s.resources.diskGiB * 1024);
  const bootMs = s.devices.restartS * 1000;
  const shutdownMs = s.host.shutdownS * 1000;
  const imageBytes = mibToBytes(s.vm.usedMiB);
  const diskIoMs = (imageBytes / mibToBytes(s.host.diskMiBps)) * 1000;
  // With network storage the hibernation image is already where the destination can read it.
  const imageMoveMs = s.resources.disk === 'network' ? 0 : imageBytes / linkBytesPerMs;
  // Resuming from the image means booting first: the firmware and the guest's kernel come up, then read it back.
  const hibernateMs = diskIoMs + imageMoveMs + diskMs + bootMs + diskIoMs;
  return [
    {
      approach: 'hard-power-down',
      label: 'Hard power-down',
      downtimeMs: diskMs + bootMs,
      totalMs: diskMs + bootMs,
      bytesSent: diskBytes,
      stateLost: 'everything in memory: unsaved work, open connections',
      guestCooperation: 'none',
      how: 'cut the power, move the disk, cold boot',
      completed: true,
    },
    {
      approach: 'soft-power-down',
      label: 'Soft power-down',
      downtimeMs: shutdownMs + diskMs + bootMs,
      totalMs: shutdownMs + diskMs + bootMs,
      bytesSent: diskBytes,
      stateLost: 'whatever the applications did not save on the way down; all connections',
      guestCooperation: 'the guest OS and every application must shut down cleanly',
      how: 'ask the guest to shut down, move the disk, boot',
      completed: true,
    },
    {
      approach: 'hibernation',
      label: 'Hibernation',
      downtimeMs: hibernateMs,
      totalMs: hibernateMs,
      bytesSent: diskBytes + (s.resources.disk === 'network' ? 0 : imageBytes),
      stateLost: 'nothing, if hibernation works; network connections usually time out',
      guestCooperation: 'the guest OS must support hibernation and be healthy enough to do it',
      how: 'the guest writes its memory to disk and powers off; on the destination it boots and resumes from the image',
      completed: true,
    },
    {
      approach: 'suspend-and-carry',
      label: 'Suspend and carry (USB key)',
      downtimeMs: diskIoMs + s.host.carryMinutes * 60_000 + diskIoMs,
      totalMs: diskIoMs + s.host.carryMinutes * 60_000 + diskIoMs,
      bytesSent: 0,
      stateLost: 'nothing; connections are gone by the time it resumes',
      guestCooperation: 'none: the host saves and restores the VM',
      how: `the host saves the VM to a portable disk, someone carries it ${s.host.carryMinutes} min, the other host resumes it`,
      completed: true,
    },
    {
      approach: 'quick-migration',
      label: 'Quick migration (stop-and-copy)',
      downtimeMs: quick.downtimeMs + diskMs,
      totalMs: quick.totalTimeMs + diskMs,
      bytesSent: quick.bytesTransferred + diskBytes,
      stateLost: quick.outcome === 'completed' ? pauseCost(quick.downtimeMs + diskMs) : 'the move did not happen',
      guestCooperation: 'none: the host pauses, copies and resumes the VM',
      how: 'pause, copy all memory and device state, resume on the destination',
      completed: quick.outcome === 'completed',
    },
    {
      approach: 'live-migration',
      label: `Live migration (${live.strategy === 'precopy' ? 'pre-copy' : live.strategy === 'postcopy' ? 'post-copy' : 'hybrid'})`,
      downtimeMs: live.downtimeMs,
      totalMs: live.totalTimeMs,
      bytesSent: live.bytesTransferred,
      stateLost:
        live.outcome === 'completed'
          ? pauseCost(live.downtimeMs)
          : live.outcome === 'failed'
            ? 'everything: the VM was lost'
            : 'nothing (the migration did not finish: the VM stayed put)',
      guestCooperation: live.guestCooperation
        ? 'optional paravirtual help is used'
        : 'none: managed from outside the guest',
      how:
        live.strategy === 'precopy'
          ? 'copy memory while the VM runs; pause only for the last dirty pages'
          : live.strategy === 'postcopy'
            ? 'pause only to move the device state, run on the destination, fetch each page once as it is needed'
            : 'copy memory while the VM runs for a few rounds, then switch as post-copy does and fetch the rest',
      completed: live.outcome === 'completed',
    },
  ];
}
