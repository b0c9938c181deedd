import { TRACE_FORMAT, type LifecycleStep, type Phase, type Round, type Summary, type Trace } from '../trace/types';
import { TRACE_FORMAT_VERSION } from '../trace/versions';
import { bytesPerMsToMbps } from '../units';
import { ENGINE_VERSION } from '../version';
import { fitScenario } from './fitScenario';
import { measuredFigures, recordPages, wentPostcopy } from './measure';
import { parseQmp, type QmpProblem, type QmpRecord } from './qmp';
import { recordEvents, recordPhases, recordSamples } from './replayTimeline';
import { syncIntervals, syncTimes } from './syncs';

/**
 * A record has no per-page data: its trace has no heatmap section, and `origin.unrecorded` lists it with
 * every figure QEMU does not report.
 */
export const RECORD_HAS_NO_HEATMAP = 'heatmap';
/** Figures a QMP record does not hold; they are NaN in a replayed trace. */
export const UNRECORDED = [
  RECORD_HAS_NO_HEATMAP,
  'samples.vmSpeedPct',
  'rounds.writes',
  'rounds.writeRatePagesPerSec',
  // A round the record never saw the next sync of (the last one) has no count of pages dirtied during it.
  'rounds.newlyDirtiedPages',
  'rounds.carriedPages',
  'summary.faultStallMs',
  'summary.vmLostSeconds',
  'summary.linkSharePct',
  'summary.othersStarvedPct',
  'summary.sourceBusySeconds',
  'summary.blackoutCopyMs',
  'summary.deviceBytes',
  'summary.linkCapacityBytes',
  'summary.othersWantedBytes',
  'summary.othersGotBytes',
  'summary.vmLost',
  'summary.simulationLimitMs',
  'rounds.estimateWindowBytes',
  'rounds.estimateWindowMs',
];

export type ImportResult = { trace: Trace; record: QmpRecord } | { error: QmpProblem };

/**
 * Opens a QEMU QMP transcript as a run the app shows like a simulated one: phases, rounds from
 * dirty-sync-count, samples, events and a summary read from the record (its scenario is the fitted one).
 * Bad input gives the line and field at fault; never throws.
 */
export function importQmp(text: string): ImportResult {
  const parsed = parseQmp(text);
  if (!parsed.ok) return { error: parsed.error };
  const record = parsed.record;
  const fitted = fitScenario(record);
  if (!fitted.ok)
    return {
      error: {
        line: null,
        field: null,
        message: `the record is beyond what the lab simulates: ${fitted.problems.join('; ')}`,
      },
    };
  const phases = recordPhases(record);
  const endMs = phases[phases.length - 1].endMs;
  const rounds = recordRounds(record, phases);
  const summary = recordSummary(record, phases, rounds);
  const trace: Trace = {
    format: TRACE_FORMAT,
    formatVersion: TRACE_FORMAT_VERSION,
    engineVersion: ENGINE_VERSION,
    origin: { kind: 'qemu-record', lines: record.lines, unrecorded: UNRECORDED },
    scenario: fitted.scenario,
    summary,
    phases,
    lifecycle: recordLifecycle(summary, phases),
    rounds,
    events: recordEvents(record, endMs),
    samples: recordSamples(record, phases),
  };
  return { trace, record };
}

/** The record's counters where a round begins or ends. */
interface Boundary {
  tMs: number;
  pages: number;
  zeroPages: number;
  bytes: number;
  /** Pages marked for sending right after it. */
  dirty: number;
}

/** Rounds from dirty-sync-count: each runs from one sync to the next; the last ends at the pause. */
function recordRounds(r: QmpRecord, phases: Phase[]): Round[] {
  const count = measuredFigures(r).iterations;
  const times = syncTimes(r);
  const stop = phases.find((p) => p.kind === 'precopy')?.endMs ?? 0;
  const bySync = new Map(syncIntervals(r).map((x) => [x.sync, x]));
  const page = r.pageSizeBytes;
  const end = r.final ?? r.last;
  const capMbps = ((r.parameters.maxBandwidthBytesPerSec ?? 134_217_728) * 8) / 1e6;
  const limitMs = r.parameters.downtimeLimitMs ?? 300;
  const lastLive = [...r.samples].reverse().find((x) => x.status === 'active') ?? end;
  const pagesOf = (x: QmpRecord['samples'][number]) => x.ram.normal + x.ram.duplicate + (x.xbzrle?.pages ?? 0);
  // Where pre-copy stopped: the bytes sent while the VM ran; the pages the blackout or post-copy still took.
  const stopped: Boundary = r.final
    ? {
        tMs: stop,
        pages: pagesOf(lastLive),
        zeroPages: lastLive.ram.duplicate,
        bytes: r.final.ram.precopyBytes || lastLive.ram.transferred,
        dirty: 0,
      }
    : {
        tMs: stop,
        pages: pagesOf(end),
        zeroPages: end.ram.duplicate,
        bytes: end.ram.transferred,
        dirty: end.ram.remaining / page,
      };
  const boundary = (k: number): Boundary => {
    if (k === 1) return { tMs: Math.min(stop, times[1] ?? 0), pages: 0, zeroPages: 0, bytes: 0, dirty: recordPages(r) };
    const x = bySync.get(k);
    const tMs = Math.min(stop, times[k] ?? stop);
    if (x)
      return {
        tMs,
        pages: x.pagesAtSync,
        zeroPages: x.zeroPagesAtSync,
        bytes: x.bytesAtSync,
        dirty: x.unsentPages + x.newPages,
      };
    const after = r.samples.find((s) => s.tMs >= tMs && s.status === 'active') ?? lastLive;
    return {
      tMs,
      pages: pagesOf(after),
      zeroPages: after.ram.duplicate,
      bytes: after.ram.transferred,
      dirty: after.ram.remaining / page,
    };
  };
  const rounds: Round[] = [];
  for (let i = 1; i <= count; i++) {
    const a = boundary(i);
    const b = i < count ? boundary(i + 1) : stopped;
    const sample = r.samples.find((x) => x.tMs >= b.tMs) ?? r.last;
    const ms = b.tMs - a.tMs;
    const bytesSent = Math.max(0, b.bytes - a.bytes);
    rounds.push({
      index: i,
      startMs: a.tMs,
      endMs: b.tMs,
      pagesSent: Math.max(0, Math.round(b.pages - a.pages)),
      zeroPagesSent: Math.max(0, Math.round(b.zeroPages - a.zeroPages)),
      bytesSent,
      dirtyPagesAtStart: Math.round(a.dirty),
      dirtyPagesAtEnd: Math.round(
        i < count ? b.dirty : Math.max(0, (end.ram.downtimeBytes + end.ram.postcopyBytes) / (page + 8)),
      ),
      writes: Number.NaN,
      newlyDirtiedPages: bySync.has(i + 1) ? Math.round(bySync.get(i + 1)!.newPages) : Number.NaN,
      carriedPages: bySync.has(i + 1) ? Math.round(bySync.get(i + 1)!.unsentPages) : Number.NaN,
      end: i < count ? 'sync' : 'stop',
      estimateWindowBytes: Number.NaN,
      estimateWindowMs: Number.NaN,
      downtimeLimitMs: limitMs,
      bandwidthMbps: ms > 0 ? bytesPerMsToMbps(bytesSent / ms) : 0,
      thresholdBytes: ((sample.ram.mbps * 1e6) / 8 / 1000) * limitMs,
      estimateMbps: sample.ram.mbps,
      capMbps,
      throttlePct: sample.throttlePct,
      writeRatePagesPerSec: Number.NaN,
    });
  }
  return rounds;
}

const lengthOf = (phases: Phase[], kind: Phase['kind']) =>
  phases.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.endMs - p.startMs, 0);

function recordSummary(r: QmpRecord, phases: Phase[], rounds: Round[]): Summary {
  const m = measuredFigures(r);
  const end = r.final ?? r.last;
  const postcopy = wentPostcopy(r);
  const blackout = phases.find((p) => p.kind === 'blackout');
  const completed = m.outcome === 'completed';
  return {
    strategy: postcopy ? 'hybrid' : 'precopy',
    stopRule: 'qemu',
    outcome: m.outcome,
    converged: m.converged,
    stopReason: completed
      ? postcopy
        ? 'postcopy-switch'
        : 'converged'
      : r.endStatus === 'failed'
        ? 'fault'
        : 'timeout',
    iterations: m.iterations,
    dirtySyncCount: end.ram.dirtySyncCount,
    downtimeMs: m.downtimeMs,
    totalTimeMs: m.totalTimeMs,
    migrateStartMs: 0,
    setupTimeMs: end.setupTimeMs ?? lengthOf(phases, 'setup'),
    bytesTransferred: m.bytesTransferred,
    memoryBytes: r.guestRamBytes,
    memoryMultiple: m.bytesTransferred / r.guestRamBytes,
    precopyBytes: end.ram.precopyBytes,
    downtimeBytes: end.ram.downtimeBytes,
    postcopyBytes: end.ram.postcopyBytes,
    normalPages: end.ram.normal,
    zeroPages: end.ram.duplicate,
    rounds,
    pausedAtMs: blackout?.startMs ?? null,
    resumedAtMs: completed ? (blackout?.endMs ?? null) : null,
    dependencyWindowMs: lengthOf(phases, 'postcopy'),
    postcopyFaults: end.ram.postcopyRequests,
    xbzrle: end.xbzrle
      ? {
          pages: end.xbzrle.pages,
          bytes: end.xbzrle.bytes,
          cacheMisses: end.xbzrle.cacheMiss,
          overflows: end.xbzrle.overflow,
        }
      : null,
    faultStallMs: end.postcopyBlocktimeMs ?? Number.NaN,
    maxThrottlePct: Math.max(0, ...r.samples.map((s) => s.throttlePct)),
    vmLostSeconds: Number.NaN,
    linkSharePct: Number.NaN,
    othersStarvedPct: Number.NaN,
    sourceBusySeconds: Number.NaN,
    expectedDowntimeMs: [...r.samples].reverse().find((s) => s.expectedDowntimeMs !== null)?.expectedDowntimeMs ?? 0,
    blackoutCopyMs: Number.NaN,
    blackout: null,
    wire: { normalBytes: r.pageSizeBytes + 8, zeroBytes: 9 },
    deviceBytes: Number.NaN,
    linkCapacityBytes: Number.NaN,
    othersWantedBytes: Number.NaN,
    othersGotBytes: Number.NaN,
    vmLost: {
      pausedMs: Number.NaN,
      throttleMs: Number.NaN,
      trackingMs: Number.NaN,
      stunMs: Number.NaN,
      stallMs: Number.NaN,
      drainMs: Number.NaN,
    },
    fastForward: null,
    simulationLimitMs: Number.NaN,
    failureCode: null,
    vmLocation: completed ? 'destination' : m.outcome === 'failed' ? 'lost' : 'source',
    failure: completed
      ? null
      : (end.errorDesc ??
        (r.endStatus === 'cancelled'
          ? 'cancelled by the operator'
          : r.endStatus === null
            ? 'the record ends while the migration still runs'
            : 'the migration failed')),
    refusals: [],
    residualDependencies: [],
    sourceDeletable: completed,
    lifecycleEndMs: m.totalTimeMs,
    clockJumpMs: m.downtimeMs,
    unreachableMs: m.downtimeMs,
    diskBytes: 0,
    stateLost: m.outcome === 'failed' ? 'in-memory state' : 'nothing',
    guestCooperation: false,
  };
}

/** The seven steps as far as a QEMU record shows them: the management layer's own steps are not in it. */
function recordLifecycle(s: Summary, phases: Phase[]): LifecycleStep[] {
  const end = s.totalTimeMs;
  const setupEnd = phases[0].endMs;
  const notRecorded = 'not in a QEMU record: the management layer does it around the migrate command';
  const step = (
    kind: LifecycleStep['step'],
    label: string,
    startMs: number,
    endMs: number,
    status: LifecycleStep['status'],
    detail: string,
  ): LifecycleStep => ({ step: kind, label, startMs, endMs: Math.max(startMs, endMs), status, detail });
  const paused = s.pausedAtMs ?? end;
  const resumed = s.resumedAtMs;
  return [
    step('allocate', 'Allocate at the destination', 0, 0, 'skipped', notRecorded),
    step('validate', 'Validate compatibility', 0, 0, 'skipped', notRecorded),
    step(
      'copy',
      'Iterative copy (brownout)',
      setupEnd,
      paused,
      s.outcome === 'completed' ? 'done' : 'failed',
      s.outcome === 'completed' ? `${s.iterations} rounds while the VM ran` : (s.failure ?? 'stopped'),
    ),
    s.pausedAtMs === null
      ? step('blackout', 'Stop-and-copy (blackout) and commit', end, end, 'skipped', 'not reached')
      : step(
          'blackout',
          'Stop-and-copy (blackout) and commit',
          paused,
          resumed ?? end,
          'done',
          `VM stopped for ${s.downtimeMs} ms (QEMU's downtime)`,
        ),
    step('redirect', 'Redirect the network', resumed ?? end, resumed ?? end, 'skipped', notRecorded),
    resumed === null
      ? step('resume', 'Resume on the target (target brownout)', end, end, 'skipped', 'not reached')
      : step(
          'resume',
          'Resume on the target (target brownout)',
          resumed,
          end,
          'done',
          s.dependencyWindowMs > 0
            ? 'running on the destination while post-copy pulls the rest'
            : 'running on the destination',
        ),
    step('delete-source', 'Delete the source', end, end, 'skipped', notRecorded),
  ];
}
