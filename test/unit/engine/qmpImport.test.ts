// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { importQmp, RECORD_HAS_NO_HEATMAP } from '../../../src/engine/replay/importQmp';
import { measuredFigures } from '../../../src/engine/replay/measure';
import { parseQmp, type QmpProblem } from '../../../src/engine/replay/qmp';
import { TRACE_FILES, loadTrace, traceText } from '../../support/traces';

/** Parses and expects a refusal; returns it. */
function refused(text: string): QmpProblem {
  const r = parseQmp(text);
  if (r.ok) throw new Error('the transcript was accepted');
  return r.error;
}

const stamp = (s: number, us = 0) => ({ seconds: s, microseconds: us });
const migrate = JSON.stringify({ execute: 'migrate', arguments: { uri: 'tcp:127.0.0.1:4444' } });
const setup = JSON.stringify({ timestamp: stamp(100), event: 'MIGRATION', data: { status: 'setup' } });
const ram = (over: Record<string, unknown> = {}) => ({ transferred: 1000, remaining: 4096, total: 268435456, ...over });
const reply = (s: number, ram: unknown, status = 'active', extra: Record<string, unknown> = {}) =>
  JSON.stringify({ timestamp: stamp(s), return: { status, 'total-time': (s - 100) * 1000, ...extra, ram } });

describe('importing a QEMU record', () => {
  it.each(TRACE_FILES)('%s opens as a run with phases, rounds, samples and the record’s own summary', (file) => {
    const r = importQmp(traceText(file));
    if ('error' in r) throw new Error(r.error.message);
    const { trace, record } = r;
    const m = measuredFigures(record);
    const s = trace.summary;
    // The summary is read from the record, not simulated.
    expect(s.totalTimeMs).toBe(m.totalTimeMs);
    expect(s.downtimeMs).toBe(m.downtimeMs);
    expect(s.bytesTransferred).toBe((record.final ?? record.last).ram.transferred);
    expect(s.dirtySyncCount).toBe((record.final ?? record.last).ram.dirtySyncCount);
    expect(s.iterations).toBe(trace.rounds.length);
    // Phases tile the run from the migrate command to QEMU's total time.
    expect(trace.phases[0].startMs).toBe(0);
    trace.phases.slice(1).forEach((p, i) => expect(p.startMs).toBe(trace.phases[i].endMs));
    expect(trace.phases[trace.phases.length - 1].endMs).toBe(s.totalTimeMs);
    const blackout = trace.phases.filter((p) => p.kind === 'blackout').reduce((a, p) => a + p.endMs - p.startMs, 0);
    expect(blackout).toBeCloseTo(s.downtimeMs, 6);
    // Rounds come from dirty-sync-count and add up to what was sent while the VM ran.
    const roundBytes = trace.rounds.reduce((a, x) => a + x.bytesSent, 0);
    expect(roundBytes).toBeCloseTo(record.final ? s.precopyBytes : s.bytesTransferred, 0);
    trace.rounds.forEach((x, i) => {
      expect(x.index).toBe(i + 1);
      expect(x.endMs).toBeGreaterThanOrEqual(x.startMs);
    });
    // Samples in time order, from 0 to the end; the figures QEMU reports, and NaN for the one it does not.
    const t = trace.samples.columns.tMs;
    for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
    expect(t[0]).toBe(0);
    expect(t[t.length - 1]).toBe(s.totalTimeMs);
    expect(trace.samples.columns.vmSpeedPct.every(Number.isNaN)).toBe(true);
    expect(trace.samples.columns.transferredBytes.at(-1)).toBe(s.bytesTransferred);
    // No per-page data: no heatmap, and the trace says so.
    expect(trace.heatmap).toBeUndefined();
    expect(trace.origin).toMatchObject({ kind: 'qemu-record' });
    expect(trace.origin?.kind === 'qemu-record' && trace.origin.unrecorded).toContain(RECORD_HAS_NO_HEATMAP);
    // The run carries the scenario fitted to it, under QEMU's semantics.
    expect(trace.scenario.profile).toBe('qemu');
  });

  it('reads rounds from dirty-sync-count: a completed pre-copy has the setup and final syncs around them', () => {
    const r = importQmp(traceText('rand_ws128_r5k_m512_bw64_dt300.jsonl'));
    if ('error' in r) throw new Error(r.error.message);
    // Syncs 1 (setup) .. 5 (final, in the blackout); sync 4 decided to stop: rounds 1-3.
    expect(r.trace.rounds.map((x) => x.index)).toEqual([1, 2, 3]);
    expect(r.trace.rounds[0].pagesSent).toBe(Math.round(r.record.guestRamBytes / 4096));
    expect(r.trace.rounds[1].startMs).toBeCloseTo(r.record.syncTimesMs[2]!, 6);
  });

  it('keeps the post-copy figures and the throttle steps of the record', () => {
    const pc = importQmp(traceText('cpu_ws128_m512_bw64_dt300_postcopy.jsonl'));
    if ('error' in pc) throw new Error(pc.error.message);
    expect(pc.trace.summary.postcopyFaults).toBe(24);
    expect(pc.trace.summary.postcopyBytes).toBe(110_639_759);
    expect(pc.trace.phases.map((p) => p.kind)).toEqual(['setup', 'precopy', 'blackout', 'postcopy']);
    const ac = importQmp(traceText('cpu_ws128_m512_bw64_dt300_autoconv.jsonl'));
    if ('error' in ac) throw new Error(ac.error.message);
    const steps = ac.trace.events.flatMap((e) => (e.kind === 'throttle' ? [e.throttlePct] : []));
    expect(steps).toEqual([20, 30, 40, 50, 60]);
    expect(Math.max(...ac.trace.samples.columns.throttlePct)).toBe(60);
  });

  it('a cancelled migration ends where it was cancelled, on the source', () => {
    const r = importQmp(traceText('cpu_ws128_m512_bw64_dt300_noconv.jsonl'));
    if ('error' in r) throw new Error(r.error.message);
    expect(r.trace.summary.outcome).toBe('aborted');
    expect(r.trace.summary.vmLocation).toBe('source');
    expect(r.trace.summary.downtimeMs).toBe(0);
    expect(r.trace.summary.totalTimeMs).toBeCloseTo(40_014.161, 3);
    expect(loadTrace('cpu_ws128_m512_bw64_dt300_noconv.jsonl').endStatus).toBe('cancelled');
  });
});

describe('a malformed or unrelated file gets the line and the field at fault', () => {
  it('an empty file, or one of blank lines', () => {
    expect(refused('').message).toBe('the file is empty');
    expect(refused('\n \n\t\n').message).toBe('the file is empty');
  });

  it('counts blank lines when it names a line', () => {
    const e = refused(`${migrate}\n\n\n{"execute": "migrate-set-parameters", oops}\n`);
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/^line 4 is not JSON/);
    const crlf = refused(`${migrate}\r\n\r\n${setup}\r\n[1,2]\r\n`);
    expect(crlf.line).toBe(4);
    expect(crlf.message).toMatch(/line 4 is not a QMP message: expected a JSON object/);
  });

  it('an unrelated JSON-lines file is not QMP, and says which keys it found', () => {
    const e = refused('{"name": "alice", "age": 7}\n{"name": "bob"}\n');
    expect(e).toMatchObject({ line: 1, field: null });
    expect(e.message).toContain('no "execute", "event", "return" or "error" field');
    expect(e.message).toContain('name, age');
  });

  it('valid QMP that is not a migration says so', () => {
    const text = [
      '{"QMP": {"version": {"qemu": {"major": 7}}, "capabilities": []}}',
      '{"execute": "qmp_capabilities"}',
      '{"return": {}}',
      '{"execute": "query-status"}',
      '{"return": {"status": "running", "running": true}}',
      JSON.stringify({ timestamp: stamp(5), event: 'STOP' }),
    ].join('\n');
    const e = refused(text);
    expect(e).toMatchObject({ line: null, field: null });
    expect(e.message).toContain('not a migration');
    expect(refused(`${migrate}\n{"return": {}}\n`).message).toContain('holds no MIGRATION event');
  });

  it('a counter of the wrong type is refused with its field, never read as zero', () => {
    const e = refused([migrate, setup, reply(101, ram({ transferred: 'lots' }))].join('\n'));
    expect(e).toMatchObject({ line: 3, field: 'return.ram.transferred' });
    expect(e.message).toBe('line 3: return.ram.transferred is "lots"; expected a number of bytes >= 0');
    expect(refused([migrate, setup, reply(101, ram({ duplicate: null }))].join('\n')).field).toBe(
      'return.ram.duplicate',
    );
    expect(refused([migrate, setup, reply(101, ram({ normal: true }))].join('\n')).field).toBe('return.ram.normal');
  });

  it('negative, fractional-where-whole and out-of-range numbers are refused', () => {
    expect(refused([migrate, setup, reply(101, ram({ remaining: -4096 }))].join('\n'))).toMatchObject({
      line: 3,
      field: 'return.ram.remaining',
    });
    expect(refused([migrate, setup, reply(101, ram({ duplicate: 2.5 }))].join('\n')).message).toContain('whole number');
    // JSON's 1e400 is Infinity: not a count.
    expect(
      refused([migrate, setup, reply(101, ram()).replace('"transferred":1000', '"transferred":1e400')].join('\n'))
        .field,
    ).toBe('return.ram.transferred');
    expect(
      refused([migrate, setup, reply(101, ram(), 'active', { 'cpu-throttle-percentage': 140 })].join('\n')).field,
    ).toBe('return.cpu-throttle-percentage');
    expect(refused([migrate, setup, reply(101, ram(), 'active', { 'total-time': -5 })].join('\n')).field).toBe(
      'return.total-time',
    );
    expect(
      refused(JSON.stringify({ execute: 'migrate-set-parameters', arguments: { 'downtime-limit': -1 } })).field,
    ).toBe('arguments.downtime-limit');
  });

  it('a reply stamped before the migration started is refused', () => {
    const early = JSON.stringify({ timestamp: stamp(99, 500_000), return: { status: 'active', ram: ram() } });
    const e = refused([migrate, setup, early].join('\n'));
    expect(e).toMatchObject({ line: 3, field: 'timestamp' });
    expect(e.message).toContain('500.0 ms before the migration started');
  });

  it('timestamps, statuses and events are checked', () => {
    const badMicro = JSON.stringify({ timestamp: { seconds: 100, microseconds: 2_000_000 }, event: 'STOP' });
    expect(refused(badMicro)).toMatchObject({ line: 1, field: 'timestamp.microseconds' });
    expect(refused(JSON.stringify({ event: 'STOP' }))).toMatchObject({ field: 'timestamp' });
    expect(
      refused(
        [migrate, JSON.stringify({ timestamp: stamp(1), event: 'MIGRATION', data: { status: 'flying' } })].join('\n'),
      ),
    ).toMatchObject({
      line: 2,
      field: 'data.status',
    });
    expect(refused([migrate, setup, reply(101, ram(), 'warping')].join('\n'))).toMatchObject({
      field: 'return.status',
    });
    const noStamp = JSON.stringify({ return: { status: 'active', ram: ram() } });
    expect(refused([migrate, setup, noStamp].join('\n'))).toMatchObject({ line: 3, field: 'timestamp' });
    expect(refused([migrate, setup, reply(101, { transferred: 5 })].join('\n'))).toMatchObject({
      field: 'return.ram.total',
    });
  });

  it('counters that go down, and a second migration in the same file, are refused', () => {
    const down = refused(
      [migrate, setup, reply(101, ram({ transferred: 5000 })), reply(102, ram({ transferred: 4000 }))].join('\n'),
    );
    expect(down).toMatchObject({ line: 4, field: 'return.ram.transferred' });
    expect(down.message).toContain('went down from 5000 (line 3) to 4000');
    const done = JSON.stringify({ timestamp: stamp(103), event: 'MIGRATION', data: { status: 'completed' } });
    const again = JSON.stringify({ timestamp: stamp(110), event: 'MIGRATION', data: { status: 'setup' } });
    expect(refused([migrate, setup, reply(101, ram()), done, again].join('\n'))).toMatchObject({
      line: 5,
      field: 'data.status',
    });
  });

  it('a capability list or a parameter of the wrong shape is refused', () => {
    const caps = JSON.stringify({
      execute: 'migrate-set-capabilities',
      arguments: { capabilities: [{ capability: 'xbzrle', state: 'on' }] },
    });
    expect(refused(caps)).toMatchObject({ line: 1, field: 'arguments.capabilities[0]' });
    const params = JSON.stringify({ execute: 'migrate-set-parameters', arguments: { 'max-bandwidth': '1G' } });
    expect(refused(params)).toMatchObject({ field: 'arguments.max-bandwidth' });
  });

  it('quotes at most a short piece of a bad value', () => {
    const e = refused([migrate, setup, reply(101, ram({ transferred: 'x'.repeat(100_000) }))].join('\n'));
    expect(e.message.length).toBeLessThan(200);
  });

  it('importQmp gives the same problem and never a trace for a bad file', () => {
    const r = importQmp('{"execute": 5}');
    expect(r).toEqual({ error: { line: 1, field: 'execute', message: 'line 1: execute is number; expected text' } });
  });
});
