import {
  QmpLineError,
  optionalNumber,
  optionalObject,
  optionalString,
  type Json,
  type MigrationStatus,
  type NumberRule,
} from './qmpFields';

/** query-migrate's `ram` object, in our names. */
export interface QmpRam {
  transferred: number;
  remaining: number;
  total: number;
  /** Zero pages sent as markers. */
  duplicate: number;
  /** Full pages sent. */
  normal: number;
  dirtySyncCount: number;
  dirtyPagesRate: number;
  mbps: number;
  pageSize: number;
  precopyBytes: number;
  downtimeBytes: number;
  postcopyBytes: number;
  postcopyRequests: number;
}

/** query-migrate's `xbzrle-cache` object. */
export interface QmpXbzrle {
  cacheSize: number;
  /** Bytes sent as XBZRLE-encoded pages. */
  bytes: number;
  /** Pages sent encoded. */
  pages: number;
  cacheMiss: number;
  overflow: number;
}

export interface QmpSample {
  line: number;
  /** ms since the migration started. */
  tMs: number;
  status: MigrationStatus;
  totalTimeMs: number | null;
  setupTimeMs: number | null;
  downtimeMs: number | null;
  expectedDowntimeMs: number | null;
  /** cpu-throttle-percentage (0 when absent: no throttle). */
  throttlePct: number;
  /** postcopy-blocktime, when the capability was on. */
  postcopyBlocktimeMs: number | null;
  ram: QmpRam;
  xbzrle: QmpXbzrle | null;
  errorDesc: string | null;
}

const BYTES: NumberRule = { unit: 'bytes' };
const PAGES: NumberRule = { unit: 'pages', integer: true };
const MS: NumberRule = { unit: 'ms' };

/** A query-migrate reply; null when it carries no RAM figures (e.g. status "setup" or "cancelled"). */
export function readMigrationReply(r: Json, status: MigrationStatus, line: number): Omit<QmpSample, 'tMs'> | null {
  const times = {
    totalTimeMs: optionalNumber(r, 'total-time', 'return', line, MS) ?? null,
    setupTimeMs: optionalNumber(r, 'setup-time', 'return', line, MS) ?? null,
    downtimeMs: optionalNumber(r, 'downtime', 'return', line, MS) ?? null,
    expectedDowntimeMs: optionalNumber(r, 'expected-downtime', 'return', line, MS) ?? null,
    throttlePct: optionalNumber(r, 'cpu-throttle-percentage', 'return', line, { max: 100, unit: '%' }) ?? 0,
    postcopyBlocktimeMs: optionalNumber(r, 'postcopy-blocktime', 'return', line, MS) ?? null,
    errorDesc: optionalString(r, 'error-desc', 'return', line) ?? null,
  };
  const ram = optionalObject(r, 'ram', 'return', line);
  const xb = optionalObject(r, 'xbzrle-cache', 'return', line);
  if (!ram) return null;
  const path = 'return.ram';
  const n = (key: string, rule: NumberRule) => optionalNumber(ram, key, path, line, rule);
  const required = (key: string, rule: NumberRule) => {
    const v = n(key, rule);
    if (v === undefined) throw new QmpLineError(line, `${path}.${key}`, `line ${line}: ${path}.${key} is missing`);
    return v;
  };
  const pageSize = n('page-size', { min: 512, max: 1 << 30, integer: true, unit: 'bytes' }) ?? 4096;
  const parsed: QmpRam = {
    transferred: required('transferred', BYTES),
    remaining: n('remaining', BYTES) ?? 0,
    total: required('total', BYTES),
    duplicate: n('duplicate', PAGES) ?? 0,
    normal: n('normal', PAGES) ?? 0,
    dirtySyncCount: n('dirty-sync-count', { unit: 'syncs', integer: true }) ?? 0,
    dirtyPagesRate: n('dirty-pages-rate', { unit: 'pages/s' }) ?? 0,
    mbps: n('mbps', { unit: 'Mbit/s' }) ?? 0,
    pageSize,
    precopyBytes: n('precopy-bytes', BYTES) ?? 0,
    downtimeBytes: n('downtime-bytes', BYTES) ?? 0,
    postcopyBytes: n('postcopy-bytes', BYTES) ?? 0,
    postcopyRequests: n('postcopy-requests', { unit: 'requests', integer: true }) ?? 0,
  };
  // Figures we do not use are still checked, so a damaged reply is not half read.
  n('normal-bytes', BYTES);
  n('multifd-bytes', BYTES);
  n('skipped', PAGES);
  n('pages-per-second', { unit: 'pages/s' });
  n('dirty-sync-missed-zero-copy', { unit: 'syncs' });
  if (parsed.total === 0)
    throw new QmpLineError(line, `${path}.total`, `line ${line}: ${path}.total is 0; a migration moves some RAM`);
  let xbzrle: QmpXbzrle | null = null;
  if (xb) {
    const x = (key: string, rule: NumberRule) => optionalNumber(xb, key, 'return.xbzrle-cache', line, rule) ?? 0;
    xbzrle = {
      cacheSize: x('cache-size', BYTES),
      bytes: x('bytes', BYTES),
      pages: x('pages', PAGES),
      cacheMiss: x('cache-miss', PAGES),
      overflow: x('overflow', PAGES),
    };
    x('cache-miss-rate', { unit: '(ratio)' });
    x('encoding-rate', { unit: '(ratio)' });
  }
  return { line, status, ...times, ram: parsed, xbzrle };
}
