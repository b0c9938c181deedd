// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importQmp } from '../../../src/engine/replay/importQmp';
import { anyQmpTranscript, checkImport, mutatedQmpTranscript, simulatedTranscript } from '../../support/qmpTranscripts';

describe('any transcript, however damaged, loads or is refused with its line and field', () => {
  it('random and mutated transcripts never throw; every refusal names a line in the file and its field', () => {
    const counts = { loaded: 0, refused: 0 };
    fc.assert(
      fc.property(anyQmpTranscript, (text) => {
        const v = checkImport(text);
        if (v.kind === 'broken') expect.fail(v.why);
        counts[v.kind]++;
      }),
      { numRuns: 200, seed: 11 },
    );
    // The generator reaches both answers, so the property is not vacuous.
    expect(counts.loaded).toBeGreaterThan(10);
    expect(counts.refused).toBeGreaterThan(100);
  }, 120_000);

  it('a mutated record that still loads is a consistent run: phases tile it, bytes add up, nothing negative', () => {
    fc.assert(
      fc.property(mutatedQmpTranscript, (text) => {
        const r = importQmp(text);
        if ('error' in r) return;
        const { phases, summary, rounds, samples } = r.trace;
        expect(phases[0].startMs).toBe(0);
        phases.slice(1).forEach((p, i) => expect(p.startMs).toBe(phases[i].endMs));
        for (const p of phases) expect(p.endMs).toBeGreaterThanOrEqual(p.startMs);
        expect(summary.downtimeMs).toBeLessThanOrEqual(summary.totalTimeMs);
        for (const x of rounds) expect(x.bytesSent).toBeGreaterThanOrEqual(0);
        for (const t of samples.columns.transferredBytes) expect(t).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150, seed: 12 },
    );
  }, 120_000);

  it('records written from simulated runs all load', () => {
    fc.assert(
      fc.property(simulatedTranscript, (text) => {
        const v = checkImport(text);
        expect(v, v.kind === 'refused' ? v.message : '').toMatchObject({ kind: 'loaded' });
      }),
      { numRuns: 20, seed: 13 },
    );
  }, 120_000);
});
