import type { Scenario, StopRule, Strategy } from '../scenario/schema';
import type { FailureCode, TraceEvent } from './events';

export type { EventKind, EventOf, FailureCode, TraceEvent } from './events';

import type { VariantReport } from '../variants/report';

/**
 * setup: allocate, validate and connect; disk: a local disk copied ahead of memory; drain: the workload
 * checkpoints after advance notice; offline: the VM is down for a terminate-and-restart move.
 */
export type PhaseKind = 'setup' | 'disk' | 'precopy' | 'blackout' | 'postcopy' | 'drain' | 'offline';
/**
 * completed: the VM runs on the destination; aborted: it runs on the source, the migration given up;
 * failed: neither host can run it; unfinished: the migration had not ended when the simulation stopped
 * (it would go on: pre-copy that never converges, or a run past the simulation's time limit).
 */
export type Outcome = 'completed' | 'aborted' | 'failed' | 'unfinished';
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
  /** Dynamic rate limiting (Xen 2005): less than 256 KiB was left dirty. */
  | 'little-left'
  /** Dynamic rate limiting: keeping up with the guest would take more than the maximum rate. */
  | 'rate-above-max'
  /** The management layer's timeout expired. */
  | 'timeout'
  /** The simulation's own limit on simulated time: the migration itself had not ended. */
  | 'simulation-limit'
  /**
   * The dirty set stays pinned above the threshold round after round and nothing (cap, timeout,
   * auto-converge, a switch) will end pre-copy: it would copy forever, so the simulation stops here.
   */
  | 'never-converges'
  /** Hybrid: the planned switch to post-copy. */
  | 'postcopy-switch'
  /** Post-copy and stop-and-copy do not iterate: nothing to stop. */
  | 'not-iterative'
  /** The destination or the platform refused before anything was copied. */
  | 'refused'
  /** An injected fault ended the migration. */
  | 'fault'
  /** Not live-migratable: moved by draining and checkpointing, or by terminate and restart. */
  | 'offline-move';

export type LifecycleStepKind = 'allocate' | 'validate' | 'copy' | 'blackout' | 'redirect' | 'resume' | 'delete-source';
/** unfinished: still going when the simulation stopped. */
export type StepStatus = 'done' | 'refused' | 'failed' | 'skipped' | 'blocked' | 'unfinished';

/** One of the seven steps of a migration, as it went in this run. */
export interface LifecycleStep {
  step: LifecycleStepKind;
  label: string;
  startMs: number;
  endMs: number;
  status: StepStatus;
  detail: string;
}

/**
 * sync: QEMU's rule, the estimate fell under the threshold and the log was synced; pass: every page
 * marked at the start was sent; stop: pre-copy ended in it; fault: a fault or abort cut it short;
 * fast-forward: computed from the steady state, not simulated page by page.
 */
export type RoundEnd = 'sync' | 'pass' | 'stop' | 'fault' | 'fast-forward';

/** The blackout part by part. The times add up to the downtime (summary.downtimeMs). */
export interface BlackoutParts {
  /**
   * Pages with data sent, their bytes on the wire and their time on the link as it was then (shared,
   * degraded, within the hosts' copy speed); `encodedPages` of them went as XBZRLE deltas.
   */
  pages: number;
  encodedPages: number;
  pageBytes: number;
  pagesMs: number;
  /** Never-written pages found and sent as markers: bytes, wire time and the time spent checking them. */
  zeroPages: number;
  zeroBytes: number;
  zeroWireMs: number;
  zeroScanMs: number;
  /** XBZRLE: looking pages up in the cache and encoding them (0 without it). */
  encodeMs: number;
  /** The fixed cost of starting the first pass over memory, when that pass runs in the blackout (stop-and-copy). */
  passStartMs: number;
  /** Device and CPU state, and its time on the link. */
  deviceBytes: number;
  deviceMs: number;
  /** Stopping the vCPUs on the source and starting them on the destination (the fixed cost). */
  switchoverMs: number;
  /** The destination's acknowledgement: one round trip. */
  ackMs: number;
  /** Time something had to cross while the link carried nothing (a network drop). */
  linkDownMs: number;
  /** The rate the pages actually got on the link, Mbit/s (0 when none went). */
  copyMbps: number;
}

/** Where the guest's lost work went, ms of full-speed running each; they add up to `vmLostMs`. */
export interface LostWork {
  /** Paused: the blackout, or shut down for an offline move. */
  pausedMs: number;
  /** Auto-converge throttling. */
  throttleMs: number;
  /** The cost of dirty tracking. */
  trackingMs: number;
  /** The rogue process frozen by the guest. */
  stunMs: number;
  /** vCPUs waiting for post-copy faults. */
  stallMs: number;
  /** Draining and checkpointing after advance notice. */
  drainMs: number;
}

/** Rounds computed from a steady state instead of simulated page by page. */
export interface FastForward {
  firstRound: number;
  lastRound: number;
  fromMs: number;
  durationMs: number;
  bytes: number;
}

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
  /**
   * Pages marked for sending right after the sync that ended the round: what the next round, or the
   * blackout, must send. Not the dirty set: it also counts pages rewritten before the round sent them.
   */
  dirtyPagesAtEnd: number;
  /** Of those, pages this round did not reach (QEMU's rule ends a round before all are sent). */
  carriedPages: number;
  /** How the round ended: at a sync under QEMU's rule, at the end of a whole pass, or cut short. */
  end: RoundEnd;
  /** Page writes the guest made during the round, and how many distinct pages they newly dirtied. */
  writes: number;
  newlyDirtiedPages: number;
  /** Mean migration bandwidth over the round, Mbit/s. */
  bandwidthMbps: number;
  /** The stop threshold in force when the round ended, bytes (QEMU: bandwidth x downtime limit). */
  thresholdBytes: number;
  /** Bandwidth estimate behind that threshold, Mbit/s. */
  estimateMbps: number;
  /**
   * Where that estimate came from (QEMU rule): the bytes sent over the last rate window and its length.
   * QEMU measures per window of at least 100 ms, not per round.
   */
  estimateWindowBytes: number;
  estimateWindowMs: number;
  /** The downtime limit in force when the round ended, ms. */
  downtimeLimitMs: number;
  capMbps: number;
  throttlePct: number;
  /** Page writes per second the guest was making at the round's end. */
  writeRatePagesPerSec: number;
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
  /** Lab profile: from the start of allocation; qemu profile: from the migrate command, as QEMU's total-time. */
  totalTimeMs: number;
  /** When QEMU's clock starts on the run's timeline (0 in the lab profile; after allocation and validation in the qemu profile). */
  migrateStartMs: number;
  /** Lab profile: allocation, validation and connection; qemu profile: the connection only, as QEMU's setup-time. */
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
  /** XBZRLE's figures when it was on: pages sent encoded, their bytes, cache misses, overflows to whole pages. */
  xbzrle: { pages: number; bytes: number; cacheMisses: number; overflows: number } | null;
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
  /** The blackout part by part (null when the VM never paused for one). */
  blackout: BlackoutParts | null;
  /** Wire size of one full page record and of one zero-page marker, bytes. */
  wire: { normalBytes: number; zeroBytes: number };
  /** Device state bytes sent (they are in downtimeBytes). */
  deviceBytes: number;
  /** What the link could carry while migrating, and what other services wanted and got, bytes. */
  linkCapacityBytes: number;
  othersWantedBytes: number;
  othersGotBytes: number;
  /** Where the guest's lost work went, ms each; they add up to vmLostSeconds. */
  vmLost: LostWork;
  /** Rounds computed from the steady state (see FastForward); null when every round was simulated. */
  fastForward: FastForward | null;
  /** The simulation's own limit on simulated time for this run, ms (not a property of the migration). */
  simulationLimitMs: number;
  /** Where the VM runs when it is all over (or when the simulation stopped, for an unfinished run). */
  vmLocation: 'source' | 'destination' | 'lost';
  /** What went wrong (a refusal, a fault, a lost VM), in one sentence; null when nothing did. */
  failure: string | null;
  /** The same as a code, for the app to put in its own words. */
  failureCode: FailureCode | null;
  /** Why the destination or the platform refused, one reason each. */
  refusals: string[];
  /** What stays behind on the source and keeps it from being deleted. */
  residualDependencies: string[];
  sourceDeletable: boolean;
  /** When the last lifecycle step (deleting the source) ends, ms. */
  lifecycleEndMs: number;
  /** How far the guest's clock is behind real time on resume, ms. */
  clockJumpMs: number;
  /** How long clients could not reach the service, ms. */
  unreachableMs: number;
  /** Bytes of local disk copied ahead of memory. */
  diskBytes: number;
  /** What the move cost the guest's state. */
  stateLost: 'nothing' | 'in-memory state';
  /** Whether the guest had to take part (drain, checkpoint) for the move to work. */
  guestCooperation: boolean;
}

/** The `phase` sample column's codes. */
export const PHASE_CODES = {
  setup: 0,
  precopy: 1,
  blackout: 2,
  postcopy: 3,
  done: 4,
  disk: 5,
  drain: 6,
  offline: 7,
} as const;

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
  /** See PHASE_CODES: 0 setup, 1 pre-copy, 2 blackout, 3 post-copy, 4 finished, 5 disk, 6 drain, 7 offline. */
  'phase',
] as const;
export type SampleColumn = (typeof SAMPLE_COLUMNS)[number];

export interface Samples {
  stepMs: number;
  columns: Record<SampleColumn, Float64Array>;
}

export interface HeatmapFrames {
  /** Pages the heatmap covers (all of memory, or the zoomed region). */
  pageCount: number;
  pageBytes: number;
  pagesPerCell: number;
  cells: number;
  /** The first page covered, and how many pages memory has in all (so a zoom can say where it is). */
  firstPage?: number;
  memoryPages?: number;
  frameTimesMs: Float64Array;
  /**
   * frames x cells x bands (HEAT_BAND_COUNT), each a share of the cell's pages in 0..255 (see
   * HEAT_BAND_NAMES); a band with any page at all is at least 1.
   */
  data: Uint8Array;
  /** frames x bands: the exact pages in each band over the covered pages (the shares are rounded). */
  pageCounts?: Float64Array;
}

/**
/**
 * Where a trace came from. A replayed QEMU record has no per-page data (no heatmap section) and leaves the
 * figures it does not record as NaN; `unrecorded` names them so a view can say so instead of drawing them.
 */
export type TraceOrigin = { kind: 'simulation' } | { kind: 'qemu-record'; lines: number; unrecorded: string[] };

/**
 * One run's record. Saved as JSON it carries its format and version (see ./versions.ts, ./readTrace.ts).
 * Sections a record may lack are optional: a replayed real migration has no per-page heatmap.
 */
export interface Trace {
  format: typeof TRACE_FORMAT;
  formatVersion: number;
  engineVersion: string;
  /** Absent for simulated runs. */
  origin?: TraceOrigin;
  scenario: Scenario;
  summary: Summary;
  phases: Phase[];
  lifecycle?: LifecycleStep[];
  rounds: Round[];
  events: TraceEvent[];
  samples: Samples;
  heatmap?: HeatmapFrames;
  /** Who drove the migration and what confidentiality changed (src/engine/variants/report.ts); simulated runs only. */
  variant?: VariantReport;
}

/** A trace the engine simulated: it always has every section. */
export type SimulatedTrace = Trace & Required<Pick<Trace, 'heatmap' | 'lifecycle'>>;

/** The `format` a saved trace names at its top level. */
export const TRACE_FORMAT = 'brownout-trace';
