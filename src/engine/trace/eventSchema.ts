import * as z from 'zod';
import { FAULT_KINDS, INTERVENTION_PATHS, STRATEGIES, WRITE_PATTERNS } from '../scenario/schema';
import type { FailureCode, StopRuleApplied } from './events';
import type { LifecycleStepKind, Outcome, StopReason } from './types';

/** Every value of a union type, checked both ways by the compiler: none missing, none extra. */
const all =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : 'a value is missing')): L =>
    list;

const FAILURE_CODES = all<FailureCode>()([
  'stream-timeout',
  'postcopy-unrecoverable',
  'destination-crash-before-commit',
  'destination-crash-after-takeover',
  'destination-crash-after-start-token',
  'source-crash-running',
  'source-crash-postcopy',
  'source-crash-blackout',
  'refused',
]);
const STOP_REASONS = all<StopReason>()([
  'converged',
  'dirty-set-small',
  'max-iterations',
  'sent-factor',
  'no-progress',
  'little-left',
  'rate-above-max',
  'timeout',
  'simulation-limit',
  'never-converges',
  'postcopy-switch',
  'not-iterative',
  'refused',
  'fault',
  'offline-move',
]);
const STOP_RULES = all<StopRuleApplied>()([
  'threshold',
  'nothing-left',
  'round-cap',
  'timeout',
  'small-set',
  'last-live-round',
  'last-live-round-sent',
  'sent-factor',
  'no-progress',
  'fits',
  'never-converges',
  'little-left',
  'rate-limit',
]);
const OUTCOMES = all<Outcome>()(['completed', 'aborted', 'failed', 'unfinished']);
const STEPS = all<LifecycleStepKind>()([
  'allocate',
  'validate',
  'copy',
  'blackout',
  'redirect',
  'resume',
  'delete-source',
]);

const num = z.number().refine(Number.isFinite, 'expected a finite number');
const opt = num.optional();
const reasons = z.array(z.string());
const ev = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ tMs: num, kind: z.literal(kind), ...shape });

/**
 * A saved trace's events, each checked for the fields its kind carries, so a hand-edited file cannot give
 * the app an event it would word with missing figures. Mirrors TraceEvent (./events.ts).
 */
export const traceEventSchema = z.discriminatedUnion(
  'kind',
  [
    ev('start', { strategy: z.enum(STRATEGIES), memoryMiB: num, linkMbps: num }),
    ev('allocated', { memoryMiB: num, vcpus: num }),
    ev('validated', {
      result: z.enum(['compatible', 'paravirtual', 'offline']),
      reasons,
      response: z.enum(['drain-checkpoint', 'terminate-restart']).nullable(),
    }),
    ev('refused', { stage: z.enum(['allocation', 'compatibility', 'not live-migratable']), reasons }),
    ev('setup-done', {}),
    ev('disk-copied', { diskBytes: num }),
    ev('sync', {
      round: num,
      pages: num,
      bytes: num,
      carriedPages: num,
      newPages: num,
      nextRound: num.nullable(),
    }),
    ev('throttle', { throttlePct: num }),
    ev('rogue-stunned', { dirtyPages: num, previousDirtyPages: num }),
    ev('intervention', {
      path: z.enum(INTERVENTION_PATHS),
      value: z.union([num, z.boolean(), z.enum(WRITE_PATTERNS)]),
    }),
    ev('workload-phase', { writeRateMiBps: opt, wssMiB: opt, pattern: z.enum(WRITE_PATTERNS).optional() }),
    ev('stop-decision', {
      rule: z.enum(STOP_RULES),
      pendingBytes: num,
      pendingPages: num,
      thresholdBytes: opt,
      estimateMbps: opt,
      downtimeLimitMs: opt,
      maxIterations: opt,
      timeoutS: opt,
      targetPages: opt,
      sentFactor: opt,
      maxSentFactor: opt,
      shrankBytes: opt,
      noProgressMiB: opt,
      maxMbps: opt,
    }),
    ev('fast-forward', { firstRound: num, lastRound: num, durationMs: num, bytes: num }),
    ev('simulation-limit', { limitMs: num, phase: z.string() }),
    ev('paused', { how: z.enum(['blackout', 'shutdown']) }),
    ev('commit', { how: z.enum(['precopy', 'postcopy']) }),
    ev('switchover', {}),
    ev('resumed', { host: z.enum(['destination', 'source']), how: z.enum(['live', 'boot']) }),
    ev('postcopy-done', {}),
    ev('aborted', { reason: z.enum(STOP_REASONS), cause: z.enum(FAILURE_CODES).nullable() }),
    ev('done', { outcome: z.enum(OUTCOMES) }),
    ev('fault', {
      fault: z.enum(FAULT_KINDS),
      factorPct: opt,
      linkMbps: opt,
      durationMs: opt,
      effect: z.enum(['final-copy-complete', 'after-commit-harmless', 'residual-dependencies-cut']).optional(),
    }),
    ev('vm-lost', { cause: z.enum(FAILURE_CODES) }),
    ev('postcopy-paused', { recoveryMs: num }),
    ev('postcopy-recovered', { pausedMs: num }),
    ev('offline', { how: z.literal('drained') }),
    ev('lifecycle', { step: z.enum(STEPS) }),
    ev('record-pass', { pass: num }),
    ev('record-status', {
      status: z.enum(['setup', 'active', 'postcopy-active', 'completed', 'cancelled', 'failed', 'resumed']),
    }),
    ev('record-command', { command: z.enum(['migrate-start-postcopy', 'migrate_cancel']) }),
    ev('record-parameters', { parameters: z.record(z.string(), z.unknown()) }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'not a kind of event this Brownout knows' : undefined) },
);
