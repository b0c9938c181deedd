import { proxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { EngineHostApi } from './engineHost';
import type { Engine, EngineHello, JobInput, JobKind, JobOptions, JobOutcome, JobProgress, JobValue } from './types';

/** What the engine needs of a worker: a message endpoint that can fail and be terminated. */
export type WorkerLike = Endpoint & { terminate(): void };

export const newWorker = (): WorkerLike =>
  new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });

/**
 * A worker with jobs that has said nothing for this long is taken for dead (a worker the browser killed,
 * out of memory, may not fire any event). A working one reports progress ten times a second.
 */
export const STALL_LIMIT_MS = 30_000;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One engine in its own Web Worker (created on first use, never at import time). A worker that fails
 * (an uncaught error, a message it cannot read) or falls silent with jobs in hand is terminated: every job
 * it had answers `failed` with `crashed: true`, and the engine is dead, for its pool to replace.
 */
export class WorkerEngine implements Engine {
  private worker: WorkerLike | null = null;
  private remote: Remote<EngineHostApi> | null = null;
  private readonly pending = new Map<number, (outcome: JobOutcome<never>) => void>();
  /** Jobs waiting at their wall-time bound: a worker with only these in hand is quiet, not dead. */
  private readonly paused = new Set<number>();
  private readonly hellos = new Set<(error: Error) => void>();
  private nextId = 0;
  private deadReason: string | null = null;
  private lastHeardAt = 0;
  private watchdog: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly createWorker: () => WorkerLike = newWorker,
    private readonly stallLimitMs = STALL_LIMIT_MS,
  ) {}

  /** Why the worker died, or null while it is alive. */
  get dead(): string | null {
    return this.deadReason;
  }

  private connect(): Remote<EngineHostApi> {
    if (this.deadReason) throw new Error(this.deadReason);
    if (this.remote) return this.remote;
    const worker = this.createWorker();
    const onError = (e: Event) =>
      this.crash(
        `the engine's worker stopped with an error${(e as ErrorEvent).message ? `: ${(e as ErrorEvent).message}` : ''}`,
      );
    worker.addEventListener('error', onError as EventListener);
    worker.addEventListener('messageerror', (() =>
      this.crash('the engine sent a message the page could not read')) as EventListener);
    this.worker = worker;
    this.remote = wrap<EngineHostApi>(worker);
    return this.remote;
  }

  hello(): Promise<EngineHello> {
    return new Promise((resolve, reject) => {
      let remote: Remote<EngineHostApi>;
      try {
        remote = this.connect();
      } catch (e) {
        reject(e);
        return;
      }
      this.hellos.add(reject);
      remote
        .hello()
        .then(resolve, reject)
        .finally(() => this.hellos.delete(reject));
    });
  }

  start<K extends JobKind>(kind: K, input: JobInput<K>, options: JobOptions = {}): Promise<JobOutcome<JobValue<K>>> {
    const { signal, onProgress, continues } = options;
    if (signal?.aborted) return Promise.resolve({ status: 'cancelled' });
    return new Promise((resolve) => {
      let remote: Remote<EngineHostApi>;
      try {
        remote = this.connect();
      } catch (e) {
        resolve({ status: 'failed', message: messageOf(e), crashed: true });
        return;
      }
      const id = ++this.nextId;
      const onAbort = () => void remote.cancel(id).catch(() => {});
      const onContinue = () => {
        this.paused.delete(id);
        this.heard();
        void remote.resume(id).catch(() => {});
      };
      const settle = (outcome: JobOutcome<JobValue<K>>) => {
        if (!this.pending.delete(id)) return;
        this.paused.delete(id);
        this.heard();
        signal?.removeEventListener('abort', onAbort);
        continues?.removeEventListener('continue', onContinue);
        resolve(outcome);
      };
      if (this.pending.size === 0) this.heard();
      this.pending.set(id, settle as (outcome: JobOutcome<never>) => void);
      this.watch();
      signal?.addEventListener('abort', onAbort, { once: true });
      continues?.addEventListener('continue', onContinue);
      // Progress doubles as the worker's heartbeat.
      const progress = proxy((p: JobProgress) => {
        this.heard();
        if (p.pausedAfterMs !== undefined) this.paused.add(id);
        onProgress?.(p);
      });
      remote.start(id, kind, input, options.priority ?? 'interactive', progress, options.wallLimitMs).then(
        (outcome) => settle(outcome as JobOutcome<JobValue<K>>),
        (e: unknown) => settle({ status: 'failed', message: messageOf(e), crashed: false }),
      );
    });
  }

  private heard(): void {
    this.lastHeardAt = performance.now();
  }

  /** While jobs are in hand, checks now and then that the worker still speaks. */
  private watch(): void {
    if (this.watchdog !== undefined) return;
    this.watchdog = setInterval(
      () => {
        if (this.pending.size === 0) return this.unwatch();
        if ([...this.pending.keys()].every((id) => this.paused.has(id))) return this.heard();
        if (performance.now() - this.lastHeardAt > this.stallLimitMs)
          this.crash(`the engine's worker stopped answering for ${this.stallLimitMs / 1000} s`);
      },
      Math.min(5000, this.stallLimitMs / 2),
    );
  }

  private unwatch(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  /** The worker is gone: its jobs fail as crashed, waiting hellos are refused. */
  crash(reason: string): void {
    if (this.deadReason) return;
    this.deadReason = reason;
    this.unwatch();
    this.worker?.terminate();
    for (const settle of [...this.pending.values()])
      settle({ status: 'failed', message: reason, crashed: true } as never);
    this.pending.clear();
    this.paused.clear();
    for (const reject of this.hellos) reject(new Error(reason));
    this.hellos.clear();
  }

  dispose(): void {
    for (const settle of [...this.pending.values()]) settle({ status: 'cancelled' } as never);
    this.pending.clear();
    this.deadReason ??= 'the engine was shut down';
    this.unwatch();
    for (const reject of this.hellos) reject(new Error(this.deadReason));
    this.hellos.clear();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }
}
