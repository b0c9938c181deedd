import type { ScenarioInput, SpectrumEntry, Trace } from '../engine';
import {
  Continuation,
  type Engine,
  type EngineHello,
  type JobInput,
  type JobKind,
  type JobOptions,
  type JobOutcome,
  type JobProgress,
  type JobValue,
  type Priority,
} from './types';

/** A job given to the pool: its own result, cancellation and progress, whatever else is running. */
export interface JobHandle<T> {
  readonly id: number;
  readonly kind: JobKind;
  /** Settles once, never rejects. */
  readonly result: Promise<JobOutcome<T>>;
  /** Stops this job (queued or running); every other job carries on. */
  cancel(): void;
  /** The latest progress reported, or null before the first. */
  progress(): JobProgress | null;
  /** A job paused at its wall-time bound (`pausedAfterMs` in its progress) computes as long again. */
  resume(): void;
}

export type SubmitOptions = Omit<JobOptions, 'signal' | 'continues'>;

export interface PoolOptions {
  /** How many engines (workers) to keep for every kind of job. */
  size: number;
  /**
   * Engines beyond `size` that only background jobs use (none by default): while a sweep's points
   * queue, they fill the core otherwise left to the page, which has little to do meanwhile.
   */
  backgroundOnly?: number;
  /** Makes one engine; called lazily, and again to replace one that crashed. */
  create: () => Engine;
}

interface Slot {
  engine: Engine | null;
  /** Takes background jobs only (see PoolOptions.backgroundOnly). */
  backgroundOnly: boolean;
  interactive: number;
  background: number;
}

interface Waiting {
  start: (slot: Slot) => void;
  cancel: () => void;
}

/** `navigator.hardwareConcurrency - 1` (one core stays with the page), at least 1. */
export function poolSizeFor(hardwareConcurrency: number | undefined): number {
  return Math.max(1, (hardwareConcurrency ?? 2) - 1);
}

/**
 * A few engines shared by everything in the page. Interactive jobs (lab runs) start at once on the engine
 * with the fewest interactive jobs, where they take precedence over background work; background jobs
 * (the spectrum, sweep points) run one per engine and queue for a free one. An engine that crashes is
 * replaced; its jobs answer `failed` with `crashed: true`, so the caller can offer a retry.
 */
export class EnginePool {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly waiting: Waiting[] = [];
  private nextId = 0;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, Math.floor(options.size));
    const extra = Math.max(0, Math.floor(options.backgroundOnly ?? 0));
    this.slots = Array.from({ length: this.size + extra }, (_, i) => ({
      engine: null,
      backgroundOnly: i >= this.size,
      interactive: 0,
      background: 0,
    }));
  }

  hello(): Promise<EngineHello> {
    return this.engineOf(this.slots[0]).hello();
  }

  run(scenario: ScenarioInput, options?: SubmitOptions): JobHandle<Trace> {
    return this.submit('run', scenario, { priority: 'interactive', ...options });
  }

  spectrum(scenario: ScenarioInput, options?: SubmitOptions): JobHandle<SpectrumEntry[]> {
    return this.submit('spectrum', scenario, { priority: 'background', ...options });
  }

  submit<K extends JobKind>(kind: K, input: JobInput<K>, options: SubmitOptions = {}): JobHandle<JobValue<K>> {
    const id = ++this.nextId;
    const priority: Priority = options.priority ?? 'interactive';
    const controller = new AbortController();
    const continues = new Continuation();
    let latest: JobProgress | null = null;
    let settle!: (outcome: JobOutcome<JobValue<K>>) => void;
    const result = new Promise<JobOutcome<JobValue<K>>>((resolve) => (settle = resolve));

    const start = (slot: Slot) => {
      slot[priority]++;
      const engine = this.engineOf(slot);
      engine
        .start(kind, input, {
          priority,
          signal: controller.signal,
          wallLimitMs: options.wallLimitMs,
          continues,
          onProgress: (p) => {
            latest = p;
            options.onProgress?.(p);
          },
        })
        .then((outcome) => {
          slot[priority]--;
          if (outcome.status === 'failed' && outcome.crashed) this.replace(slot, engine);
          settle(outcome);
          this.startWaiting();
        });
    };

    const slot = this.slotFor(priority);
    if (slot) start(slot);
    else {
      const waiting: Waiting = {
        start,
        cancel: () => {
          this.waiting.splice(this.waiting.indexOf(waiting), 1);
          settle({ status: 'cancelled' });
        },
      };
      this.waiting.push(waiting);
    }
    return {
      id,
      kind,
      result,
      progress: () => latest,
      resume: () => continues.grant(),
      cancel: () => {
        const queued = this.waiting.find((w) => w.start === start);
        if (queued) queued.cancel();
        else controller.abort();
      },
    };
  }

  /** Stops every engine; jobs answer `cancelled`. */
  dispose(): void {
    for (const w of [...this.waiting]) w.cancel();
    for (const slot of this.slots) {
      slot.engine?.dispose();
      slot.engine = null;
    }
  }

  private engineOf(slot: Slot): Engine {
    slot.engine ??= this.options.create();
    return slot.engine;
  }

  /** Where a job of this priority can start now, or null (background jobs wait for a free engine). */
  private slotFor(priority: Priority): Slot | null {
    const byLoad = [...this.slots].sort(
      (a, b) =>
        a.interactive - b.interactive || a.background - b.background || this.slots.indexOf(a) - this.slots.indexOf(b),
    );
    if (priority === 'interactive') return byLoad.find((s) => !s.backgroundOnly)!;
    return byLoad.find((s) => s.background === 0) ?? null;
  }

  private startWaiting(): void {
    while (this.waiting.length > 0) {
      const slot = this.slotFor('background');
      if (!slot) return;
      this.waiting.shift()!.start(slot);
    }
  }

  /** A crashed engine is thrown away once (its other jobs report the same crash); the next job gets a new one. */
  private replace(slot: Slot, crashed: Engine): void {
    if (slot.engine !== crashed) return;
    crashed.dispose();
    slot.engine = null;
  }
}
