// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyPreset, WORKLOAD_PRESETS } from '../../../src/engine';
import { scenarioOrThrow } from '../../../src/engine/scenario/validate';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { decodeLink, encodeLink } from '../../../src/state/urlCodec';
import { LINK_FORMAT, LINK_VERSION, migrateLinkParams } from '../../../src/state/linkVersions';
import { migrate } from '../../../src/engine/versioning';

describe('shared links', () => {
  it('the default scenario is just the version', () => {
    expect(encodeLink(DEFAULT_SCENARIO)).toBe('v=1');
  });

  it('round-trips a full scenario with interventions and the playhead', () => {
    const scenario = scenarioOrThrow({
      strategy: 'hybrid',
      seed: 99,
      vm: { memoryMiB: 8192, usedMiB: 6000.5, pageKiB: 2048 },
      // Figures of its own: a custom workload (a preset's name over other figures is not a scenario the lab makes).
      workload: {
        preset: 'custom',
        pattern: 'zipf',
        writeRateMiBps: 75,
        wssMiB: 1500,
        phases: [{ atMs: 3000, writeRateMiBps: 5 }],
      },
      network: { linkMbps: 10000, capMbps: 2500, capScheduleMbps: [500, 1000, 4000] },
      precopy: { stopRule: 'xen', autoConverge: true, maxIterations: 5 },
      interventions: [
        { atMs: 12000, path: 'network.capMbps', value: 100 },
        { atMs: 15000, path: 'workload.pattern', value: 'sequential' },
        { atMs: 16000, path: 'precopy.autoConverge', value: false },
      ],
    });
    const text = encodeLink(scenario, 12345.6);
    const back = decodeLink(text)!;
    expect(back.problems).toEqual([]);
    expect(back.scenario).toEqual(scenario);
    expect(back.tMs).toBe(12346);
  });

  it('keeps simple fields readable for hand editing', () => {
    const text = encodeLink(
      scenarioOrThrow({
        network: { linkMbps: 10000 },
        interventions: [{ atMs: 5, path: 'network.capMbps', value: 1 }],
      }),
    );
    expect(text).toBe('v=1&network.linkMbps=10000&iv=5:network.capMbps:1');
  });

  it('a tampered field gets its default and a message naming the field, the value and the range', () => {
    const r = decodeLink('v=1&vm.memoryMiB=abc&network.linkMbps=999999999&network.capMbps=500')!;
    expect(r.scenario.vm.memoryMiB).toBe(4096);
    expect(r.scenario.network.linkMbps).toBe(1000);
    expect(r.scenario.network.capMbps).toBe(500);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toContain('vm.memoryMiB: "abc" is not a number; allowed: a whole number 64 to 1048576 MiB');
    expect(r.problems[1]).toContain('network.linkMbps: 999999999 is not allowed; allowed: 1 to 400000 Mbit/s');
  });

  it('unknown fields, bad interventions and broken rules between fields are named', () => {
    const r = decodeLink('v=1&vm.memoryMB=12&iv=soon:network.capMbps:5&vm.memoryMiB=1024&vm.usedMiB=4000')!;
    expect(r.problems.join('\n')).toMatch(/vm\.memoryMB: not a field/);
    expect(r.problems.join('\n')).toMatch(/iv=soon:network.capMbps:5: "soon" is not a time/);
    expect(r.problems.join('\n')).toMatch(/vm\.usedMiB: 4000 is more than vm\.memoryMiB/);
    expect(r.scenario.vm.memoryMiB).toBe(1024);
    expect(r.scenario.vm.usedMiB).toBeLessThanOrEqual(1024);
  });

  it('a link from another format version loads the defaults and says why', () => {
    const r = decodeLink('v=0&network.linkMbps=100')!;
    expect(r.scenario).toEqual(DEFAULT_SCENARIO);
    expect(r.problems[0]).toMatch(/format version "0".*default scenario was loaded/);
  });

  it('no query string means no link', () => {
    expect(decodeLink('')).toBeNull();
  });
});

describe('link versions', () => {
  it('a link newer than this Brownout says so and opens the defaults', () => {
    const r = decodeLink(`v=${LINK_VERSION + 1}&network.linkMbps=100`)!;
    expect(r.scenario).toEqual(DEFAULT_SCENARIO);
    expect(r.problems).toEqual([
      `the link uses format version "${LINK_VERSION + 1}", newer than this Brownout reads (version ${LINK_VERSION}): the default scenario was loaded instead`,
    ]);
    expect(decodeLink('v=two')!.problems[0]).toMatch(/format version "two", which is not a version number/);
  });

  it('an old link is lifted by the link migrations before it is read', () => {
    const renamed = {
      ...LINK_FORMAT,
      firstVersion: 0,
      migrations: [
        {
          to: 1,
          what: 'bw became network.linkMbps',
          up: (p: URLSearchParams) => {
            const out = new URLSearchParams(p);
            const bw = out.get('bw');
            out.delete('bw');
            if (bw !== null) out.set('network.linkMbps', bw);
            return out;
          },
        },
      ],
    };
    const r = migrate(new URLSearchParams('v=0&bw=2500'), 0, renamed);
    expect(r.ok && r.doc.get('network.linkMbps')).toBe('2500');
    expect(migrateLinkParams(new URLSearchParams(`v=${LINK_VERSION}&x=1`), String(LINK_VERSION))).toMatchObject({
      ok: true,
    });
  });
});

describe('hostile links', () => {
  const decode = (search: string) => {
    const r = decodeLink(search);
    if (!r) throw new Error('no link');
    return r;
  };

  it('5,000 nested brackets give a short message, not a stack overflow', () => {
    for (const faults of ['['.repeat(5000), '['.repeat(5000) + ']'.repeat(5000)]) {
      const r = decode(`?v=1&network.linkMbps=10000&faults=${faults}`);
      expect(r.scenario.faults).toEqual([]);
      expect(r.scenario.network.linkMbps).toBe(10000);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatch(/^faults/);
      expect(r.problems[0].length).toBeLessThan(200);
    }
  });

  it('one bad fault is dropped and said once; the good fault and other fields stay', () => {
    const r = decode('?v=1&network.linkMbps=10000&faults=[{},{"kind":"source-crash","atMs":5}]');
    expect(r.scenario.faults).toEqual([expect.objectContaining({ kind: 'source-crash', atMs: 5 })]);
    expect(r.scenario.network.linkMbps).toBe(10000);
    expect(r.problems).toEqual([
      'faults.0.kind: missing; allowed: one of network-drop, destination-crash, source-crash, link-degradation; so faults.0 was dropped',
    ]);
  });

  it('one bad workload phase is dropped; the next phase keeps its place in the message', () => {
    const r = decode('?v=1&workload.phases=[1,{"atMs":100,"writeRateMiBps":5},{"atMs":-1}]');
    expect(r.scenario.workload.phases).toEqual([{ atMs: 100, writeRateMiBps: 5 }]);
    expect(r.problems).toEqual([
      'workload.phases.0: 1 is not allowed; allowed: an object; so workload.phases.0 was dropped',
      'workload.phases.2.atMs: -1 is not allowed; allowed: 0 to 1000000000 ms; so workload.phases.2 was dropped',
    ]);
  });

  it('a replaced field names the value that took its place, never "undefined"', () => {
    const r = decode('?v=1&vm.memoryMiB=1024&vm.usedMiB=4000');
    expect(r.problems).toEqual([
      'vm.usedMiB: 4000 is more than vm.memoryMiB; allowed: 0 to 1024 MiB (vm.memoryMiB); the default 512 is used',
    ]);
    expect(r.scenario.vm.usedMiB).toBe(512);
  });

  it('a bad change over time is dropped alone and named as the iv the link holds', () => {
    const r = decode('?v=1&iv=10:network.capMbps:fast&iv=20:network.capMbps:100');
    expect(r.scenario.interventions).toEqual([{ atMs: 20, path: 'network.capMbps', value: 100 }]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^iv=10:network\.capMbps:fast \(value\): "fast" (is not allowed|does not fit)/);
    expect(r.problems[0]).toMatch(/so iv=10:network\.capMbps:fast was dropped$/);
  });

  it('a list that is too long keeps its first entries', () => {
    const faults = JSON.stringify(Array.from({ length: 11 }, (_, i) => ({ kind: 'source-crash', atMs: i })));
    const r = decode(`?v=1&faults=${encodeURIComponent(faults)}`);
    expect(r.scenario.faults.map((f) => f.atMs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^faults: .* allowed: a list of at most 8 entries; the last 3 entries were dropped$/);
  });

  it('quotes at most a short prefix of a huge value', () => {
    const r = decode(`?v=1&name=${'x'.repeat(100_000)}&vm.memoryMiB=${'7'.repeat(100_000)}&${'k'.repeat(100_000)}=1`);
    expect(r.problems).toHaveLength(3);
    for (const line of r.problems) expect(line.length).toBeLessThan(250);
    expect(r.problems.join('\n')).toContain('(100000 characters)');
  });

  it('shows NaN and Infinity as what they are, never as null', () => {
    const r = decode(`?v=1&vm.pageKiB=${'9'.repeat(400)}&faults=[{"kind":"source-crash","atMs":1e999}]`);
    const text = r.problems.join('\n');
    expect(text).not.toMatch(/null/);
    expect(text).toMatch(/vm\.pageKiB: "9+"… \(400 characters\) is too large a number; allowed: one of 4, 2048 KiB/);
    expect(text).toMatch(/faults\.0\.atMs: Infinity is not allowed/);
    expect(r.scenario.vm.pageKiB).toBe(4);
  });

  it('names an empty key sensibly and says when a key appears twice', () => {
    const r = decode('?v=1&=5&network.linkMbps=5&network.linkMbps=7');
    expect(r.problems).toEqual([
      'network.linkMbps: given 2 times in the link; only the last one, "7", is read',
      'a parameter with no name (="5") was ignored',
    ]);
    expect(r.scenario.network.linkMbps).toBe(7);
  });

  it('never repeats a line and never lists more than a screenful', () => {
    const many = Array.from({ length: 500 }, (_, i) => `bogus${i}=1`).join('&');
    const r = decode(`?v=1&${many}&${many}`);
    expect(new Set(r.problems).size).toBe(r.problems.length);
    expect(r.problems.length).toBeLessThanOrEqual(12);
    expect(r.problems[r.problems.length - 1]).toMatch(/and \d+ more problems/);
  });

  it('prototype keys are refused by name and pollute nothing', () => {
    const r = decode(
      '?v=1&__proto__.polluted=1&constructor=1&toString=1&vm.constructor=1&faults=[{"__proto__":{"polluted":1},"kind":"source-crash"}]',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const text = r.problems.join('\n');
    for (const name of ['__proto__.polluted', 'constructor', 'toString', 'vm.constructor', 'faults.0.__proto__'])
      expect(text).toContain(`${name}: not a field of the scenario format`);
    expect(r.scenario.faults).toHaveLength(1);
  });
});

describe('a link naming a workload preset', () => {
  const presets = WORKLOAD_PRESETS.filter((p) => p !== 'custom');

  it('gets the preset’s figures for what it does not give (a hand-edited preset name is that workload)', () => {
    for (const preset of presets) {
      const decoded = decodeLink(`v=1&workload.preset=${preset}`)!;
      expect(decoded.problems).toEqual([]);
      const expected = applyPreset(DEFAULT_SCENARIO, preset);
      expect(decoded.scenario.workload, preset).toEqual(expected.workload);
      expect(decoded.scenario.vm.usedMiB, preset).toBe(expected.vm.usedMiB);
    }
  });

  it('reads back every preset the lab can pick, with the picker’s name kept', () => {
    for (const preset of presets)
      for (const memoryMiB of [1024, 4096, 65536]) {
        const scenario = applyPreset({ ...DEFAULT_SCENARIO, vm: { ...DEFAULT_SCENARIO.vm, memoryMiB } }, preset);
        expect(decodeLink(encodeLink(scenario))!.scenario, `${preset} at ${memoryMiB} MiB`).toEqual(scenario);
      }
  });

  it('is custom when the link gives a figure of its own, on top of the preset’s others', () => {
    const decoded = decodeLink('v=1&workload.preset=oltp&workload.writeRateMiBps=5')!;
    const oltp = applyPreset(DEFAULT_SCENARIO, 'oltp');
    expect(decoded.scenario.workload.preset).toBe('custom');
    expect(decoded.scenario.workload.writeRateMiBps).toBe(5);
    expect(decoded.scenario.workload.wssMiB).toBe(oltp.workload.wssMiB);
    expect(decoded.scenario.workload.pattern).toBe(oltp.workload.pattern);
  });
});
