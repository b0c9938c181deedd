// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario, traceToJson } from '../../../src/engine';
import { detectFileKind, MAX_OPEN_FILE_BYTES, readOpenedFile, tooLarge } from '../../../src/state/openFile';
import { openOldTrace } from '../../../src/state/openFileStore';
import { createWorkspaceStore } from '../../../src/state/workspace';
import { TRACE_FILES, traceText } from '../../support/traces';

const small = () =>
  runScenario({ vm: { memoryMiB: 128, usedMiB: 96 }, workload: { writeRateMiBps: 20, wssMiB: 32 }, seed: 3 });

describe('detectFileKind', () => {
  it('tells a saved trace, a QMP transcript, other JSON, other Brownout exports and non-JSON apart', () => {
    expect(detectFileKind(traceToJson(small()))).toBe('trace');
    for (const file of TRACE_FILES) expect(detectFileKind(traceText(file))).toBe('qmp');
    expect(detectFileKind('{"greeting": "hello"}')).toBe('other-json');
    expect(detectFileKind('[1, 2, 3]')).toBe('other-json');
    expect(detectFileKind('{"format": "brownout-spectrum", "entries": []}')).toBe('other-brownout');
    expect(detectFileKind('hello, world\n')).toBe('not-json');
    expect(detectFileKind('{"format": "brownout-trace", "summary": ')).toBe('not-json');
    expect(detectFileKind('\u0089PNG\r\n\u001a\n\u0000\u0000')).toBe('binary');
    expect(detectFileKind('  \n\n ')).toBe('empty');
    // One QMP message alone is a (very short) transcript, and a byte-order mark changes nothing.
    expect(detectFileKind('\uFEFF{"execute": "query-migrate"}')).toBe('qmp');
  });
});

describe('readOpenedFile', () => {
  it('opens every shipped QEMU record as a replayed run with its record', () => {
    for (const file of TRACE_FILES) {
      const opened = readOpenedFile(file, traceText(file));
      expect(opened.ok, file).toBe(true);
      if (!opened.ok || opened.kind !== 'qmp') throw new Error(file);
      expect(opened.trace.origin?.kind).toBe('qemu-record');
      expect(opened.trace.heatmap).toBeUndefined();
      expect(opened.record.guestRamBytes).toBeGreaterThan(0);
    }
  });

  it('reopens a saved run with the same figures, samples and heatmap', () => {
    const trace = small();
    const opened = readOpenedFile('run.json', traceToJson(trace));
    if (!opened.ok || opened.kind !== 'trace') throw new Error('not opened');
    expect(opened.trace.summary).toEqual(trace.summary);
    expect(Array.from(opened.trace.samples.columns.remainingBytes)).toEqual(
      Array.from(trace.samples.columns.remainingBytes),
    );
    expect(opened.trace.heatmap?.data.length).toBe(trace.heatmap.data.length);
    expect(opened.note).toBeNull();
  });

  it('names the line and the field of a bad transcript line', () => {
    const lines = traceText('idle_m256_bw64_dt300.jsonl').split('\n');
    const at = lines.findIndex((l) => l.includes('"transferred"'));
    lines[at] = lines[at].replace(/"transferred": *\d+/, '"transferred": "lots"');
    const opened = readOpenedFile('bad.jsonl', lines.join('\n'));
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message).toContain(`line ${at + 1}`);
    expect(opened.message).toContain('return.ram.transferred');
  });

  it('says a line is not JSON, and where', () => {
    const text = traceText('idle_m256_bw64_dt300.jsonl').replace(/\n/, '\nthis is not json\n');
    const opened = readOpenedFile('bad.jsonl', text);
    expect(!opened.ok && opened.message).toMatch(/line 2 is not JSON/);
  });

  it('says valid JSON that is not a migration is not one, and why', () => {
    const opened = readOpenedFile('data.json', '{"students": 30}');
    expect(!opened.ok && opened.message).toMatch(/valid JSON but not a migration/);
    const spectrum = readOpenedFile('s.json', '{"format": "brownout-spectrum", "entries": []}');
    expect(!spectrum.ok && spectrum.message).toMatch(/"brownout-spectrum"/);
    const qmpOnly = readOpenedFile(
      'q.jsonl',
      '{"QMP": {"version": {}}}\n{"execute": "query-status"}\n{"return": {"status": "running"}}\n',
    );
    expect(!qmpOnly.ok && qmpOnly.message).toMatch(/valid QMP but not a migration/);
  });

  it('gives the line and column of a damaged trace file', () => {
    const text = traceToJson(small()).replace('"summary":', '"summary"');
    const opened = readOpenedFile('cut.json', text);
    // The offending "{" right after "summary" (columns count from 1).
    const column = text.indexOf('"summary"{') + '"summary"'.length + 1;
    expect(!opened.ok && opened.message).toMatch(
      new RegExp(`^This is not JSON: line 1, column ${column}: Unexpected token '\\{'`),
    );
  });

  it('names what is wrong in a trace whose sections do not check out', () => {
    const doc = JSON.parse(traceToJson(small()));
    doc.samples.columns.tMs = doc.samples.columns.tMs.slice(1);
    const opened = readOpenedFile('t.json', JSON.stringify(doc));
    expect(!opened.ok && opened.message).toMatch(/samples\.columns\.\w+: \d+ values, but tMs has \d+/);
  });

  it('refuses a file over the limit before reading it, giving both sizes', () => {
    expect(tooLarge(MAX_OPEN_FILE_BYTES + 1)).toMatch(/too large to open \(64 MiB; the limit is 64 MiB\)/);
    expect(tooLarge(200 * 1048576)).toContain('200 MiB');
    const opened = readOpenedFile('huge.json', ' '.repeat(MAX_OPEN_FILE_BYTES + 1));
    expect(!opened.ok && opened.message).toMatch(/too large/);
  });

  it('says an empty or binary file is one', () => {
    expect(readOpenedFile('e', '')).toMatchObject({ ok: false, message: 'The file is empty.' });
    expect(readOpenedFile('b', '\u0000\u0001\u0002')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/binary/),
    });
  });
});

describe('a run saved by an older Brownout (trace format 1)', () => {
  /** The run as version 1 wrote it: events as sentences, no blackout parts. */
  const version1 = () => {
    const doc = JSON.parse(traceToJson(small()));
    doc.formatVersion = 1;
    doc.events = [{ tMs: 0, kind: 'start', text: 'migration started' }];
    delete doc.summary.blackout;
    return JSON.stringify(doc);
  };

  it('opens its scenario to run again, saying why its figures are not shown', () => {
    const opened = readOpenedFile('old.json', version1());
    if (!opened.ok || opened.kind !== 'old-trace') throw new Error('not opened as an old trace');
    expect(opened.scenario).toEqual(small().scenario);
    expect(opened.note).toMatch(/trace format version 1 by an older Brownout/);
    expect(opened.note).toMatch(/Its scenario is open in the lab/);
  });

  it('puts that scenario in the lab, opens the lab and tells the user', () => {
    const store = createWorkspaceStore();
    store.setState({ view: 'replay' });
    const opened = readOpenedFile('old.json', version1());
    if (!opened.ok || opened.kind !== 'old-trace') throw new Error('not opened as an old trace');
    openOldTrace(store, opened);
    const s = store.getState();
    expect(s.scenario).toEqual(opened.scenario);
    expect(s.view).toBe('lab');
    expect(s.notices.at(-1)).toMatchObject({
      tone: 'info',
      title: 'Opened the scenario of old.json',
      lines: [opened.note],
    });
  });
});
