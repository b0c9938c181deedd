import {
  PHASE_CODES,
  SAMPLE_COLUMNS,
  type Phase,
  type SampleColumn,
  type Samples,
  type TraceEvent,
} from '../trace/types';
import { bytesPerMsToMbps } from '../units';
import { measuredFigures, wentPostcopy } from './measure';
import type { QmpRecord, QmpSample } from './qmp';

/** The record's phases on QEMU's clock (0 = the migrate command), ending at its total time. */
export function recordPhases(r: QmpRecord): Phase[] {
  const m = measuredFigures(r);
  const end = Math.max(m.totalTimeMs, 0);
  const active = Math.min(end, Math.max(0, r.activeAtMs ?? r.samples[0].setupTimeMs ?? 0));
  const phases: Phase[] = [{ kind: 'setup', startMs: 0, endMs: active }];
  if (m.outcome !== 'completed') {
    phases.push({ kind: 'precopy', startMs: active, endMs: end });
    return phases;
  }
  if (wentPostcopy(r)) {
    const switchAt = Math.min(end, Math.max(active, r.postcopyAtMs!));
    const resumed = Math.min(end, switchAt + m.downtimeMs);
    phases.push(
      { kind: 'precopy', startMs: active, endMs: switchAt },
      { kind: 'blackout', startMs: switchAt, endMs: resumed },
      { kind: 'postcopy', startMs: resumed, endMs: end },
    );
    return phases;
  }
  // QEMU's own figures: the blackout is the last `downtime` ms of its total time.
  const paused = Math.max(active, end - m.downtimeMs);
  phases.push({ kind: 'precopy', startMs: active, endMs: paused }, { kind: 'blackout', startMs: paused, endMs: end });
  return phases;
}

const phaseAt = (phases: Phase[], tMs: number): number => {
  const p = phases.find((x) => tMs >= x.startMs && tMs < x.endMs) ?? phases[phases.length - 1];
  return tMs >= phases[phases.length - 1].endMs ? PHASE_CODES.done : PHASE_CODES[p.kind];
};

/** The samples the chart draws: the replies up to the end, one at the start and one at the end. */
function chartPoints(r: QmpRecord, endMs: number): { tMs: number; s: QmpSample | null }[] {
  const points: { tMs: number; s: QmpSample | null }[] = [{ tMs: 0, s: null }];
  for (const s of r.samples) {
    if (s.tMs <= 0) continue;
    if (s.tMs >= endMs) break;
    points.push({ tMs: s.tMs, s });
  }
  points.push({ tMs: endMs, s: r.final ?? r.last });
  return points;
}

/** The record's replies as the trace's sample columns; what QEMU does not report is NaN. */
export function recordSamples(r: QmpRecord, phases: Phase[]): Samples {
  const end = phases[phases.length - 1].endMs;
  const points = chartPoints(r, end);
  const n = points.length;
  const columns = {} as Record<SampleColumn, Float64Array>;
  for (const c of SAMPLE_COLUMNS) columns[c] = new Float64Array(n);
  const page = r.pageSizeBytes;
  points.forEach(({ tMs, s }, i) => {
    const remaining = s ? (s.status === 'completed' ? 0 : s.ram.remaining) : r.guestRamBytes;
    columns.tMs[i] = tMs;
    columns.remainingBytes[i] = remaining;
    columns.dirtyPages[i] = remaining / page;
    columns.transferredBytes[i] = s ? s.ram.transferred : 0;
    columns.throttlePct[i] = s ? s.throttlePct : 0;
    columns.expectedDowntimeMs[i] = s?.expectedDowntimeMs ?? 0;
    columns.vmSpeedPct[i] = Number.NaN;
    columns.phase[i] = phaseAt(phases, tMs);
    if (i === 0) return;
    const prev = points[i - 1];
    const dt = tMs - prev.tMs;
    const sentBytes = columns.transferredBytes[i] - columns.transferredBytes[i - 1];
    columns.bandwidthMbps[i] = dt > 0 ? bytesPerMsToMbps(sentBytes / dt) : 0;
    const requests = (s?.ram.postcopyRequests ?? 0) - (prev.s?.ram.postcopyRequests ?? 0);
    columns.faultsPerSec[i] = dt > 0 ? (requests * 1000) / dt : 0;
  });
  const gaps = points
    .slice(1)
    .map((p, i) => p.tMs - points[i].tMs)
    .sort((a, b) => a - b);
  return { stepMs: gaps[Math.floor(gaps.length / 2)] ?? 0, columns };
}

/** QEMU's events and the operator's commands, as event data (the app words them). */
export function recordEvents(r: QmpRecord, endMs: number): TraceEvent[] {
  const out: TraceEvent[] = [];
  const at = (t: number) => Math.min(Math.max(0, t), endMs);
  for (const e of r.events) {
    const tMs = at(e.tMs);
    if (e.event === 'MIGRATION_PASS' && e.pass !== null) out.push({ tMs, kind: 'record-pass', pass: e.pass });
    else if (e.event === 'STOP') out.push({ tMs, kind: 'paused', how: 'blackout' });
    else if (e.event === 'RESUME') out.push({ tMs, kind: 'record-status', status: 'resumed' });
    else if (
      e.status === 'setup' ||
      e.status === 'active' ||
      e.status === 'postcopy-active' ||
      e.status === 'completed' ||
      e.status === 'cancelled' ||
      e.status === 'failed'
    )
      out.push({ tMs, kind: 'record-status', status: e.status });
  }
  for (const c of r.commands) {
    if (c.tMs === null) continue;
    if (c.execute === 'migrate-start-postcopy' || c.execute === 'migrate_cancel')
      out.push({ tMs: at(c.tMs), kind: 'record-command', command: c.execute });
  }
  for (const change of r.parameterChanges)
    out.push({ tMs: at(change.tMs), kind: 'record-parameters', parameters: { ...change.parameters } });
  let throttle = 0;
  for (const s of r.samples)
    if (s.throttlePct > throttle && s.tMs <= endMs) {
      throttle = s.throttlePct;
      out.push({ tMs: at(s.tMs), kind: 'throttle', throttlePct: throttle });
    }
  return out.sort((a, b) => a.tMs - b.tMs);
}
