import { describe, expect, it } from 'vitest';
import { importQmp } from '../../../../src/engine';
import { fitRecord } from '../../../../src/engine/replay/fit';
import {
  BANDWIDTH_WINDOW_MS,
  chartTop,
  comparisonTimes,
  seriesAt,
  seriesFor,
} from '../../../../src/ui/replay/recordSeries';
import { loadTrace, traceText } from '../../../support/traces';

const imported = (file: string) => {
  const r = importQmp(traceText(file));
  if ('error' in r) throw new Error(r.error.message);
  return r.trace;
};

describe('the record timeline series', () => {
  it('charts post-copy requests only for a record that went to post-copy', () => {
    const keys = (file: string) => seriesFor(imported(file)).map((s) => s.key);
    expect(keys('rand_ws128_r5k_m512_bw64_dt300.jsonl')).not.toContain('postcopyRequests');
    expect(keys('cpu_ws128_m512_bw64_dt300_postcopy.jsonl')).toContain('postcopyRequests');
  });

  it("reads the prediction at the record's times, its bandwidth as the bytes sent over the half second before", () => {
    const file = 'rand_ws128_r5k_m512_bw64_dt300.jsonl';
    const record = imported(file);
    const fit = fitRecord(loadTrace(file));
    if (!fit.ok) throw new Error('fit failed');
    const times = comparisonTimes(record, fit.trace.summary.totalTimeMs);
    expect(times.slice(0, record.samples.columns.tMs.length)).toEqual(Array.from(record.samples.columns.tMs));
    expect(times[times.length - 1]).toBeGreaterThanOrEqual(fit.trace.summary.totalTimeMs - record.samples.stepMs);
    const transferred = seriesAt(fit.trace, 'transferredBytes', times);
    const before = seriesAt(
      fit.trace,
      'transferredBytes',
      times.map((t) => t - BANDWIDTH_WINDOW_MS),
    );
    const bandwidth = seriesAt(fit.trace, 'bandwidthMbps', times);
    times.forEach((t, i) => {
      if (t < BANDWIDTH_WINDOW_MS) return;
      expect(bandwidth[i]).toBeCloseTo(((transferred[i] - before[i]) * 8) / (BANDWIDTH_WINDOW_MS * 1000), 6);
    });
    // The 64 MiB/s cap (537 Mbit/s) holds over every half second of pre-copy, give or take one 100 ms burst
    // (a half second can hold the starts of six rate windows); the uncapped final copy is later.
    const precopyEnd = fit.trace.phases.find((p) => p.kind === 'precopy')!.endMs - fit.trace.summary.migrateStartMs;
    const inPrecopy = bandwidth.filter((_, i) => times[i] >= BANDWIDTH_WINDOW_MS && times[i] < precopyEnd - 100);
    expect(inPrecopy.length).toBeGreaterThan(10);
    expect(Math.max(...inPrecopy)).toBeLessThan(537 * 1.21);
    // The record's own bandwidth reads the same way, and keeps to the cap too.
    const measured = seriesAt(record, 'bandwidthMbps', Array.from(record.samples.columns.tMs));
    const recordPrecopy = record.phases.find((p) => p.kind === 'precopy')!;
    const live = measured.filter((_, i) => {
      const t = record.samples.columns.tMs[i];
      return t >= recordPrecopy.startMs + BANDWIDTH_WINDOW_MS && t < recordPrecopy.endMs - 100;
    });
    expect(Math.max(...live)).toBeLessThan(537 * 1.21);
    expect(Math.max(...live)).toBeGreaterThan(537 * 0.8);
  });

  it('cuts a lone burst off the scale, and keeps an even series whole', () => {
    expect(chartTop([10, 11, 12, 10, ...Array(100).fill(11), 900])).toEqual({ top: 11 * 1.25, clipped: true });
    expect(chartTop([1, 2, 3, 4])).toEqual({ top: 4, clipped: false });
    expect(chartTop([NaN, 0])).toEqual({ top: 1, clipped: false });
  });
});
