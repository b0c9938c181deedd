// @vitest-environment node
import { describe, expect, it } from 'vitest';
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
      workload: { pattern: 'zipf', writeRateMiBps: 75, wssMiB: 1500, phases: [{ atMs: 3000, writeRateMiBps: 5 }] },
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
