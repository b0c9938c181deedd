import { createStepper, type Stepper } from './jobs';
import type { JobInput, JobKind, JobOutcome, JobProgress, JobValue, Priority } from './types';

/** Work in slices of about this much wall time, then let messages (new jobs, cancels) in. */
const SLICE_WALL_MS = 12;
/** Progress goes out at most this often per job: a fast run reports none, a long one ten times a second. */
const PROGRESS_EVERY_MS = 100;

const CLOCK_EVERY_STEPS = 4;

const RANK: Record<Priority, number> = { interactive: 0, background: 1 };

interface ActiveJob {
  id: number;
  priority: Priority;
  stepper: Stepper<unknown>;
  startedAt: number;
  lastProgressAt: number;
  /** Wall time spent in this job's own slices, and how much it may spend before it pauses. */
  busyMs: number;
  wallLimitMs: number;
  allowanceMs: number;
  paused: boolean;
  onProgress?: (p: JobProgress) => void;
  settle: (outcome: JobOutcome<unknown>) => void;
}

/** Gives the event loop a turn without the 4 ms clamp nested timers get. */
function makeYield(): () => Promise<void> {
  if (typeof setImmediate === 'function') return () => new Promise((resolve) => setImmediate(resolve));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs any number of engine jobs in one thread, a slice at a time. Each slice goes to the most urgent
 * job (interactive before background; jobs of equal rank take turns), so a lab run started while the
 * spectrum of a 1 TiB VM is being worked out runs at nearly full speed and the spectrum waits. Each job
 * settles once: done, failed, or cancelled; nothing is shared between jobs.
 */
export class JobScheduler {
  private readonly jobs: ActiveJob[] = [];
  private pumping = false;
  private readonly yieldTurn = makeYield();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Jobs not yet settled. */
  get activeCount(): number {
    return this.jobs.length;
  }

  start<K extends JobKind>(
    id: number,
    kind: K,
    input: JobInput<K>,
    priority: Priority,
    onProgress?: (p: JobProgress) => void,
    wallLimitMs = Infinity,
  ): Promise<JobOutcome<JobValue<K>>> {
    return new Promise((resolve) => {
      let stepper: Stepper<JobValue<K>>;
      try {
        stepper = createStepper(kind, input);
      } catch (e) {
        resolve({ status: 'failed', message: messageOf(e), crashed: false });
        return;
      }
      const startedAt = this.now();
      this.jobs.push({
        id,
        priority,
        stepper,
        startedAt,
        lastProgressAt: startedAt,
        busyMs: 0,
        wallLimitMs,
        allowanceMs: wallLimitMs,
        paused: false,
        onProgress,
        settle: resolve as (outcome: JobOutcome<unknown>) => void,
      });
      void this.pump();
    });
  }

  /** Cancels one job; the others carry on. Unknown or finished ids are ignored. */
  cancel(id: number): void {
    const i = this.jobs.findIndex((j) => j.id === id);
    if (i < 0) return;
    const [job] = this.jobs.splice(i, 1);
    job.settle({ status: 'cancelled' });
  }

  /** A job paused at its wall-time bound computes as long again; anything else is ignored. */
  resume(id: number): void {
    const job = this.jobs.find((j) => j.id === id);
    if (!job?.paused) return;
    job.paused = false;
    job.allowanceMs = job.busyMs + job.wallLimitMs;
    void this.pump();
  }

  cancelAll(): void {
    for (const job of this.jobs.splice(0)) job.settle({ status: 'cancelled' });
  }

  /**
   * The next job to get a slice: the first of the most urgent rank (a job that had one moves to the back);
   * none while every job waits at its bound.
   */
  private next(): ActiveJob | undefined {
    let best: ActiveJob | undefined;
    for (const j of this.jobs) if (!j.paused && (!best || RANK[j.priority] < RANK[best.priority])) best = j;
    return best;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let job = this.next(); job; job = this.next()) {
        this.slice(job);
        // A job that did not finish goes behind others of its rank.
        const i = this.jobs.indexOf(job);
        if (i >= 0) this.jobs.push(...this.jobs.splice(i, 1));
        await this.yieldTurn();
      }
    } finally {
      this.pumping = false;
    }
  }

  private slice(job: ActiveJob): void {
    const begun = this.now();
    const end = begun + SLICE_WALL_MS;
    try {
      // The clock is read every few steps: reading it costs more than a small step in some hosts.
      for (let n = 1; !job.stepper.done; n++) {
        job.stepper.step();
        if (n % CLOCK_EVERY_STEPS === 0 && this.now() >= end) break;
      }
      if (job.stepper.done) {
        this.remove(job);
        job.settle({ status: 'done', value: job.stepper.result(), wallMs: this.now() - job.startedAt });
        return;
      }
    } catch (e) {
      this.remove(job);
      job.settle({ status: 'failed', message: messageOf(e), crashed: false });
      return;
    }
    const t = this.now();
    job.busyMs += t - begun;
    if (job.busyMs >= job.allowanceMs) return this.pause(job);
    if (job.onProgress && t - job.lastProgressAt >= PROGRESS_EVERY_MS) {
      job.lastProgressAt = t;
      job.onProgress({ fraction: job.stepper.progress(), simulatedMs: job.stepper.simulatedMs() });
    }
  }

  /** The job has used its wall time: it waits for `resume` and says so (or fails, with no one to tell). */
  private pause(job: ActiveJob): void {
    if (!job.onProgress) {
      this.remove(job);
      const seconds = (job.busyMs / 1000).toFixed(1);
      job.settle({ status: 'failed', message: `the run was stopped after ${seconds} s of computing`, crashed: false });
      return;
    }
    job.paused = true;
    job.lastProgressAt = this.now();
    job.onProgress({
      fraction: job.stepper.progress(),
      simulatedMs: job.stepper.simulatedMs(),
      pausedAfterMs: job.busyMs,
    });
  }

  private remove(job: ActiveJob): void {
    const i = this.jobs.indexOf(job);
    if (i >= 0) this.jobs.splice(i, 1);
  }
}
