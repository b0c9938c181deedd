// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFleetArgs } from '../../../src/cli/fleetArgs';
import { fleetFields } from '../../../src/engine/fleet/fields';
import { parseFleetScenario } from '../../../src/engine/fleet/validate';
import { HOSTILE_KEYS, hostileKey, hostileText } from '../../fuzz/values';
import { fail, guarded, pass, unclearMessages, type Outcome } from '../../fuzz/verdict';

/** Field names of the fleet format as `--set` names them, and fleet documents with a few fields broken. */
const FLEET_FIELDS = fleetFields()
  .map((f) => f.path)
  .filter((p) => !p.includes('['));

const fleetKey = fc.oneof(fc.constantFrom(...FLEET_FIELDS), hostileKey);
const setArg = fc
  .tuple(
    fleetKey,
    fc.oneof(hostileText, fc.constantFrom('0', '-1', '2', '1e9', 'true', '[]', '[{"kind":"consolidate"}]')),
  )
  .map(([k, v]) => ['--set', `${k}=${v}`]);

const hostileFleetDocument = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...FLEET_FIELDS, ...HOSTILE_KEYS), fc.oneof(hostileText, fc.jsonValue())), {
      maxLength: 4,
    }),
    fc.nat(),
    fc.boolean(),
  )
  .map(([mutations, cut, truncate]) => {
    const doc: Record<string, unknown> = {};
    for (const [path, value] of mutations) {
      const keys = path.split('.');
      let node = doc;
      for (const key of keys.slice(0, -1)) {
        const child = Object.hasOwn(node, key) ? node[key] : undefined;
        if (child === null || typeof child !== 'object' || Array.isArray(child))
          Object.defineProperty(node, key, { value: {}, enumerable: true, writable: true, configurable: true });
        node = node[key] as Record<string, unknown>;
      }
      Object.defineProperty(node, keys[keys.length - 1], {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    const text = JSON.stringify(doc);
    return truncate ? text.slice(0, cut % (text.length + 1)) : text;
  });

const hostileFleetArgs = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: setArg },
        { weight: 2, arbitrary: fc.constantFrom(['--scenario', 'fleet.json'], ['--scenario', 'missing.json']) },
        {
          weight: 1,
          arbitrary: fc.oneof(fc.constantFrom('flaky-host', 'fleet-10k', ''), hostileText).map((p) => ['--preset', p]),
        },
        { weight: 1, arbitrary: fc.oneof(fc.constantFrom('--set', '--trace', '-x'), hostileText).map((a) => [a]) },
      ),
      { maxLength: 6 },
    ),
    hostileFleetDocument,
  )
  .map(([args, doc]) => ({ argv: args.flat(), files: { 'fleet.json': doc } as Record<string, string> }));

function check({ argv, files }: { argv: string[]; files: Record<string, string> }): Outcome {
  return guarded(() => {
    const r = readFleetArgs(argv, (file) => {
      if (!Object.hasOwn(files, file))
        throw Object.assign(new Error(`ENOENT: no such file '${file}'`), { code: 'ENOENT' });
      return files[file];
    });
    if (r.kind === 'help') return pass('help');
    if (r.kind === 'run')
      return parseFleetScenario(r.scenario).ok ? pass('runs') : fail('invalid', 'does not validate');
    if (r.lines.length === 0) return fail('silent refusal', 'refused without a line');
    const unclear = unclearMessages(r.lines, 40);
    return unclear ? fail('unclear message', unclear) : pass('refused with a message');
  });
}

describe('npm run fleet: hostile command lines and files', () => {
  it('every case runs a valid fleet scenario, prints help, or is refused with clear lines', () => {
    fc.assert(
      fc.property(hostileFleetArgs, (c) => {
        const outcome = check(c);
        if (!outcome.ok)
          throw new Error(`${outcome.label}: ${outcome.detail} (${JSON.stringify(c.argv).slice(0, 200)})`);
      }),
      { seed: 15, numRuns: 400 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cuts long values and names short: a 100 KB --set value comes back as a prefix', () => {
    const r = readFleetArgs(
      ['--set', `scheduler.fairness=${'x'.repeat(100_000)}`, '--set', `${'k'.repeat(5000)}=1`],
      () => '',
    );
    expect(r.kind).toBe('refuse');
    if (r.kind !== 'refuse') return;
    expect(r.lines.every((l) => l.length < 300)).toBe(true);
    expect(r.lines.join('\n')).toContain('(100000 characters)');
    expect(unclearMessages(r.lines, 40)).toBeNull();
  });
});
