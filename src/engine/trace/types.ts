import type { Scenario, StopRule, Strategy } from '../scenario/schema';

export type PhaseKind = 'setup' | 'precopy' | 'blackout' | 'postcopy';
export type Outcome = 'completed' | 'aborted' | 'failed';
export type StopReason =
  /** The dirty set fitted under the stop threshold. */
  | 'converged'
  /** Xen: fewer than the target number of pages were dirty. */
  | 'dirty-set-small'
  /** The cap on live rounds was reached first. */
  | 'max-iterations'
  /** xen-legacy: more than the allowed multiple of memory had been sent. */
  | 'sent-factor'
  /** A round shrank the dirty set by too little. */
  | 'no-progress'
  /** The management layer's timeout expired. */
  | 'timeout'
  /** Pre-copy would never end (no cap, no timeout): the simulation gave up. */
  | 'simulation-limit'
  /** Hybrid: the planned switch to post-copy. */
  | 'postcopy-switch'
  /** Post-copy and stop-and-copy do not iterate: nothing to stop. */
  | 'not-iterative';

export interface Phase {
  kind: PhaseKind;
  startMs: number;
  endMs: number;
}

export interface Round {
  /** 1 for the first pass over memory. */
  index: number;
  startMs: number;
  endMs: number;
  /** Pages sent in this round (normal and zero). */
  pagesSent: number;
  zeroPagesSent: number;
  bytesSent: number;
  /** Pages marked for sending when the round began. */
  dirtyPagesAtStart: number;
  /** Pages marked for sending when the round ended: what the next round, or the blackout, must send. */
  dirtyPagesAtEnd: number;
  /** Page writes the guest made during the round, and how many distinct pages they newly dirtied. */
  writes: number;
  newlyDirtiedPages: number;
  /** Mean migration bandwidth over the round, Mbit/s. */
  bandwidthMbps: number;
  /** The stop threshold in force when the round ended, bytes (QEMU: bandwidth x downtime limit). */
  thresholdBytes: number;
  /** Bandwidth estimate behind that threshold, Mbit/s. */
  estimateMbps: number;
  capMbps: number;
  throttlePct: number;
  /** Page writes per second the guest was making at the round's end. */
  writeRatePagesPerSec: number;
}

export type EventKind =
  | 'start'
  | 'setup-done'
  | 'sync'
  | 'throttle'
  | 'rogue-stunned'
  | 'intervention'
  | 'workload-phase'
  | 'stop-decision'
  | 'paused'
  | 'final-copy-done'
  | 'commit'
  | 'switchover'
  | 'resumed'
  | 'postcopy-done'
  | 'aborted'
  | 'done';

export interface TraceEvent {
  tMs: number;
  kind: EventKind;
  text: string;
}

export interface Summary {
  strategy: Strategy;
  stopRule: StopRule;
  outcome: Outcome;
  /** Pre-copy ended because the dirty set fitted under the threshold (not forced by a cap or timeout). */
  converged: boolean;
  stopReason: StopReason;
  /** Live pre-copy rounds (the blackout copy is not counted). */
  iterations: number;
  /** QEMU's dirty-sync-count: the setup sync, one per later round, and the final one. */
  dirtySyncCount: number;
  downtimeMs: number;
  totalTimeMs: number;
  setupTimeMs: number;
  bytesTransferred: number;
  memoryBytes: number;
  /** bytesTransferred / memoryBytes. */
  memoryMultiple: number;
  precopyBytes: number;
  downtimeBytes: number;
  postcopyBytes: number;
  normalPages: number;
  zeroPages: number;
  rounds: Round[];
  /** When the VM stopped on the source and when it ran again (on the destination, or on the source after an abort). */
  pausedAtMs: number | null;
  resumedAtMs: number | null;
  /** Post-copy: how long the destination needed pages from the source. */
  dependencyWindowMs: number;
  postcopyFaults: number;
  /** Summed time vCPUs waited for faulted pages, ms. */
  faultStallMs: number;
  maxThrottlePct: number;
  /** Guest work lost to the migration, in seconds of full-speed running (pauses, throttling, stalls, tracking). */
  vmLostSeconds: number;
  /** Migration bytes over what the link could carry during the migration, %. */
  linkSharePct: number;
  /** Share of other services' wanted traffic they did not get while the migration ran, %. */
  othersStarvedPct: number;
  /** Time the migration thread was busy sending on the source, s. */
  sourceBusySeconds: number;
  /** QEMU's expected-downtime at the end of pre-copy, ms. */
  expectedDowntimeMs: number;
  /** Final-copy bytes over link bandwidth alone: the part of the blackout the network explains, ms. */
  blackoutCopyMs: number;
}

/** The `phase` sample column's codes. */
export const PHASE_CODES = { setup: 0, precopy: 1, blackout: 2, postcopy: 3, done: 4 } as const;

export const SAMPLE_COLUMNS = [
  'tMs',
  /** Pages whose current contents the destination lacks. */
  'dirtyPages',
  /** QEMU's "remaining": pages marked for sending x page size. */
  'remainingBytes',
  'transferredBytes',
  'bandwidthMbps',
  'vmSpeedPct',
  'faultsPerSec',
  'throttlePct',
  'expectedDowntimeMs',
  /** 0 setup, 1 pre-copy, 2 blackout, 3 post-copy, 4 finished. */
  'phase',
] as const;
export type SampleColumn = (typeof SAMPLE_COLUMNS)[number];

export interface Samples {
  stepMs: number;
  columns: Record<SampleColumn, Float64Array>;
}

export interface HeatmapFrames {
  pageCount: number;
  pageBytes: number;
  pagesPerCell: number;
  cells: number;
  frameTimesMs: Float64Array;
  /** frames x cells x 7 bands, each a share of the cell's pages in 0..255 (see HEAT_BAND_NAMES). */
  data: Uint8Array;
}

export interface Trace {
  engineVersion: string;
  scenario: Scenario;
  summary: Summary;
  phases: Phase[];
  rounds: Round[];
  events: TraceEvent[];
  samples: Samples;
  heatmap: HeatmapFrames;
}
