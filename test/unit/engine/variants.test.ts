// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/engine/run';
import type { ScenarioInput } from '../../../src/engine/scenario/schema';
import { parseScenario } from '../../../src/engine/scenario/validate';

/** Who drives the migration: managed, managed with paravirtual help, self-migration; checked by closed forms. */
const PAGE = 4104;
const ZERO = 9;
const PAGES = 131_072; // 512 MiB
const USED = 65_536; // 256 MiB written
const FREED = 16_384; // 64 MiB freed again
const WSS = 16_384; // 64 MiB: more than fits under the downtime limit at 1 Gbit/s

const idle = (over: ScenarioInput = {}): ScenarioInput => ({
  seed: 5,
  ...over,
  vm: { memoryMiB: 512, usedMiB: 256, freeMiB: 64, deviceStateKiB: 0, ...over.vm },
  workload: { writeRateMiBps: 0, wssMiB: 64, ...over.workload },
  precopy: { stopRule: 'no-progress', ...over.precopy },
  network: { rttMs: 0 },
  host: { passStartMs: 0, zeroScanUs: 0, switchoverMs: 0 },
});

describe('managed and paravirtual', () => {
  it('a managed guest gives no hints: its freed memory is sent like any data', () => {
    const t = runScenario(idle());
    expect(t.summary.bytesTransferred).toBe(USED * PAGE + (PAGES - USED) * ZERO);
  });

  it('free-page hints from a paravirtual guest leave the freed pages out', () => {
    const t = runScenario(idle({ variant: 'paravirtual', precopy: { freePageHinting: true } }));
    expect(t.summary.bytesTransferred).toBe((USED - FREED) * PAGE + (PAGES - USED) * ZERO);
  });

  it('a managed scenario that asks for the guest’s help is refused, naming the field', () => {
    const r = parseScenario({ variant: 'managed', precopy: { freePageHinting: true } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/precopy\.freePageHinting.*variant paravirtual or self/);
  });

  it('a scenario written before variants existed keeps its meaning: hints make it paravirtual', () => {
    const r = parseScenario({ precopy: { stunRogue: true } });
    expect(r.ok && r.scenario.variant).toBe('paravirtual');
    const plain = parseScenario({});
    expect(plain.ok && plain.scenario.variant).toBe('managed');
  });
});

describe('self-migration', () => {
  const self = runScenario(idle({ variant: 'self', selfMigration: { footprintMiB: 4, copyCpuPct: 20 } }));
  const footprint = 1024; // 4 MiB

  it('skips its own free memory without being asked and holds its working set out of round 1', () => {
    expect(self.rounds[0].pagesSent).toBe(USED - FREED - WSS + (PAGES - USED));
    // Round 2 carries the working set it held back.
    expect(self.rounds[1].pagesSent).toBe(WSS);
  });

  it('its copy code’s own pages are dirty at the end and go in the final copy', () => {
    expect(self.summary.downtimeBytes).toBe(footprint * PAGE);
    expect(self.summary.bytesTransferred).toBe((USED - FREED) * PAGE + (PAGES - USED) * ZERO + footprint * PAGE);
  });

  it('its copy code takes its share of the guest’s CPU for as long as it copies', () => {
    const precopyMs = self.phases.filter((p) => p.kind === 'precopy').reduce((n, p) => n + p.endMs - p.startMs, 0);
    expect(self.summary.vmLostSeconds * 1000).toBeCloseTo(self.summary.downtimeMs + 0.2 * precopyMs, 0);
  });

  it('a confidential VM cannot migrate itself: refused at validation', () => {
    const t = runScenario(idle({ variant: 'self', vm: { confidential: { kind: 'tdx' } } }));
    expect(t.summary.stopReason).toBe('refused');
    expect(t.summary.refusals.join(' ')).toMatch(/cannot migrate itself/);
  });
});
