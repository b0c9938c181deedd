import type { FaultKind, InterventionPath, Strategy, WritePattern } from '../scenario/schema';
import type { LifecycleStepKind, Outcome, StopReason } from './types';

/**
 * What went wrong, as a code: the UI words each one (src/ui/text/eventText.ts); the summary keeps an
 * English sentence beside it for the CLI.
 */
export type FailureCode =
  /** Pre-copy: the stream carried nothing for longer than the keepalive timeout. */
  | 'stream-timeout'
  /** Post-copy: the link stayed down longer than the scenario's recovery limit. */
  | 'postcopy-unrecoverable'
  | 'destination-crash-before-commit'
  | 'destination-crash-after-takeover'
  /** A TDX destination crashed after the start token: the source TD needs its abort token to resume. */
  | 'destination-crash-after-start-token'
  | 'source-crash-running'
  | 'source-crash-postcopy'
  | 'source-crash-blackout'
  | 'refused';

/** What the stop rule saw when it decided (every figure is optional: each rule uses its own). */
export type StopRuleApplied =
  /** QEMU: the exact remaining bytes after a sync fell under the threshold. */
  | 'threshold'
  /** Nothing was left to send. */
  | 'nothing-left'
  | 'round-cap'
  | 'timeout'
  /** Xen: fewer pages dirty than the target. */
  | 'small-set'
  /** Xen: fewer pages dirty than the target, so one more live round and then stop. */
  | 'last-live-round'
  /** Xen: that last live round has been sent. */
  | 'last-live-round-sent'
  | 'sent-factor'
  | 'no-progress'
  /** no-progress rule: the dirty set fits in bandwidth x downtime limit. */
  | 'fits'
  /** The dirty set is pinned above the threshold and nothing will ever end pre-copy. */
  | 'never-converges'
  /** Dynamic rate limiting (Xen 2005): less than 256 KiB left. */
  | 'little-left'
  /** Dynamic rate limiting: keeping up would take more than the maximum rate. */
  | 'rate-limit';

/** Fields every event has. */
interface At {
  tMs: number;
}

/**
 * One thing that happened in a run, as data: a kind, a time and the figures that go with it. Plain JSON
 * (no class instances, no typed arrays), so a trace serialises as it is. Sentences are the UI's business.
 */
export type TraceEvent = At &
  (
    | { kind: 'start'; strategy: Strategy; memoryMiB: number; linkMbps: number }
    | { kind: 'allocated'; memoryMiB: number; vcpus: number }
    | {
        kind: 'validated';
        /** compatible: nothing stands in the way; paravirtual: passthrough state swapped; offline: moved another way. */
        result: 'compatible' | 'paravirtual' | 'offline';
        reasons: string[];
        response: 'drain-checkpoint' | 'terminate-restart' | null;
      }
    | { kind: 'refused'; stage: 'allocation' | 'compatibility' | 'not live-migratable'; reasons: string[] }
    | { kind: 'setup-done' }
    | { kind: 'disk-copied'; diskBytes: number }
    | {
        kind: 'sync';
        /** The round this sync ends. */
        round: number;
        /** Pages marked for sending right after the sync, and their bytes at the page size. */
        pages: number;
        bytes: number;
        /** Of those, pages the round had not reached (carried over) and pages newly marked from the log. */
        carriedPages: number;
        newPages: number;
        /** The round the marked pages go to; null when pre-copy ends here (the blackout or post-copy takes them). */
        nextRound: number | null;
      }
    | { kind: 'throttle'; throttlePct: number }
    | { kind: 'rogue-stunned'; dirtyPages: number; previousDirtyPages: number }
    | { kind: 'intervention'; path: InterventionPath; value: number | boolean | WritePattern }
    | {
        kind: 'workload-phase';
        writeRateMiBps?: number;
        wssMiB?: number;
        pattern?: WritePattern;
      }
    | {
        kind: 'stop-decision';
        rule: StopRuleApplied;
        /** Bytes still marked for sending when the rule was applied. */
        pendingBytes: number;
        pendingPages: number;
        thresholdBytes?: number;
        estimateMbps?: number;
        downtimeLimitMs?: number;
        maxIterations?: number;
        timeoutS?: number;
        targetPages?: number;
        sentFactor?: number;
        maxSentFactor?: number;
        shrankBytes?: number;
        noProgressMiB?: number;
        /** Dynamic rate limiting: the maximum rate, which the final copy runs at. */
        maxMbps?: number;
      }
    | {
        kind: 'fast-forward';
        /** Rounds computed from the steady state instead of simulated page by page: firstRound..lastRound. */
        firstRound: number;
        lastRound: number;
        durationMs: number;
        bytes: number;
      }
    | { kind: 'simulation-limit'; limitMs: number; phase: string }
    | { kind: 'paused'; how: 'blackout' | 'shutdown' }
    | { kind: 'commit'; how: 'precopy' | 'postcopy' }
    | { kind: 'switchover' }
    | { kind: 'resumed'; host: 'destination' | 'source'; how: 'live' | 'boot' }
    | { kind: 'postcopy-done' }
    | { kind: 'aborted'; reason: StopReason; cause: FailureCode | null }
    | { kind: 'done'; outcome: Outcome }
    | {
        kind: 'fault';
        fault: FaultKind;
        /** link-degradation: the share kept and the speed that leaves. */
        factorPct?: number;
        linkMbps?: number;
        /** network-drop: how long the link carries nothing. */
        durationMs?: number;
        /** What the fault meant at that moment, when it changed nothing or nothing yet. */
        effect?: 'final-copy-complete' | 'after-commit-harmless' | 'residual-dependencies-cut';
      }
    | { kind: 'vm-lost'; cause: FailureCode }
    | { kind: 'postcopy-paused'; recoveryMs: number }
    | { kind: 'postcopy-recovered'; pausedMs: number }
    | { kind: 'offline'; how: 'drained' }
    | { kind: 'lifecycle'; step: LifecycleStepKind }
    /** A replayed QEMU record: a MIGRATION_PASS event (QEMU's dirty-sync-count). */
    | { kind: 'record-pass'; pass: number }
    /** A replayed QEMU record: a MIGRATION status change, or the VM running again (RESUME). */
    | {
        kind: 'record-status';
        status: 'setup' | 'active' | 'postcopy-active' | 'completed' | 'cancelled' | 'failed' | 'resumed';
      }
    /** A replayed QEMU record: the operator's command. */
    | { kind: 'record-command'; command: 'migrate-start-postcopy' | 'migrate_cancel' }
    /** A replayed QEMU record: migrate-set-parameters during the migration. */
    | { kind: 'record-parameters'; parameters: Record<string, unknown> }
  );

export type EventKind = TraceEvent['kind'];

/** The event of one kind, for code that builds or reads it. */
export type EventOf<K extends EventKind> = Extract<TraceEvent, { kind: K }>;

/** Distributes Omit over the union, so each event keeps its own fields. */
export type EventBody = TraceEvent extends infer E ? (E extends At ? Omit<E, 'tMs'> : never) : never;

/** How a phase controller reports an event: the body; the run adds the time (now, unless `atMs` says when). */
export type Emit = (event: EventBody, atMs?: number) => void;
