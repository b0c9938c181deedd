// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitRecord, type FitResult } from '../../../src/engine/replay/fit';
import { FIT_TOLERANCE, withinTolerance } from '../../../src/engine/replay/tolerance';
import { parseQmpTranscript, type QmpRecord } from '../../../src/engine/replay/qmp';
import { validationTable, withValidationTable } from '../../../src/engine/replay/validationTable';
import { runScenario } from '../../../src/engine/run';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';
import { qmpFromTrace } from '../../support/qmpFromTrace';
import { TRACE_FILES, loadTrace, traceText } from '../../support/traces';

function fit(record: QmpRecord, overrides = {}): FitResult {
  const r = fitRecord(record, overrides);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r;
}

const FITS = TRACE_FILES.map((file) => ({ file, fit: fit(loadTrace(file)) }));

describe('every shipped record: the fitted simulation lands within the documented tolerance', () => {
  it.each(FITS.map((f) => [f.file, f.fit] as const))('%s', (_file, f) => {
    for (const key of Object.keys(f.measured) as (keyof typeof f.measured)[]) {
      const m = f.measured[key]!;
      const p = f.predicted[key]!;
      expect(
        withinTolerance(key, m, p),
        `${key}: measured ${m}, predicted ${p} (${JSON.stringify(FIT_TOLERANCE[key])})`,
      ).toBe(true);
    }
    // The fit rests on what the record gives: QEMU's semantics, its cap and limit, no round cap.
    expect(f.scenario.profile).toBe('qemu');
    expect(f.scenario.precopy.maxIterations).toBe(0);
  });

  it('the table in docs/engine-validation.md is the one these fits give', () => {
    const doc = readFileSync(new URL('../../../docs/engine-validation.md', import.meta.url), 'utf8');
    const table = validationTable(FITS);
    expect(withValidationTable(doc, table), 'stale: run npx tsx scripts/validation-table.ts').toBe(doc);
    expect(doc).toContain(table);
  });
});

describe('a record without events (the events capability off) is read from its replies alone', () => {
  it.each(TRACE_FILES)('%s', (file) => {
    const text = traceText(file)
      .split('\n')
      .filter((l) => !l.includes('"event"'))
      .join('\n');
    const f = fit(parseQmpTranscript(text));
    const withEvents = FITS.find((x) => x.file === file)!.fit;
    expect(f.measured.outcome).toBe(withEvents.measured.outcome);
    expect(f.measured.iterations).toBe(withEvents.measured.iterations);
    for (const key of Object.keys(f.measured) as (keyof typeof f.measured)[])
      expect(withinTolerance(key, f.measured[key]!, f.predicted[key]!), key).toBe(true);
  });
});

describe('the dirty rate comes from the record’s own syncs', () => {
  it('recovers the guests’ write rates (README: 5,000 and 20,000 writes/s) without the dirty-rate reply', () => {
    for (const [file, rate] of [
      ['rand_ws128_r5k_m512_bw64_dt300.jsonl', 5000],
      ['rand_ws128_r20k_m512_bw128_dt300.jsonl', 20_000],
    ] as const) {
      const text = traceText(file)
        .split('\n')
        .filter((l) => !l.includes('"dirty-rate"'))
        .join('\n');
      const record = parseQmpTranscript(text);
      expect(record.measuredDirtyRateMBps).toBeNull();
      const e = fit(record).estimate;
      expect(e.rateSource).toBe('syncs');
      expect(Math.abs(e.writesPerSec - rate) / rate).toBeLessThan(0.05);
      // The working set is the memory the guest wrote: 128 MiB plus its half-MiB kernel.
      expect((e.wssPages * 4096) / 1048576).toBeCloseTo(128.5, 0);
    }
  });

  const simulated = (input: ScenarioInput) =>
    parseQmpTranscript(
      qmpFromTrace(runScenario({ profile: 'qemu', host: { allocateMs: 0, validateMs: 0 }, ...input })),
    );
  const base = { vm: { memoryMiB: 512, usedMiB: 512, vcpus: 1 }, network: { linkMbps: 10_000, capMbps: 537 } };

  it('recovers write rate and working set from a record of a run made with them', () => {
    for (const [rateMiBps, wssMiB] of [
      [20, 128],
      [60, 64],
    ]) {
      const record = simulated({
        ...base,
        workload: { pattern: 'uniform', writeRateMiBps: rateMiBps, wssMiB },
        precopy: { timeoutS: 30, onNoConvergence: 'abort' },
      });
      const f = fit(record);
      expect(f.estimate.wssSource).toBe('syncs');
      expect(Math.abs(f.estimate.wssPages - wssMiB * 256) / (wssMiB * 256)).toBeLessThan(0.05);
      expect(Math.abs(f.estimate.writesPerSec - rateMiBps * 256) / (rateMiBps * 256)).toBeLessThan(0.05);
      expect(Math.abs(f.errors.totalTimeMs!)).toBeLessThan(0.05);
      expect(Math.abs(f.errors.bytesTransferred!)).toBeLessThan(0.05);
      expect(f.predicted.iterations).toBe(f.measured.iterations);
    }
  });

  it('recognises a saturated writer: the dirty set pinned at the working set, so it never converges', () => {
    const record = simulated({
      ...base,
      workload: { pattern: 'uniform', writeRateMiBps: 2000, wssMiB: 128 },
      precopy: { timeoutS: 20, onNoConvergence: 'abort' },
    });
    const f = fit(record);
    expect(f.estimate.saturated).toBe(true);
    expect(f.estimate.note).toContain('saturated');
    expect(Math.abs(f.estimate.wssPages - 32768) / 32768).toBeLessThan(0.05);
    expect(f.measured.outcome).toBe('aborted');
    expect(f.predicted).toMatchObject({ outcome: 'aborted', converged: false, downtimeMs: 0 });
    expect(Math.abs(f.errors.bytesTransferred!)).toBeLessThan(0.05);
  });
});

describe('the user supplies what a record cannot tell', () => {
  const record = loadTrace('rand_ws128_r5k_m512_bw64_dt300.jsonl');

  it('a working set or write rate given wins over the estimate; other fields set the scenario', () => {
    const wss = fit(record, { 'workload.wssMiB': 64 });
    expect(wss.estimate.wssSource).toBe('given');
    expect(wss.estimate.wssPages).toBe(16384);
    expect(wss.scenario.workload.wssMiB).toBe(64);
    // Fewer pages to spread the same syncs over: more writes each.
    expect(wss.estimate.writesPerSec).toBeGreaterThan(fit(record).estimate.writesPerSec);
    const rate = fit(record, { 'workload.writeRateMiBps': '40', 'workload.pattern': 'hotcold' });
    expect(rate.estimate.rateSource).toBe('given');
    expect(rate.scenario.workload).toMatchObject({ writeRateMiBps: 40, pattern: 'hotcold' });
  });

  it('a bad override names the field and the allowed values', () => {
    const r = fitRecord(record, { 'workload.wssMiB': 'lots', 'workload.shape': 'round' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join('\n')).toContain('workload.wssMiB: "lots" is not a number');
    expect(r.problems.join('\n')).toContain('workload.shape: not a field');
  });

  it('reports post-copy figures only for a post-copy record', () => {
    const pc = FITS.find((f) => f.file.includes('postcopy'))!.fit;
    expect(pc.measured.postcopyRequests).toBe(24);
    expect(pc.predicted.postcopyRequests).toBeGreaterThan(0);
    expect(FITS.find((f) => f.file.includes('r5k'))!.fit.measured.postcopyBytes).toBeUndefined();
  });
});
