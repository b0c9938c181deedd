// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readTrace } from '../../../src/engine/trace/readTrace';
import { traceJsonChunks, traceToJson } from '../../../src/engine/trace/serialize';
import { TRACE_FORMAT_VERSION } from '../../../src/engine/trace/versions';
import { importQmp } from '../../../src/engine/replay/importQmp';
import { runScenario } from '../../../src/engine/run';
import { traceText } from '../../support/traces';

const trace = runScenario({ vm: { memoryMiB: 256, usedMiB: 128 }, workload: { wssMiB: 32, writeRateMiBps: 20 } });

/** The trace as plain JSON, the way JSON.stringify writes typed arrays as lists. */
const plain = () =>
  JSON.parse(JSON.stringify(trace, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v)));

describe('the saved trace', () => {
  it('names its format and version at the top level', () => {
    const doc = JSON.parse(traceToJson(trace));
    expect(doc.format).toBe('brownout-trace');
    expect(doc.formatVersion).toBe(TRACE_FORMAT_VERSION);
    expect(Object.keys(doc).slice(0, 2)).toEqual(['format', 'formatVersion']);
  });

  it('streams as the same text JSON.stringify would write, in pieces of bounded size', () => {
    const big = runScenario({ output: { heatmapCells: 16_384, maxFrames: 40 } });
    const chunks = [...traceJsonChunks(big)];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1_000_000);
    const expected = JSON.stringify(big, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v));
    expect(chunks.join('') === expected).toBe(true);
  });

  it('reads back what was written: same figures, typed arrays again', () => {
    const back = readTrace(traceToJson(trace));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.migratedFrom).toBeNull();
    expect(back.trace.summary).toEqual(trace.summary);
    expect(back.trace.scenario).toEqual(trace.scenario);
    expect(back.trace.samples.columns.tMs).toBeInstanceOf(Float64Array);
    expect(Array.from(back.trace.samples.columns.dirtyPages)).toEqual(Array.from(trace.samples.columns.dirtyPages));
    expect(back.trace.heatmap!.data).toBeInstanceOf(Uint8Array);
    expect(back.trace.heatmap!.data).toEqual(trace.heatmap.data);
    // The exact page counts per band come back as numbers the heatmap caption can slice, as the engine gave them.
    expect(trace.heatmap.pageCounts).toBeInstanceOf(Float64Array);
    expect(back.trace.heatmap!.pageCounts).toBeInstanceOf(Float64Array);
    expect(back.trace.heatmap!.pageCounts).toEqual(trace.heatmap.pageCounts);
    expect(back.trace.events).toEqual(trace.events);
    // Byte for byte (compared as a flag: a failing diff of a whole trace helps nobody).
    expect(traceToJson(back.trace) === traceToJson(trace)).toBe(true);
  });

  it('keeps whatever else an event carries', () => {
    const doc = plain();
    doc.events[0] = { ...doc.events[0], figures: { linkMbps: 1000 } };
    const back = readTrace(doc);
    expect(back.ok && back.trace.events[0]).toMatchObject({ figures: { linkMbps: 1000 } });
  });

  it('a record without a heatmap or lifecycle steps is a valid trace', () => {
    const doc = plain();
    delete doc.heatmap;
    delete doc.lifecycle;
    const back = readTrace(doc);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.trace.heatmap).toBeUndefined();
      expect(back.trace.lifecycle).toBeUndefined();
    }
  });

  it('a replayed QEMU record saved and read back keeps its figures, unrecorded ones as NaN', () => {
    const imported = importQmp(traceText('rand_ws128_r5k_m512_bw64_dt300.jsonl'));
    if (!('trace' in imported)) throw new Error('the record did not import');
    const record = imported.trace;
    expect(record.heatmap).toBeUndefined();
    const back = readTrace(traceToJson(record));
    if (!back.ok) throw new Error(back.message);
    expect(back.trace.summary).toEqual(record.summary);
    expect(Number.isNaN(back.trace.summary.faultStallMs)).toBe(true);
    expect(Number.isNaN(back.trace.samples.columns.vmSpeedPct[0])).toBe(true);
    expect(back.trace.origin).toEqual(record.origin);
    // A null anywhere the record did not say it left out is still refused.
    const doc = JSON.parse(traceToJson(record));
    doc.samples.columns.tMs[1] = null;
    expect(readTrace(doc)).toMatchObject({ ok: false, message: expect.stringMatching(/samples\.columns\.tMs/) });
  });

  it('a trace saved before version 2 (events as sentences, no blackout parts) is read for its scenario only', () => {
    const v1 = { ...plain(), formatVersion: 1, events: [{ tMs: 0, kind: 'start', text: 'migration started' }] };
    const unnamed = { ...v1 } as Record<string, unknown>;
    delete unnamed.format;
    delete unnamed.formatVersion;
    for (const [doc, version] of [
      [v1, 1],
      [unnamed, 0],
    ] as const) {
      const back = readTrace(JSON.stringify(doc));
      expect(back.ok).toBe(false);
      if (back.ok) continue;
      expect(back.message).toContain(`saved in trace format version ${version} by an older Brownout`);
      expect(back.scenario).toEqual(trace.scenario);
    }
    // Its scenario spoilt too: refused, saying both.
    const spoilt = { ...v1, scenario: { ...trace.scenario, vm: { ...trace.scenario.vm, memoryMiB: 1 } } };
    const back = readTrace(spoilt);
    expect(back).toMatchObject({ ok: false, message: expect.stringMatching(/scenario is not valid either/) });
    expect(!back.ok && back.scenario).toBeFalsy();
  });

  it('checks each event for the figures its kind carries', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- spoiling a parsed file
    const cases: [(d: Record<string, any>) => void, RegExp][] = [
      [(d) => d.events.push({ tMs: 5, kind: 'sync' }), /events\.\d+\.round/],
      [(d) => d.events.push({ tMs: 5, kind: 'aborted', reason: 'bored', cause: null }), /events\.\d+\.reason/],
      [(d) => d.events.push({ tMs: 5, kind: 'refused', stage: 'allocation' }), /events\.\d+\.reasons/],
      [(d) => d.events.push({ tMs: 5, kind: 'teleported' }), /events\.\d+\.kind/],
      [(d) => d.events.push({ tMs: 5, kind: 'throttle', throttlePct: 'high' }), /events\.\d+\.throttlePct/],
    ];
    for (const [spoil, message] of cases) {
      const doc = plain();
      spoil(doc);
      const back = readTrace(doc);
      expect(back.ok).toBe(false);
      if (!back.ok) expect(back.message).toMatch(message);
    }
  });

  it('reads back every kind of event the engine writes, across strategies, faults and confidential VMs', () => {
    const runs = [
      runScenario({ strategy: 'hybrid', hybrid: { switchAtMs: 500 }, vm: { memoryMiB: 256, usedMiB: 128 } }),
      runScenario({
        strategy: 'postcopy',
        vm: { memoryMiB: 256, usedMiB: 128 },
        faults: [{ kind: 'network-drop', atMs: 400, durationMs: 200 }],
      }),
      runScenario({
        vm: { memoryMiB: 256, usedMiB: 128, confidential: { kind: 'tdx' } },
        faults: [{ kind: 'destination-crash', atMs: 300 }],
      }),
      runScenario({
        vm: { memoryMiB: 256, usedMiB: 256 },
        workload: { writeRateMiBps: 900, wssMiB: 200, pattern: 'uniform' },
        precopy: { autoConverge: true },
      }),
      importQmp(traceText('rand_ws128_r5k_m512_bw64_dt300.jsonl')),
    ];
    const kinds = new Set<string>();
    for (const r of runs) {
      if ('error' in r) throw new Error(r.error.message);
      const t = 'trace' in r ? r.trace : r;
      for (const e of t.events) kinds.add(e.kind);
      const back = readTrace(traceToJson(t));
      if (!back.ok) throw new Error(back.message);
      expect(back.trace.events).toEqual(t.events);
    }
    expect(kinds.size).toBeGreaterThan(15);
  });

  it('refuses a summary without the blackout parts or the wire sizes the explanations are built from', () => {
    for (const field of ['blackout', 'wire', 'vmLost', 'deviceBytes']) {
      const doc = plain();
      delete doc.summary[field];
      const back = readTrace(doc);
      expect(back).toMatchObject({ ok: false, message: expect.stringContaining(`summary.${field}`) });
    }
  });

  it('an unknown (newer) version says so', () => {
    const back = readTrace({ ...plain(), formatVersion: 99 });
    expect(back).toEqual({
      ok: false,
      message: `this trace cannot be read: trace format version 99 is newer than this Brownout reads (version ${TRACE_FORMAT_VERSION}); update Brownout to open it`,
    });
  });

  it.each([
    ['{ "format": ', /not valid JSON/],
    ['[1, 2]', /holds one JSON object/],
    ['{"hello": 1}', /no "format": "brownout-trace"/],
    ['{"format": "perfetto", "formatVersion": 1}', /format is "perfetto", not "brownout-trace"/],
  ])('refuses %s with a clear message', (text, message) => {
    const back = readTrace(text);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.message).toMatch(message);
  });

  it('names the section at fault in a malformed trace', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- spoiling a parsed file in any way it can be spoilt
    const cases: [(d: Record<string, any>) => void, RegExp][] = [
      [(d) => (d.summary.downtimeMs = 'long'), /summary\.downtimeMs: /],
      [
        (d) => (d.samples.columns.tMs = d.samples.columns.tMs.slice(1)),
        /samples\.columns\.dirtyPages: \d+ values, but tMs has/,
      ],
      [
        (d) => (d.heatmap.data = d.heatmap.data.slice(7)),
        /heatmap\.data: \d+ values, but \d+ frames of \d+ cells need/,
      ],
      [(d) => (d.heatmap.data[3] = 300), /heatmap\.data: expected a list of whole numbers 0 to 255/],
      [(d) => (d.heatmap.pageCounts = d.heatmap.pageCounts.slice(1)), /heatmap\.pageCounts: \d+ values, but/],
      [(d) => (d.heatmap.pageCounts[0] = -1), /heatmap\.pageCounts: expected a list of page counts/],
      [(d) => (d.events[2] = { text: 'no time' }), /events\.2\.kind: not a kind of event this Brownout knows/],
      [(d) => (d.events[2] = { ...d.events[2], tMs: 'soon' }), /events\.2\.tMs/],
      [(d) => (d.scenario.vm.memoryMiB = 1), /scenario is not valid: vm\.memoryMiB/],
    ];
    for (const [spoil, message] of cases) {
      const doc = plain();
      spoil(doc);
      const back = readTrace(doc);
      expect(back.ok).toBe(false);
      if (!back.ok) expect(back.message).toMatch(message);
    }
  });
});
