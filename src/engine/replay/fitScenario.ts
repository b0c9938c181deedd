import type { InterventionPath, Scenario, ScenarioInput } from '../scenario/schema';
import { setField } from '../scenario/setField';
import { parseScenario } from '../scenario/validate';
import { BYTES_PER_MIB, bytesToMiB } from '../units';
import {
  QEMU_DEFAULT_DOWNTIME_LIMIT_MS,
  QEMU_DEFAULT_MAX_BANDWIDTH,
  QEMU_DEFAULT_XBZRLE_CACHE,
  RECORDING_MACHINE,
} from './calibration';
import { estimateDirtyRate, type DirtyRateEstimate } from './dirtyRate';
import { usedPages, wentPostcopy } from './measure';
import type { QmpRecord } from './qmp';

/** What the user knows that the record does not: scenario fields by dotted path (`workload.wssMiB`). */
export type FitOverrides = Record<string, string | number | boolean>;

export type FitScenarioResult =
  { ok: true; scenario: Scenario; estimate: DirtyRateEstimate; notes: string[] } | { ok: false; problems: string[] };

const toMbps = (bytesPerSec: number) => (bytesPerSec * 8) / 1e6;
const UNMODELLED = ['dirty-limit', 'multifd', 'compress', 'x-colo', 'mapped-ram', 'background-snapshot'];

/** Typed values of the overrides, read the way `--set` reads them. */
function readOverrides(overrides: FitOverrides): { values: Record<string, unknown>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [path, v] of Object.entries(overrides)) {
    const problem = setField(values, path, String(v));
    if (problem) problems.push(problem);
  }
  return { values, problems };
}

const valueAt = (o: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

/**
 * The scenario a record describes: memory, used memory (from the zero pages), bandwidth cap, downtime
 * limit, capabilities and parameter changes come from the record; the guest's writing from its syncs; the
 * machines' speeds from the recording calibration. Under the qemu profile. Overrides win over all of it.
 */
export function fitScenario(record: QmpRecord, overrides: FitOverrides = {}): FitScenarioResult {
  const { values, problems } = readOverrides(overrides);
  if (problems.length) return { ok: false, problems };
  const notes: string[] = [];
  const page = record.pageSizeBytes;
  const given = (path: string) => valueAt(values, path) as number | undefined;
  const used = usedPages(record);
  const wssMiB = given('workload.wssMiB');
  const rateMiBps = given('workload.writeRateMiBps');
  const speedPct = given('precopy.throttledSpeedPct') ?? 85;
  const estimate = estimateDirtyRate(record, {
    usedPages: used,
    wssPages: typeof wssMiB === 'number' ? (wssMiB * BYTES_PER_MIB) / page : undefined,
    writesPerSec: typeof rateMiBps === 'number' ? (rateMiBps * BYTES_PER_MIB) / page : undefined,
    throttledSpeed: typeof speedPct === 'number' ? speedPct / 100 : 0.85,
  });
  notes.push(estimate.note);

  const memoryMiB = Math.max(64, Math.round(bytesToMiB(record.guestRamBytes)));
  if (bytesToMiB(record.guestRamBytes) < 64) notes.push('the guest has less than 64 MiB: simulated as 64 MiB');
  const usedMiB = Math.min(memoryMiB, bytesToMiB(used * page));
  const p = record.parameters;
  const caps = new Set(record.capabilities);
  for (const c of UNMODELLED) if (caps.has(c)) notes.push(`capability ${c} is on, which the engine does not model`);
  const capBytes = p.maxBandwidthBytesPerSec ?? QEMU_DEFAULT_MAX_BANDWIDTH;
  const postcopy = wentPostcopy(record);
  const endedEarly = record.endStatus !== 'completed';
  const stopAtMs = record.cancelRequestedAtMs ?? record.endAtMs ?? record.last.tMs;
  if (record.endStatus === null) notes.push('the record stops while the migration still runs: simulated until then');
  const m = RECORDING_MACHINE;
  const input: ScenarioInput & Record<string, unknown> = {
    name: 'Fitted to a QEMU record',
    profile: 'qemu',
    strategy: postcopy ? 'hybrid' : 'precopy',
    vm: { memoryMiB, usedMiB, vcpus: m.vcpus, deviceStateKiB: 0, pageKiB: 4 },
    workload: {
      preset: 'custom',
      pattern: 'uniform',
      writeRateMiBps: Math.min(100_000, (estimate.writesPerSec * page) / BYTES_PER_MIB),
      wssMiB: Math.min(memoryMiB, (estimate.wssPages * page) / BYTES_PER_MIB),
      readsPerWrite: m.readsPerWrite,
    },
    network: { linkMbps: m.linkMbps, capMbps: Math.min(400_000, toMbps(capBytes)), rttMs: m.rttMs },
    precopy: {
      stopRule: 'qemu',
      maxIterations: 0,
      downtimeLimitMs: Math.max(1, p.downtimeLimitMs ?? QEMU_DEFAULT_DOWNTIME_LIMIT_MS),
      autoConverge: caps.has('auto-converge'),
      xbzrle: caps.has('xbzrle'),
      xbzrleCacheMiB: Math.max(1, bytesToMiB(p.xbzrleCacheBytes ?? QEMU_DEFAULT_XBZRLE_CACHE)),
      ...(p.cpuThrottleInitialPct !== undefined ? { throttleInitialPct: p.cpuThrottleInitialPct } : {}),
      ...(p.cpuThrottleIncrementPct !== undefined ? { throttleIncrementPct: p.cpuThrottleIncrementPct } : {}),
      ...(p.maxCpuThrottlePct !== undefined ? { throttleMaxPct: p.maxCpuThrottlePct } : {}),
      ...(p.throttleTriggerPct !== undefined ? { throttleTriggerPct: p.throttleTriggerPct } : {}),
      ...(endedEarly && !postcopy
        ? { timeoutS: Math.max(0.001, stopAtMs / 1000), onNoConvergence: 'abort' as const }
        : {}),
    },
    postcopy: {
      preempt: caps.has('postcopy-preempt'),
      capMbps: Math.min(400_000, toMbps(p.maxPostcopyBandwidthBytesPerSec ?? 0)),
      queueKiB: m.postcopyQueueKiB,
      placeUs: m.postcopyPlaceUs,
    },
    hybrid: postcopy ? { switchAtMs: Math.max(0.001, record.postcopyRequestedAtMs ?? record.postcopyAtMs!) } : {},
    host: {
      sendMiBps: m.copyMiBps,
      receiveMiBps: m.copyMiBps,
      switchoverMs: m.switchoverMs,
      allocateMs: 0,
      validateMs: 0,
    },
    interventions: interventionsOf(record),
  };
  for (const [path, v] of Object.entries(overrides)) {
    const problem = setField(input, path, String(v));
    if (problem) return { ok: false, problems: [problem] };
  }
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((x) => x.message) };
  return { ok: true, scenario: parsed.scenario, estimate, notes };
}

/** Parameters changed while the migration ran, as interventions at the time they were sent. */
function interventionsOf(record: QmpRecord): ScenarioInput['interventions'] {
  const out: { atMs: number; path: InterventionPath; value: number }[] = [];
  for (const c of record.parameterChanges) {
    if (c.parameters.downtimeLimitMs !== undefined)
      out.push({ atMs: c.tMs, path: 'precopy.downtimeLimitMs', value: Math.max(1, c.parameters.downtimeLimitMs) });
    if (c.parameters.maxBandwidthBytesPerSec !== undefined)
      out.push({
        atMs: c.tMs,
        path: 'network.capMbps',
        value: Math.min(400_000, toMbps(c.parameters.maxBandwidthBytesPerSec)),
      });
  }
  return out.slice(0, 64);
}
