import type { QmpCommand, QmpParameters } from './qmpCommands';
import { QmpLineError } from './qmpFields';
import type { QmpEvent, QmpRecord } from './qmp';
import type { QmpSample } from './qmpSample';

/** A stamped line of a transcript, in file order: an event or a query-migrate reply. */
export interface Stamped {
  line: number;
  atS: number;
  kind: 'event' | 'sample';
  event?: Omit<QmpEvent, 'tMs'>;
  sample?: Omit<QmpSample, 'tMs'> & { atS: number };
}

const END_STATUSES = ['completed', 'failed', 'cancelled'] as const;

export interface Parts {
  rawLines: number;
  startS: number;
  stamped: Stamped[];
  commands: (QmpCommand & { atS: number | null })[];
  capabilities: string[];
  parameters: QmpParameters;
  laterParameters: { atS: number | null; line: number; parameters: QmpParameters }[];
  measuredDirtyRateMBps: number | null;
  measuredDirtyRateCalcS: number;
}

const MONOTONIC: (keyof QmpSample['ram'])[] = [
  'transferred',
  'duplicate',
  'normal',
  'dirtySyncCount',
  'postcopyRequests',
];
const RAM_FIELD_NAMES: Partial<Record<keyof QmpSample['ram'], string>> = {
  transferred: 'transferred',
  duplicate: 'duplicate',
  normal: 'normal',
  dirtySyncCount: 'dirty-sync-count',
  postcopyRequests: 'postcopy-requests',
};

/** Puts times relative to the start, checks the order of things and collects what happened when. */
export function assemble(p: Parts): QmpRecord {
  const ms = (atS: number) => Math.round((atS - p.startS) * 1e6) / 1000;
  const samples: QmpSample[] = [];
  const events: QmpEvent[] = [];
  const syncTimesMs: (number | undefined)[] = [];
  let activeAtMs: number | null = null;
  let pausedAtMs: number | null = null;
  let postcopyAtMs: number | null = null;
  let endAtMs: number | null = null;
  let endStatus: QmpRecord['endStatus'] = null;
  let endLine = 0;
  let final: QmpSample | null = null;
  for (const s of p.stamped) {
    const tMs = ms(s.atS);
    if (s.kind === 'event') {
      const e = s.event!;
      if (e.event === 'MIGRATION' && e.status === 'setup' && endStatus !== null)
        throw new QmpLineError(
          s.line,
          'data.status',
          `line ${s.line}: data.status "setup" starts a second migration (the first ended at line ${endLine}); a file holds one migration`,
        );
      if (tMs < 0 && (e.event === 'MIGRATION' || e.event === 'MIGRATION_PASS'))
        throw new QmpLineError(
          s.line,
          'timestamp',
          `line ${s.line}: timestamp is ${(-tMs).toFixed(1)} ms before the migration started; its ${e.event} event cannot come before it`,
        );
      events.push({ ...e, tMs });
      if (e.status === 'active' && activeAtMs === null) activeAtMs = tMs;
      if (e.status === 'postcopy-active' && postcopyAtMs === null) postcopyAtMs = tMs;
      if (e.event === 'STOP' && pausedAtMs === null && activeAtMs !== null && endStatus === null) pausedAtMs = tMs;
      if (e.event === 'MIGRATION_PASS' && e.pass !== null && syncTimesMs[e.pass] === undefined)
        syncTimesMs[e.pass] = tMs;
      if (e.status && (END_STATUSES as readonly string[]).includes(e.status) && endStatus === null) {
        endStatus = e.status as QmpRecord['endStatus'];
        endAtMs = tMs;
        endLine = s.line;
      }
      continue;
    }
    const sample: QmpSample = { ...s.sample!, tMs };
    if (tMs < 0)
      throw new QmpLineError(
        s.line,
        'timestamp',
        `line ${s.line}: timestamp is ${(-tMs).toFixed(1)} ms before the migration started; a reply cannot come before it`,
      );
    if (sample.status === 'setup' && endStatus !== null)
      throw new QmpLineError(
        s.line,
        'return.status',
        `line ${s.line}: return.status "setup" starts a second migration (the first ended at line ${endLine}); a file holds one migration`,
      );
    const prev = samples[samples.length - 1];
    if (prev) {
      for (const key of MONOTONIC)
        if (sample.ram[key] < prev.ram[key])
          throw new QmpLineError(
            s.line,
            `return.ram.${RAM_FIELD_NAMES[key]}`,
            `line ${s.line}: return.ram.${RAM_FIELD_NAMES[key]} went down from ${prev.ram[key]} (line ${prev.line}) to ${sample.ram[key]}; QEMU's counters only grow`,
          );
      if (sample.totalTimeMs !== null && prev.totalTimeMs !== null && sample.totalTimeMs < prev.totalTimeMs)
        throw new QmpLineError(
          s.line,
          'return.total-time',
          `line ${s.line}: return.total-time went down from ${prev.totalTimeMs} (line ${prev.line}) to ${sample.totalTimeMs}`,
        );
    }
    samples.push(sample);
    if (sample.status === 'completed' && !final) {
      final = sample;
      if (endStatus === null) {
        endStatus = 'completed';
        endAtMs = sample.totalTimeMs ?? tMs;
        endLine = s.line;
      }
    }
    if ((sample.status === 'failed' || sample.status === 'cancelled') && endStatus === null) {
      endStatus = sample.status;
      endAtMs = tMs;
      endLine = s.line;
    }
  }
  if (activeAtMs === null) {
    const firstActive = samples.find((x) => x.status !== 'setup');
    activeAtMs = firstActive?.setupTimeMs ?? null;
  }
  const commands = p.commands.map(({ atS, ...c }) => ({ ...c, tMs: atS === null ? null : Math.max(0, ms(atS)) }));
  const commandAt = (name: string) => commands.find((c) => c.execute === name && c.tMs !== null)?.tMs ?? null;
  const cancelling = events.find((e) => e.status === 'cancelling');
  const last = samples[samples.length - 1];
  // Without events (the `events` capability off) the replies tell when post-copy began and the VM paused.
  if (postcopyAtMs === null) {
    const i = samples.findIndex((x) => x.status === 'postcopy-active');
    if (i > 0) postcopyAtMs = (samples[i - 1].tMs + samples[i].tMs) / 2;
    else if (i === 0) postcopyAtMs = samples[0].tMs;
    else if (final && final.ram.postcopyBytes > 0)
      postcopyAtMs =
        commandAt('migrate-start-postcopy') ?? samples.filter((x) => x.status === 'active').pop()?.tMs ?? 0;
  }
  if (pausedAtMs === null && final)
    pausedAtMs =
      postcopyAtMs ??
      (final.totalTimeMs !== null && final.downtimeMs !== null ? final.totalTimeMs - final.downtimeMs : null);
  return {
    lines: p.rawLines,
    guestRamBytes: (final ?? last).ram.total,
    pageSizeBytes: (final ?? last).ram.pageSize,
    capabilities: p.capabilities,
    parameters: p.parameters,
    parameterChanges: p.laterParameters.map((c) => ({
      tMs: c.atS === null ? 0 : Math.max(0, ms(c.atS)),
      line: c.line,
      parameters: c.parameters,
    })),
    measuredDirtyRateMBps: p.measuredDirtyRateMBps,
    measuredDirtyRateCalcS: p.measuredDirtyRateCalcS,
    samples,
    events,
    commands,
    syncTimesMs,
    activeAtMs,
    pausedAtMs,
    postcopyAtMs,
    postcopyRequestedAtMs: commandAt('migrate-start-postcopy'),
    cancelRequestedAtMs: cancelling?.tMs ?? commandAt('migrate_cancel'),
    endAtMs,
    endStatus,
    final,
    last,
  };
}
