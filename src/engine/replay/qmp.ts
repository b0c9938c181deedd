/**
 * Reads a QMP transcript of a real QEMU migration (JSON lines: commands, events, query-migrate replies)
 * into a record the app can replay and the engine can be checked against.
 */

export interface QmpSample {
  /** Seconds since the migration started (the first MIGRATION "setup" event). */
  tS: number;
  status: string;
  totalTimeMs: number | null;
  transferredBytes: number;
  remainingBytes: number;
  dirtySyncCount: number;
  dirtyPagesRate: number;
  mbps: number;
  expectedDowntimeMs: number | null;
  throttlePct: number;
}

export interface QmpEvent {
  tS: number;
  event: string;
  detail: string;
}

export interface QmpFinal {
  status: string;
  totalTimeMs: number;
  downtimeMs: number;
  setupTimeMs: number;
  transferredBytes: number;
  totalBytes: number;
  normalPages: number;
  zeroPages: number;
  dirtySyncCount: number;
  precopyBytes: number;
  downtimeBytes: number;
  postcopyBytes: number;
  postcopyRequests: number;
  mbps: number;
  pageSizeBytes: number;
}

export interface QmpRecord {
  /** Bytes of guest RAM QEMU migrates (ram.total). */
  guestRamBytes: number;
  capabilities: string[];
  maxBandwidthBytesPerSec: number | null;
  downtimeLimitMs: number | null;
  /** query-dirty-rate before the migration, MB/s, if it was asked. */
  measuredDirtyRateMBps: number | null;
  /** Seconds after start at which migrate-start-postcopy took effect, if it was issued. */
  postcopyStartS: number | null;
  cancelledAtS: number | null;
  samples: QmpSample[];
  events: QmpEvent[];
  passTimesS: number[];
  /** Final figures when the migration completed; null when it was cancelled or failed. */
  final: QmpFinal | null;
}

export class QmpParseError extends Error {}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function stamp(j: Json): number | null {
  const ts = j.timestamp;
  if (!isObj(ts)) return null;
  return num(ts.seconds) + num(ts.microseconds) / 1e6;
}

export function parseQmpTranscript(text: string): QmpRecord {
  const record: QmpRecord = {
    guestRamBytes: 0,
    capabilities: [],
    maxBandwidthBytesPerSec: null,
    downtimeLimitMs: null,
    measuredDirtyRateMBps: null,
    postcopyStartS: null,
    cancelledAtS: null,
    samples: [],
    events: [],
    passTimesS: [],
    final: null,
  };
  let startStamp: number | null = null;
  let postcopyCommanded = false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new QmpParseError('the file is empty');
  lines.forEach((line, i) => {
    let j: unknown;
    try {
      j = JSON.parse(line);
    } catch {
      throw new QmpParseError(`line ${i + 1} is not JSON: ${line.slice(0, 60)}`);
    }
    if (!isObj(j)) throw new QmpParseError(`line ${i + 1} is not a JSON object`);
    if (typeof j.execute === 'string') {
      const args = isObj(j.arguments) ? j.arguments : {};
      if (j.execute === 'migrate-set-capabilities' && Array.isArray(args.capabilities))
        for (const c of args.capabilities)
          if (isObj(c) && c.state === true && typeof c.capability === 'string') record.capabilities.push(c.capability);
      if (j.execute === 'migrate-set-parameters') {
        if (typeof args['max-bandwidth'] === 'number') record.maxBandwidthBytesPerSec = args['max-bandwidth'];
        if (typeof args['downtime-limit'] === 'number') record.downtimeLimitMs = args['downtime-limit'];
      }
      if (j.execute === 'migrate-start-postcopy') postcopyCommanded = true;
      return;
    }
    const at = stamp(j);
    if (at === null) return;
    if (isObj(j.data) && j.event === 'MIGRATION' && j.data.status === 'setup' && startStamp === null) startStamp = at;
    const tS = startStamp === null ? 0 : at - startStamp;
    if (typeof j.event === 'string') {
      const data = isObj(j.data) ? j.data : {};
      const detail =
        typeof data.status === 'string' ? data.status : typeof data.pass === 'number' ? `pass ${data.pass}` : '';
      record.events.push({ tS, event: j.event, detail });
      if (j.event === 'MIGRATION_PASS') record.passTimesS.push(tS);
      if (j.event === 'MIGRATION' && data.status === 'postcopy-active' && postcopyCommanded) record.postcopyStartS = tS;
      if (j.event === 'MIGRATION' && data.status === 'cancelling') record.cancelledAtS = tS;
      return;
    }
    const r = j.return;
    if (!isObj(r)) return;
    if (r.status === 'measured' && typeof r['dirty-rate'] === 'number') {
      record.measuredDirtyRateMBps = r['dirty-rate'];
      return;
    }
    const ram = isObj(r.ram) ? r.ram : null;
    if (!ram) return;
    const sample: QmpSample = {
      tS,
      status: String(r.status ?? ''),
      totalTimeMs: typeof r['total-time'] === 'number' ? r['total-time'] : null,
      transferredBytes: num(ram.transferred),
      remainingBytes: num(ram.remaining),
      dirtySyncCount: num(ram['dirty-sync-count']),
      dirtyPagesRate: num(ram['dirty-pages-rate']),
      mbps: num(ram.mbps),
      expectedDowntimeMs: typeof r['expected-downtime'] === 'number' ? r['expected-downtime'] : null,
      throttlePct: num(r['cpu-throttle-percentage']),
    };
    record.samples.push(sample);
    if (typeof ram.total === 'number') record.guestRamBytes = ram.total;
    if (r.status === 'completed' && !record.final)
      record.final = {
        status: 'completed',
        totalTimeMs: num(r['total-time']),
        downtimeMs: num(r.downtime),
        setupTimeMs: num(r['setup-time']),
        transferredBytes: num(ram.transferred),
        totalBytes: num(ram.total),
        normalPages: num(ram.normal),
        zeroPages: num(ram.duplicate),
        dirtySyncCount: num(ram['dirty-sync-count']),
        precopyBytes: num(ram['precopy-bytes']),
        downtimeBytes: num(ram['downtime-bytes']),
        postcopyBytes: num(ram['postcopy-bytes']),
        postcopyRequests: num(ram['postcopy-requests']),
        mbps: num(ram.mbps),
        pageSizeBytes: num(ram['page-size'], 4096),
      };
  });
  if (startStamp === null) throw new QmpParseError('no migration found: the transcript has no MIGRATION "setup" event');
  return record;
}
