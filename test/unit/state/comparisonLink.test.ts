// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { decodeComparison, encodeComparison } from '../../../src/state/comparisonLink';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { decodeSweep, encodeSweep } from '../../../src/state/sweepLink';
import { decodeLink, encodeLink } from '../../../src/state/urlCodec';

const rich = scenarioOrThrow({
  name: 'a; tricky %3B name: 100%',
  strategy: 'hybrid',
  vm: { memoryMiB: 8192, usedMiB: 6000.5 },
  workload: { preset: 'custom', pattern: 'zipf', writeRateMiBps: 75, phases: [{ atMs: 3000, writeRateMiBps: 5 }] },
  network: { linkMbps: 10000, capMbps: 2500, capScheduleMbps: [500, 1000, 4000] },
  precopy: { autoConverge: true },
  faults: [{ kind: 'network-drop', atMs: 2000, durationMs: 500 }],
  interventions: [
    { atMs: 12000, path: 'network.capMbps', value: 100 },
    { atMs: 15000, path: 'workload.pattern', value: 'sequential' },
  ],
});
const postcopy = scenarioOrThrow({ strategy: 'postcopy', network: { linkMbps: 2500 } });

/** The comparison as the address bar holds it: encoded with the lab's link, read back from the query. */
function throughLink(items: Parameters<typeof encodeComparison>[0]) {
  const query = encodeLink(DEFAULT_SCENARIO, undefined, encodeComparison(items));
  return { query, decoded: decodeComparison(decodeLink(query)!.extras)! };
}

describe('the comparison in a link', () => {
  it('round-trips names and whole scenarios (lists, faults, interventions, odd characters)', () => {
    const items = [
      { label: 'Baseline', scenario: DEFAULT_SCENARIO },
      { label: 'Rich; 50% off', scenario: rich },
      { label: 'Post-copy', scenario: postcopy },
    ];
    const { query, decoded } = throughLink(items);
    expect(decoded.problems).toEqual([]);
    expect(decoded.items.map((i) => i.label)).toEqual(items.map((i) => i.label));
    decoded.items.forEach((item, i) => expect(item.scenario).toEqual(items[i].scenario));
    // Readable where simple: the default run is its name alone; others list their fields.
    expect(query).toContain('cmp=1&c1=Baseline&');
    expect(query).toContain('c3=Post-copy;strategy:postcopy;network.linkMbps:2500');
  });

  it('no comparison, no parameters; none in the link reads as none', () => {
    expect(encodeComparison([])).toEqual({});
    expect(decodeComparison({})).toBeNull();
  });

  it('a value out of range is named with its run and range, and that field falls back to its default', () => {
    const decoded = decodeComparison({ cmp: '1', c1: 'A', c2: 'B;network.linkMbps:9999999;vm.memoryMiB:8192' })!;
    expect(decoded.items).toHaveLength(2);
    expect(decoded.items[1].scenario.network.linkMbps).toBe(DEFAULT_SCENARIO.network.linkMbps);
    expect(decoded.items[1].scenario.vm.memoryMiB).toBe(8192);
    expect(decoded.problems).toHaveLength(1);
    expect(decoded.problems[0]).toMatch(/^c2: /);
    expect(decoded.problems[0]).toContain('9999999');
    expect(decoded.problems[0]).toContain('400000');
  });

  it('refuses a newer version, unknown fields, malformed pairs and parameters that are not fields', () => {
    expect(decodeComparison({ cmp: '7', c1: 'A' })!.problems[0]).toMatch(/^cmp: "7" is not a comparison format/);
    expect(decodeComparison({ cmp: '7', c1: 'A' })!.items).toEqual([]);
    const bad = decodeComparison({ cmp: '1', c1: 'A;nonsense;vm.colour:blue;t:5;view:lab' })!;
    expect(bad.items[0].scenario).toEqual(DEFAULT_SCENARIO);
    expect(bad.problems.some((p) => p.startsWith('c1: "nonsense" is not <field>:<value>'))).toBe(true);
    expect(bad.problems.some((p) => p.startsWith('c1: ') && p.includes('vm.colour'))).toBe(true);
    expect(bad.problems.some((p) => p.startsWith('c1: "t" is not a field'))).toBe(true);
    expect(bad.problems.some((p) => p.startsWith('c1: "view" is not a field'))).toBe(true);
  });

  it('a comparison without runs, or runs without a version, says so', () => {
    expect(decodeComparison({ cmp: '1' })!.problems[0]).toMatch(/names no runs/);
    const unversioned = decodeComparison({ c1: 'A;strategy:postcopy' })!;
    expect(unversioned.items[0].scenario.strategy).toBe('postcopy');
    expect(unversioned.problems[0]).toMatch(/^cmp: missing/);
  });

  it('an empty or very long name is replaced or cut, with a note', () => {
    const decoded = decodeComparison({ cmp: '1', c1: ';strategy:postcopy', c2: 'x'.repeat(500) })!;
    expect(decoded.items[0].label).toBe('Run 1');
    expect(decoded.items[1].label).toHaveLength(60);
    expect(decoded.problems).toEqual(['c2: the name is longer than 60 characters; it was cut short']);
  });
});

describe('the sweep in a link', () => {
  const spec = { field: 'network.linkMbps' as const, from: 100, to: 10000, points: 40, eachStrategy: true };

  it('round-trips the field, range, points and series; the base only when it is not the lab scenario', () => {
    const same = encodeSweep(spec, rich, rich);
    expect(same['sweep.base']).toBeUndefined();
    const back = decodeSweep(decodeLink(encodeLink(rich, undefined, same))!.extras, rich)!;
    expect(back).toEqual({ spec, base: rich, problems: [] });

    const other = encodeSweep(spec, postcopy, rich);
    const query = encodeLink(rich, undefined, other);
    expect(query).toContain('sweep.field=network.linkMbps&sweep.from=100&sweep.to=10000&sweep.points=40');
    const read = decodeSweep(decodeLink(query)!.extras, rich)!;
    expect(read.base).toEqual(postcopy);
    expect(read.problems).toEqual([]);
  });

  it('bad settings get the default and a line naming the parameter and the allowed range', () => {
    const read = decodeSweep(
      {
        sweep: '1',
        'sweep.field': 'workload.writeRateMiBps',
        'sweep.from': '-5',
        'sweep.to': '300',
        'sweep.points': '5000',
      },
      DEFAULT_SCENARIO,
    )!;
    expect(read.spec.to).toBe(300);
    expect(read.spec.points).toBe(50);
    expect(read.problems).toContain("sweep.from: -5 is outside Write rate's range, 0 to 100000; 0.5 was used");
    expect(read.problems).toContain('sweep.points: 5000 is not a whole number from 2 to 200; 50 was used');
  });

  it('a field that cannot be swept, or an unknown version, is said and replaced', () => {
    const read = decodeSweep({ sweep: '2', 'sweep.field': 'strategy' }, DEFAULT_SCENARIO)!;
    expect(read.spec.field).toBe('workload.writeRateMiBps');
    expect(read.problems[0]).toMatch(/^sweep: "2" is not a sweep format/);
    expect(read.problems[1]).toMatch(/^sweep.field: "strategy" is not a field a sweep can step/);
    expect(decodeSweep({}, DEFAULT_SCENARIO)).toBeNull();
  });
});
