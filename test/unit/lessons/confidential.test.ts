// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import { confidentialLesson } from '../../../src/lessons/confidential';
import { fieldDef } from '../../../src/state/fields';
import { decodeLink } from '../../../src/state/urlCodec';

/** The lesson's claims, checked against the engine. */
const steps = confidentialLesson.steps;
const runStep = (i: number) => {
  const link = decodeLink(steps[i].scenario!)!;
  expect(link.problems).toEqual([]);
  return runScenario(link.scenario);
};
const MiB = 1048576;

describe('the Confidential VMs lesson', () => {
  const plain = runStep(0);
  const tdx = runStep(1);
  const lazy = runStep(2);

  it('every step loads without problems and opens the Variants view; highlights name real fields or regions', () => {
    for (const step of steps) {
      expect(decodeLink(step.scenario!)!.problems).toEqual([]);
      expect(step.view).toBe('variants');
      const h = step.highlight!;
      if (h.includes('.')) expect(fieldDef(h)).toBeDefined();
    }
  });

  it('step 1: a little more than the 256 MiB of data', () => {
    const mib = plain.summary.bytesTransferred / MiB;
    expect(mib).toBeGreaterThan(256);
    expect(mib).toBeLessThan(256 * 1.1);
  });

  it('step 2: about 2,090 MiB, roughly eight times the ordinary VM, within the question’s tolerance', () => {
    const mib = tdx.summary.bytesTransferred / MiB;
    expect(Math.abs(mib - (524_288 * 4180) / MiB) / mib).toBeLessThan(
      steps[1].question!.kind === 'number' ? steps[1].question!.tolerance : 0,
    );
    const ratio = tdx.summary.bytesTransferred / plain.summary.bytesTransferred;
    expect(ratio).toBeGreaterThan(7.5);
    expect(ratio).toBeLessThan(8.5);
  });

  it('step 3: never-accepted pages cost 84 bytes each, and most of the extra is gone', () => {
    expect(lazy.variant!.confidential!.zeroPageWireBytes).toBe(84);
    expect(lazy.summary.bytesTransferred).toBeLessThan(plain.summary.bytesTransferred * 1.2);
  });

  it('step 4: refused at the validate step, the VM stays on the source', () => {
    const t = runStep(3);
    expect(t.summary.stopReason).toBe('refused');
    expect(t.lifecycle.find((s) => s.step === 'validate')!.status).toBe('refused');
    expect(t.summary.vmLocation).toBe('source');
  });

  it('step 5: dirtied pages are re-sent in the pause, never-sent pages follow in post-copy', () => {
    const t = runStep(4);
    const c = t.variant!.confidential!;
    expect(c.resentAtPause).toBeGreaterThan(0);
    expect(c.deferredPages).toBeGreaterThan(0);
    expect(t.summary.postcopyBytes).toBeGreaterThan(0);
  });
});
