import { QEMU_DEFAULT_DOWNTIME_LIMIT_MS } from './calibration';
import type { QmpRecord, QmpSample } from './qmp';

const downtimeLimitMs = (r: QmpRecord) => r.parameters.downtimeLimitMs ?? QEMU_DEFAULT_DOWNTIME_LIMIT_MS;

/** One stretch between two dirty-log syncs as the record shows it. */
export interface SyncInterval {
  /** The sync that closed it (QEMU's dirty-sync-count after it). */
  sync: number;
  fromMs: number;
  toMs: number;
  /** Pages the sync newly marked: pages written since the sync before that were not still waiting. */
  newPages: number;
  /** Pages still waiting to be sent just before the sync (an estimate within one burst of the sender). */
  unsentPages: number;
  throttlePct: number;
  /** The record's counters at the sync: pages handled (zero pages among them) and bytes sent so far. */
  pagesAtSync: number;
  zeroPagesAtSync: number;
  bytesAtSync: number;
}

/** Pages the sender handled between two samples: full, zero and XBZRLE-encoded pages. */
export function pagesSentBetween(a: QmpSample, b: QmpSample): number {
  const xb = (b.xbzrle?.pages ?? 0) - (a.xbzrle?.pages ?? 0);
  return b.ram.normal - a.ram.normal + (b.ram.duplicate - a.ram.duplicate) + Math.max(0, xb);
}

/**
 * When each sync happened: from MIGRATION_PASS events where the transcript has them, otherwise halfway
 * between the samples around the change of dirty-sync-count. Sync 1 is the setup sync.
 */
export function syncTimes(record: QmpRecord): number[] {
  const times: number[] = [];
  times[1] = record.syncTimesMs[1] ?? record.activeAtMs ?? 0;
  const s = record.samples;
  for (let i = 1; i < s.length; i++) {
    const from = s[i - 1].ram.dirtySyncCount;
    const to = s[i].ram.dirtySyncCount;
    for (let k = from + 1; k <= to; k++)
      times[k] = record.syncTimesMs[k] ?? s[i - 1].tMs + ((s[i].tMs - s[i - 1].tMs) * (k - from)) / (to - from + 1);
  }
  return times;
}

/**
 * Every stretch between syncs while pre-copy ran, read from the samples on either side of each change of
 * dirty-sync-count: what the sync added is the rise of `remaining` plus what was sent in between, which
 * holds wherever in between the sync fell. Syncs that stop the migration are left out.
 */
export function syncIntervals(record: QmpRecord): SyncInterval[] {
  const times = syncTimes(record);
  const page = record.pageSizeBytes;
  const stopAt = record.pausedAtMs ?? record.postcopyAtMs ?? Infinity;
  const out: SyncInterval[] = [];
  const s = record.samples;
  for (let i = 1; i < s.length; i++) {
    const a = s[i - 1];
    const b = s[i];
    if (a.status !== 'active' || b.status !== 'active' || b.tMs >= stopAt) continue;
    const from = a.ram.dirtySyncCount;
    const to = b.ram.dirtySyncCount;
    if (to <= from || from < 1) continue;
    const sent = pagesSentBetween(a, b);
    const newPages = (b.ram.remaining - a.ram.remaining) / page + sent;
    // What still waited at the sync. QEMU syncs at the first decision point where what is left is under
    // bandwidth x downtime limit, and sends right after: so when the first sample was already under it, the
    // sync came before the sends and found all of it; when it was over, the sends came first.
    const before = a.ram.remaining / page;
    const least = Math.max(0, before - sent);
    const threshold = (((Math.max(a.ram.mbps, b.ram.mbps) * 1e6) / 8 / 1000) * downtimeLimitMs(record)) / page;
    const unsent = before < threshold ? before : least;
    const fromMs = times[from] ?? a.tMs;
    const toMs = times[to] ?? b.tMs;
    if (!(toMs > fromMs) || newPages < 0) continue;
    // Between the samples only the sync adds to `remaining`: what it fell by before the sync was sent before
    // it. Zero pages belong to the first pass, so they come first.
    const sentBefore = Math.min(sent, Math.max(0, before - unsent));
    const zero = b.ram.duplicate - a.ram.duplicate;
    const zeroBefore = Math.min(zero, sentBefore);
    const normalBefore = Math.min(b.ram.normal - a.ram.normal, sentBefore - zeroBefore);
    const wire = page + 8;
    const bytesBefore = Math.min(b.ram.transferred - a.ram.transferred, zeroBefore * 9 + normalBefore * wire);
    out.push({
      sync: to,
      fromMs,
      toMs,
      newPages,
      unsentPages: unsent,
      throttlePct: a.throttlePct,
      pagesAtSync: a.ram.normal + a.ram.duplicate + (a.xbzrle?.pages ?? 0) + sentBefore,
      zeroPagesAtSync: a.ram.duplicate + zeroBefore,
      bytesAtSync: a.ram.transferred + bytesBefore,
    });
  }
  return out;
}
