import type { Trace } from '../../src/engine/trace/types';

/**
 * A QMP transcript written from a simulated run, in the format of ../shared/traces: the commands, the
 * MIGRATION and MIGRATION_PASS events, and query-migrate replies every `everyMs`. Tests fit such records to
 * see the fit recover what the run was made with, and the property tests mutate them.
 */
export function qmpFromTrace(trace: Trace, everyMs = 50, startS = 1_800_000_000): string {
  const sc = trace.scenario;
  const s = trace.summary;
  const page = 4096;
  const totalBytes = s.memoryBytes;
  const lines: string[] = [];
  const stamp = (ms: number) => {
    const us = Math.round((startS * 1000 + ms) * 1000);
    return { seconds: Math.floor(us / 1e6), microseconds: us % 1e6 };
  };
  const event = (ms: number, name: string, data?: object) =>
    lines.push(JSON.stringify({ timestamp: stamp(ms), event: name, ...(data ? { data } : {}) }));
  const caps = [{ capability: 'events', state: true }];
  if (sc.precopy.autoConverge) caps.push({ capability: 'auto-converge', state: true });
  if (sc.strategy === 'hybrid') caps.push({ capability: 'postcopy-ram', state: true });
  if (sc.precopy.xbzrle) caps.push({ capability: 'xbzrle', state: true });
  lines.push(JSON.stringify({ execute: 'migrate-set-capabilities', arguments: { capabilities: caps } }));
  const capBytes = Math.round((sc.network.capMbps * 1e6) / 8);
  lines.push(
    JSON.stringify({
      execute: 'migrate-set-parameters',
      arguments: { 'max-bandwidth': capBytes, 'downtime-limit': sc.precopy.downtimeLimitMs },
    }),
  );
  lines.push(JSON.stringify({ execute: 'migrate', arguments: { uri: 'tcp:127.0.0.1:4444' } }));
  const t0 = s.migrateStartMs;
  const at = (ms: number) => ms - t0;
  event(0, 'MIGRATION', { status: 'setup' });
  const syncs = [t0 + s.setupTimeMs, ...s.rounds.slice(1).map((r) => r.startMs)];
  const { tMs, remainingBytes, transferredBytes, phase, throttlePct, expectedDowntimeMs } = trace.samples.columns;
  let sync = 0;
  // QEMU's mbps: what was sent over the last rate window.
  const mbpsOver100Ms = (i: number) => {
    let j = i;
    while (j > 0 && tMs[i] - tMs[j - 1] <= 100) j--;
    const ms = tMs[i] - tMs[j];
    return ms > 0 ? ((transferredBytes[i] - transferredBytes[j]) * 8) / (ms * 1000) : 0;
  };
  const reply = (i: number, status: string) => {
    const t = tMs[i];
    while (sync < syncs.length && syncs[sync] <= t) {
      sync++;
      event(at(syncs[sync - 1]), 'MIGRATION_PASS', { pass: sync });
      if (sync === 1) event(at(syncs[0]), 'MIGRATION', { status: 'active' });
    }
    const ram = {
      transferred: Math.round(transferredBytes[i]),
      remaining: Math.round(remainingBytes[i]),
      total: totalBytes,
      duplicate: 0,
      normal: Math.min(s.normalPages, Math.round(transferredBytes[i] / (page + 8))),
      'dirty-sync-count': Math.max(1, sync),
      'dirty-pages-rate': 0,
      mbps: mbpsOver100Ms(i),
      'page-size': page,
    };
    lines.push(
      JSON.stringify({
        timestamp: stamp(at(t)),
        return: {
          status,
          'total-time': Math.round(at(t)),
          'setup-time': Math.round(s.setupTimeMs),
          'expected-downtime': Math.round(expectedDowntimeMs[i]),
          ...(throttlePct[i] > 0 ? { 'cpu-throttle-percentage': throttlePct[i] } : {}),
          ram,
        },
      }),
    );
  };
  let next = t0 + everyMs;
  for (let i = 0; i < tMs.length; i++)
    if (tMs[i] >= next && phase[i] === 1) {
      reply(i, 'active');
      next = tMs[i] + everyMs;
    }
  const end = at(t0 + s.totalTimeMs);
  if (s.pausedAtMs !== null) event(at(s.pausedAtMs), 'STOP');
  if (s.outcome !== 'completed') {
    event(end, 'MIGRATION', { status: 'cancelled' });
    return lines.join('\n') + '\n';
  }
  event(end, 'MIGRATION', { status: 'completed' });
  lines.push(
    JSON.stringify({
      timestamp: stamp(end + 10),
      return: {
        status: 'completed',
        'total-time': Math.round(s.totalTimeMs),
        'setup-time': Math.round(s.setupTimeMs),
        downtime: Math.round(s.downtimeMs),
        ram: {
          transferred: s.bytesTransferred,
          remaining: 0,
          total: totalBytes,
          duplicate: s.zeroPages,
          normal: s.normalPages,
          'dirty-sync-count': s.dirtySyncCount,
          'page-size': page,
          'precopy-bytes': s.precopyBytes,
          'downtime-bytes': s.downtimeBytes,
          'postcopy-bytes': s.postcopyBytes,
          'postcopy-requests': s.postcopyFaults,
        },
      },
    }),
  );
  return lines.join('\n') + '\n';
}
