import type { FlowStopReason } from './model/fastMigration';
import type { FleetLayout } from './build';
import type { FleetScenario, Platform } from './schema';
import type { RateSteps } from './vmScenario';

/** Host states in samples and the change log. */
export const HOST_STATES = ['up', 'draining', 'maintenance', 'failed', 'off'] as const;
export type HostState = (typeof HOST_STATES)[number];
export const HOST_STATE_CODES: Record<HostState, number> = { up: 0, draining: 1, maintenance: 2, failed: 3, off: 4 };

/** Why a VM had to move or stop. */
export type FateReason =
  | 'host-maintenance'
  | 'rack-maintenance'
  | 'firmware-rollout'
  | 'flaky-host'
  | 'operator-move'
  | 'noisy-neighbour'
  | 'consolidate'
  | 'simulate-maintenance';

/** The value of Compute Engine's `maintenance-event` metadata key while the notice runs. */
export type MaintenanceEventValue = 'NONE' | 'MIGRATE_ON_HOST_MAINTENANCE' | 'TERMINATE_ON_HOST_MAINTENANCE';

export type FateOutcome =
  /** Moved live to another host. */
  | 'migrated'
  /** Terminated, then running again (on another host, or in place for a simulated event). */
  | 'restarted'
  /** Terminated; its policy says an operator must start it again. */
  | 'waiting-for-operator'
  /** Terminated and meant to restart, but no host had room by the end. */
  | 'unplaced'
  /** A live move that did not complete (aborted); the VM stayed where it was. */
  | 'migration-failed'
  /** Could not be moved as asked (cannot migrate live, or the destination cannot take it). */
  | 'refused'
  /** Still waiting to move when the run ended (no destination with room, or caps never freed). */
  | 'stuck';

/** What happened to one VM for one trigger event. */
export interface VmFate {
  vm: number;
  /** Index of the trigger event in the scenario's `events`. */
  event: number;
  reason: FateReason;
  action: 'migrate' | 'terminate';
  /** When the guest was told (the maintenance-event key changed), ms. */
  noticeAtMs: number;
  noticeMs: number;
  maintenanceEvent: MaintenanceEventValue;
  /** When the key went back to NONE (the move or restart is over), ms; null if it never did. */
  noticeClearedAtMs: number | null;
  /** When the VM was ready to move or stop (notice over), ms. */
  readyAtMs: number;
  outcome: FateOutcome;
  /** When the VM stopped occupying the host it had to leave, ms; null if it never did. */
  leftHostAtMs: number | null;
  /** Index into `migrations` of the attempt that completed or failed last; null if none. */
  migration: number | null;
  /** Why it was stopped: its policy, its host failing under it, or a live migration that gave up. */
  stopCause: 'policy' | 'host-failure' | 'migration-failed' | null;
  /** For terminations: when the VM stopped and when it ran again (null: not by the end). */
  stoppedAtMs: number | null;
  runningAgainAtMs: number | null;
  restartHost: number | null;
  /** Why it was refused, stuck or lost, in one sentence; null otherwise. */
  detail: string | null;
}

/** One live migration, enough to draw it and to open it in the lab (`migrationScenario`). */
export interface MigrationRecord {
  /** Its index in the trace's `migrations` (in the order they ended). */
  id: number;
  vm: number;
  customer: number;
  source: number;
  destination: number;
  /** Index of the trigger event it serves. */
  event: number;
  urgent: boolean;
  /** When it became ready to go (notice over) and when the scheduler started it, ms. */
  readyAtMs: number;
  startMs: number;
  precopyStartMs: number | null;
  blackoutStartMs: number | null;
  endMs: number;
  blackoutMs: number;
  bytes: number;
  iterations: number;
  converged: boolean;
  /** What ended pre-copy; `host-failed` when its source failed first, `destination-failed` for its destination. */
  stopReason: FlowStopReason | 'host-failed' | 'destination-failed';
  /** completed: the VM runs on the destination; aborted: still on the source; lost: its source failed. */
  outcome: 'completed' | 'aborted' | 'lost';
  /** The bandwidth the network granted it: [ms after start, Mbit/s], at most 64 steps. */
  rateSteps: RateSteps;
}

export type FleetLogEventKind =
  | 'trigger'
  | 'wave'
  | 'draining'
  | 'host-empty'
  | 'maintenance'
  | 'host-back'
  | 'host-failed'
  | 'host-off'
  | 'terminated'
  | 'restarted'
  | 'refused'
  | 'migration-failed'
  | 'vm-lost'
  | 'stuck';

export interface FleetLogEvent {
  tMs: number;
  kind: FleetLogEventKind;
  text: string;
  host?: number;
  vm?: number;
  event?: number;
}

/**
 * Every change of a host, in time order (parallel columns): what the host holds (resident VMs plus room
 * reserved for incoming ones), its state, and migrations out of and into it. Exact, for tests and replay.
 */
export interface HostChangeLog {
  tMs: Float64Array;
  host: Uint32Array;
  memoryMiB: Float64Array;
  vcpus: Float64Array;
  state: Uint8Array;
  outgoing: Uint16Array;
  incoming: Uint16Array;
}

/** The change log resampled at fixed times for drawing: rows are samples, columns hosts. */
export interface HostSamples {
  timesMs: Float64Array;
  hosts: number;
  /** Share of the host's memory held, 0..100 (may exceed the fill limit only where VMs started so). */
  memoryPct: Float32Array;
  state: Uint8Array;
  outgoing: Uint16Array;
  incoming: Uint16Array;
  /** Fleet-wide per sample: migrations under way and the bandwidth they use (Mbit/s). */
  activeMigrations: Uint32Array;
  migrationMbps: Float64Array;
}

export interface PeakConcurrent {
  fleet: number;
  perSourceHost: number;
  perDestinationHost: number;
  perCustomer: number;
}

export interface CapsInForce {
  platform: Platform;
  fleet: number;
  perSourceHost: number;
  perDestinationHost: number;
  perCustomer: number;
  rateLimitPerMin: number;
  faultDomain: FleetScenario['scheduler']['faultDomain'];
  fairness: FleetScenario['scheduler']['fairness'];
  placement: FleetScenario['scheduler']['placement'];
  maxFillPct: number;
  bandwidthPerMigrationMbps: number;
  downtimeLimitMs: number;
}

export interface FleetSummary {
  vms: number;
  hosts: number;
  racks: number;
  customers: number;
  /** VMs some trigger asked to move or stop. */
  affected: number;
  /** Live migrations that completed. */
  migrated: number;
  /** Terminations: by policy, after a failed migration, or by a host failure. */
  terminated: number;
  /** Terminated VMs running again by the end. */
  restarted: number;
  waitingForOperator: number;
  /** Live migrations that did not complete (aborted, or lost with their source). */
  failed: number;
  /** VMs lost when their host failed. */
  lost: number;
  refused: number;
  /** VMs that needed a host (to move to, or to restart on) and had none by the end. */
  unplaced: number;
  /** From the first trigger to the moment the last affected VM left the host it had to leave, ms. */
  evacuationMs: number;
  /** Whether every affected VM did leave. */
  evacuationComplete: boolean;
  /** From the first live migration's start to the last one's end, ms: the scheduler's part of the evacuation. */
  migrationSpanMs: number;
  totalBlackoutMs: number;
  medianBlackoutMs: number;
  p99BlackoutMs: number;
  maxBlackoutMs: number;
  /** Time terminated VMs spent down, until running again or the end of the run, ms. */
  totalOutageMs: number;
  bytesTransferred: number;
  meanMigrationMs: number;
  peakConcurrent: PeakConcurrent;
  caps: CapsInForce;
  /** Simulated time of the last thing that happened, ms. */
  endMs: number;
}

export interface FleetTrace {
  engineVersion: string;
  scenario: FleetScenario;
  layout: FleetLayout;
  fates: VmFate[];
  migrations: MigrationRecord[];
  events: FleetLogEvent[];
  hostLog: HostChangeLog;
  samples: HostSamples;
  /** Fleet-wide activity at every change (exact, unlike the samples): migrations under way, Mbit/s in use. */
  activity: { tMs: Float64Array; activeMigrations: Uint32Array; migrationMbps: Float64Array };
  /** Where each VM runs at the end (-1: stopped, waiting for an operator or for room). */
  finalHosts: Int32Array;
  summary: FleetSummary;
}
