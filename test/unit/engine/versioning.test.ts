// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SCENARIO_VERSION } from '../../../src/engine/scenario/schema';
import { parseScenario } from '../../../src/engine/scenario/validate';
import { SCENARIO_FORMAT } from '../../../src/engine/scenario/versions';
import { TRACE_FORMAT_VERSION, TRACE_VERSIONS } from '../../../src/engine/trace/versions';
import { checkFormat, currentVersion, migrate, type VersionedFormat } from '../../../src/engine/versioning';

/** A format with a history, as the scenario's will have: a field renamed in 2, a unit changed in 3. */
const HISTORY: VersionedFormat<Record<string, unknown>> = {
  name: 'test format',
  firstVersion: 1,
  migrations: [
    {
      to: 2,
      what: 'linkMb became linkMbps',
      up: ({ linkMb, ...rest }) => ({ ...rest, linkMbps: linkMb }),
    },
    {
      to: 3,
      what: 'rttS became rttMs',
      up: ({ rttS, ...rest }) => ({ ...rest, rttMs: (rttS as number) * 1000 }),
    },
  ],
};

describe('versioned formats', () => {
  it('lifts an old document through every later migration, in order', () => {
    expect(currentVersion(HISTORY)).toBe(3);
    expect(migrate({ linkMb: 100, rttS: 0.5 }, 1, HISTORY)).toEqual({
      ok: true,
      doc: { linkMbps: 100, rttMs: 500 },
      fromVersion: 1,
      version: 3,
    });
    expect(migrate({ linkMbps: 100, rttS: 2 }, 2, HISTORY)).toMatchObject({
      ok: true,
      doc: { linkMbps: 100, rttMs: 2000 },
    });
    expect(migrate({ linkMbps: 7, rttMs: 7 }, 3, HISTORY)).toMatchObject({ ok: true, doc: { linkMbps: 7, rttMs: 7 } });
  });

  it('says so for a version from the future, one too old, or no version at all', () => {
    expect(migrate({}, 4, HISTORY)).toEqual({
      ok: false,
      reason: 'newer',
      message: 'test format version 4 is newer than this Brownout reads (version 3); update Brownout to open it',
    });
    expect(migrate({}, 0, HISTORY)).toMatchObject({ ok: false, reason: 'older' });
    expect(migrate({}, '2', HISTORY)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(migrate({}, 1.5, HISTORY)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses a sequence with a gap', () => {
    expect(() => checkFormat({ ...HISTORY, migrations: [HISTORY.migrations[1]] })).toThrow(/expected 2/);
    for (const f of [HISTORY, SCENARIO_FORMAT, TRACE_VERSIONS])
      expect(() => checkFormat(f as VersionedFormat<unknown>)).not.toThrow();
  });

  it('the scenario and trace formats follow their migrations', () => {
    expect(SCENARIO_VERSION).toBe(currentVersion(SCENARIO_FORMAT));
    expect(TRACE_FORMAT_VERSION).toBe(currentVersion(TRACE_VERSIONS));
  });

  it('a scenario file from a newer Brownout gets a clear message naming the version', () => {
    const r = parseScenario({ version: SCENARIO_VERSION + 1, network: { linkMbps: 10 } });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.message)).toEqual([
        `version: scenario format version ${SCENARIO_VERSION + 1} is newer than this Brownout reads (version ${SCENARIO_VERSION}); update Brownout to open it`,
      ]);
    const current = parseScenario({ version: SCENARIO_VERSION, network: { linkMbps: 10 } });
    expect(current.ok && current.scenario.network.linkMbps).toBe(10);
  });
});
