import { describe, expect, it } from 'vitest';
import { importQmp } from '../../../../src/engine';
import { fitRecord } from '../../../../src/engine/replay/fit';
import { chartTop, comparisonTimes, predictedAt, seriesFor } from '../../../../src/ui/replay/recordSeries';
import { loadTrace, traceText } from '../../../support/traces';

const imported = (file: string) => {
  const r = importQmp(traceText(file));
  if ('error' in r) throw new Error(r.error.message);
  return r.trace;
};

describe('the record timeline series', () => {
  it('charts post-copy requests only for a record that went to post-copy', () => {
    expect(seriesFor(imported('rand_ws128_r5k_m512_bw64_dt300.jsonl')).map((s) => s.key)).not.toContain(
      'postcopyRequests',
    );
    expect(seriesFor(imported('cpu_ws128_m512_bw64_dt300_postcopy.jsonl')).map((s) => s.key)).toContain(
      'postcopyRequests',
    );
  });

  it("reads the prediction at the record's times, its bandwidth as bytes sent between them", () => {
    const file = 'rand_ws128_r5k_m512_bw64_dt300.jsonl';
    const record = imported(file);
    const fit = fitRecord(loadTrace(file));
    if (!fit.ok) throw new Error('fit failed');
    const times = comparisonTimes(record, fit.trace.summary.totalTimeMs);
    expect(times.slice(0, record.samples.columns.tMs.length)).toEqual(Array.from(record.samples.columns.tMs));
    expect(times[times.length - 1]).toBeGreaterThanOrEqual(fit.trace.summary.totalTimeMs - record.samples.stepMs);
    const transferred = predictedAt(fit.trace, 'transferredBytes', times);
    const bandwidth = predictedAt(fit.trace, 'bandwidthMbps', times);
    for (let i = 1; i < times.length; i++) {
      const mbps = ((transferred[i] - transferred[i - 1]) * 8) / ((times[i] - times[i - 1]) * 1000);
      expect(bandwidth[i]).toBeCloseTo(mbps, 6);
    }
    // Over the whole run, the mean predicted bandwidth is the bytes over the time.
    const meanMbps = (transferred[transferred.length - 1] * 8) / (times[times.length - 1] * 1000);
    const weighted =
      bandwidth.slice(1).reduce((sum, b, i) => sum + b * (times[i + 1] - times[i]), 0) / times[times.length - 1];
    expect(weighted).toBeCloseTo(meanMbps, 6);
  });

  it('cuts a lone burst off the scale, and keeps an even series whole', () => {
    expect(chartTop([10, 11, 12, 10, ...Array(100).fill(11), 900])).toEqual({ top: 11 * 1.25, clipped: true });
    expect(chartTop([1, 2, 3, 4])).toEqual({ top: 4, clipped: false });
    expect(chartTop([NaN, 0])).toEqual({ top: 1, clipped: false });
  });
});
