// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import type { MetricKey } from '../../../../src/state/workspace';
import { explainMetric, explainRound, type Explanation } from '../../../../src/ui/metrics/explain';
import { anyScenario } from '../../../support/arbitraries';

const METRICS: MetricKey[] = [
  'downtime',
  'totalTime',
  'bytes',
  'rounds',
  'impact',
  'threshold',
  'stopReason',
  'diagnosis',
];

const UNITS: Record<string, number> = {
  B: 1,
  KiB: 1024,
  MiB: 1024 ** 2,
  µs: 0.001,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
  ms: 1,
  s: 1000,
};

/**
 * A value as the panel prints it, read back: the number in the explanation's unit and half the step it
 * was rounded to ("1.2 ms" is 1.2 ± 0.05; "4 min 3 s" is 243 000 ± 500; "4,801 pages" is 4801 ± 0.5).
 */
function shown(text: string): { value: number; halfStep: number } {
  const clock = /^(\d+) (min|h|d) (\d+) (s|min|h)/.exec(text);
  if (clock) {
    const big = { min: 60_000, h: 3_600_000, d: 86_400_000 }[clock[2]]!;
    const small = { s: 1000, min: 60_000, h: 3_600_000 }[clock[4]]!;
    return { value: Number(clock[1]) * big + Number(clock[3]) * small, halfStep: small / 2 };
  }
  const m = /^(-?[\d,]+(?:\.(\d+))?)\s*(B|KiB|MiB|GiB|TiB|µs|ms|s)?(?![\w/])/.exec(text);
  if (!m) throw new Error(`cannot read "${text}"`);
  const unit = UNITS[m[3] ?? ''] ?? 1;
  const decimals = m[2]?.length ?? 0;
  return { value: Number(m[1].replace(/,/g, '')) * unit, halfStep: (0.5 * unit) / 10 ** decimals };
}

/** The terms give the result, exactly in the recorded figures and within rounding as printed. */
function addsUp(e: Explanation, where: string): void {
  const terms = e.steps.filter((s) => s.role === 'term');
  const res = e.steps.find((s) => s.role === 'result');
  if (!e.combine || !res) return;
  if (terms.length === 0) expect(res.amount, `${where}: nothing to add up to`).toBe(0);
  const amounts = terms.map((t) => t.amount!);
  const combined = e.combine === 'sum' ? amounts.reduce((a, b) => a + b, 0) : amounts.reduce((a, b) => a * b, 1);
  const tolerance = 1e-6 * Math.max(1, Math.abs(res.amount!));
  expect(Math.abs(combined - res.amount!), `${where}: ${combined} vs ${res.amount}`).toBeLessThanOrEqual(tolerance);
  if (e.combine !== 'sum') return;
  const printed = terms.map((t) => shown(t.value));
  const total = shown(res.value);
  const sum = printed.reduce((a, p) => a + p.value, 0);
  const slack = printed.reduce((a, p) => a + p.halfStep, total.halfStep);
  expect(
    Math.abs(sum - total.value),
    `${where}: printed ${terms.map((t) => t.value).join(' + ')} = ${res.value}`,
  ).toBeLessThanOrEqual(slack + 1e-9);
}

describe('every explanation adds up to the number it explains', () => {
  it('over random scenarios (every strategy, rule and lever, with faults)', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const trace = runScenario(scenario);
        for (const metric of METRICS) addsUp(explainMetric(metric, trace), metric);
        for (const r of trace.rounds) addsUp(explainRound(r.index, trace), `round ${r.index}`);
      }),
      { numRuns: 60, seed: 31337 },
    );
  });

  it('the cases the issue found: a fast link, a link change mid-run, traffic sharing the link', () => {
    const cases = [
      { network: { linkMbps: 100_000 } },
      { interventions: [{ atMs: 5000, path: 'network.linkMbps' as const, value: 100 }] },
      { network: { otherTrafficMbps: 600 } },
    ];
    for (const sc of cases) {
      const trace = runScenario(sc);
      const e = explainMetric('downtime', trace);
      addsUp(e, JSON.stringify(sc));
      expect(e.steps.at(-1)!.amount).toBe(trace.summary.downtimeMs);
    }
  });
});
