// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/engine/run';
import type { ScenarioInput } from '../../../../src/engine/scenario/schema';
import { confidentialBytes, referenceOf } from '../../../../src/ui/variants/confidentialFigures';
import { explainMetric } from '../../../../src/ui/metrics/explain';

/** The "why?" of a confidential run must add up to its numbers, in every scenario, not only the default. */
const cases: ScenarioInput[] = [];
for (const strategy of ['precopy', 'hybrid', 'postcopy', 'stopcopy'] as const)
  for (const acceptance of ['at-boot', 'on-first-use'] as const)
    for (const pagesPerBundle of [1, 64])
      cases.push({
        strategy,
        seed: cases.length + 1,
        vm: {
          memoryMiB: 256,
          usedMiB: 128,
          pageKiB: cases.length % 3 === 0 ? 2048 : 4,
          confidential: { kind: 'tdx', acceptance, pagesPerBundle },
        },
        workload: { writeRateMiBps: 30, wssMiB: 64 },
        hybrid: { switchAtMs: 1800 },
        // Stop-and-copy starts its only pass in the pause; its fixed start cost is not part of this check.
        host: { passStartMs: 0 },
      });

describe('a confidential run explained', () => {
  for (const input of cases)
    it(`${input.strategy}, ${input.vm!.confidential!.acceptance}, ${input.vm!.confidential!.pagesPerBundle} per bundle, ${input.vm!.pageKiB} KiB pages: bytes part by part add up`, () => {
      const t = runScenario(input);
      const c = t.variant!.confidential!;
      const { partsBytes, lines } = confidentialBytes(t, c);
      expect(partsBytes).toBeCloseTo(t.summary.bytesTransferred, 0);
      // The device-state part is the scenario's device state, not a remainder that hides anything else.
      const device =
        t.summary.bytesTransferred -
        t.summary.normalPages * c.pageWireBytes -
        t.summary.zeroPages * c.zeroPageWireBytes -
        c.tokenBytes;
      expect(device).toBeCloseTo(256 * 1024, 0);
      expect(explainMetric('bytes', t).steps).toEqual(lines);
      // Each round: its pages at their wire sizes plus the one epoch token that opened it.
      for (const r of t.rounds)
        expect(r.bytesSent).toBeCloseTo(
          (r.pagesSent - r.zeroPagesSent) * c.pageWireBytes + r.zeroPagesSent * c.zeroPageWireBytes + 48,
          3,
        );
      // The pause: what it carried at link speed plus switchover and one round trip (the downtime "why?").
      if (t.summary.downtimeMs > 0) {
        const linkBytesPerMs = (t.scenario.network.linkMbps * 1e6) / 8 / 1000;
        const handoverMs = t.scenario.host.switchoverMs + t.scenario.network.rttMs;
        expect(t.summary.downtimeBytes / linkBytesPerMs + handoverMs).toBeCloseTo(t.summary.downtimeMs, 0);
        // The downtime "why?" adds up part by part, and names a final copy whenever pages went in the pause.
        const why = explainMetric('downtime', t);
        const terms = why.steps.filter((st) => st.role === 'term').reduce((sum, st) => sum + st.amount!, 0);
        expect(terms).toBeCloseTo(t.summary.downtimeMs, 6);
        // Beyond the device state and the start token, bytes in the pause are pages.
        const pagesInPause = t.summary.downtimeBytes > t.summary.deviceBytes + c.startTokens * 48 + 1;
        expect(why.steps.some((st) => st.label === 'Final copy of the dirty pages')).toBe(
          pagesInPause || (input.strategy !== 'postcopy' && input.strategy !== 'hybrid'),
        );
      }
    });

  it('compares a confidential run with the same VM not confidential, and a helped one with managed', () => {
    const t = runScenario(cases[0]);
    const ref = referenceOf(t.scenario)!;
    expect(ref.scenario.vm.confidential.kind).toBe('none');
    expect({ ...ref.scenario, vm: { ...ref.scenario.vm, confidential: t.scenario.vm.confidential } }).toEqual(
      t.scenario,
    );
    const helped = runScenario({ variant: 'paravirtual', precopy: { freePageHinting: true } });
    expect(referenceOf(helped.scenario)!.scenario.variant).toBe('managed');
    expect(referenceOf(runScenario({}).scenario)).toBeNull();
  });
});
