import type { PhaseKind, StopReason } from '../trace/types';

/** What a phase hands over to when it ends. */
export type Next =
  /** Pre-copy is over: pause the VM and send the rest (converged or forced). */
  | { kind: 'final-copy'; converged: boolean; reason: StopReason }
  /** Hybrid: pause briefly, move execution, continue in post-copy. */
  | { kind: 'postcopy-switch'; reason: StopReason }
  /** Give up: the VM stays on the source. */
  | { kind: 'abort'; reason: StopReason }
  /** The blackout is over: the VM runs on the destination (pages may still follow in post-copy). */
  | { kind: 'resumed' }
  /** Nothing left to do. */
  | { kind: 'done' }
  /** Setup is over: the destination is ready and the connection is up. */
  | { kind: 'prepared' }
  /** The destination or the platform said no before anything was copied. */
  | { kind: 'refused'; reasons: string[] }
  /** The local disk is on the destination; memory can follow. */
  | { kind: 'disk-done' }
  /** The workload has drained and checkpointed after its advance notice. */
  | { kind: 'drained' };

/**
 * One phase of a migration, advanced in slices of simulated time: `step` does the slice's work and says
 * how much of it was used (less when the phase ends inside it); the clock then moves on by that much and
 * `settle` makes the decisions due at the new time.
 */
export interface PhaseController {
  readonly phase: PhaseKind;
  step(dtMs: number): number;
  settle(): Next | null;
  /** QEMU's expected-downtime readout while this phase runs, ms. */
  expectedDowntimeMs(): number;
}
