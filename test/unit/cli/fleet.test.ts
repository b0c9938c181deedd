// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

function fleet(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/fleet.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SMALL = ['--set', 'fleet.racks=2', '--set', 'fleet.hostsPerRack=4', '--set', 'vms.count=40'];

describe('npm run fleet', () => {
  it('prints one JSON summary with the documented fields and the caps in force', () => {
    const r = fleet('--preset', 'rack-maintenance', ...SMALL, '--set', 'scheduler.platform=kubevirt');
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const key of [
      'vms',
      'affected',
      'migrated',
      'terminated',
      'restarted',
      'failed',
      'evacuationMs',
      'totalBlackoutMs',
      'bytesTransferred',
      'peakConcurrent',
      'caps',
    ])
      expect(s).toHaveProperty(key);
    expect(Object.keys(s.peakConcurrent).sort()).toEqual([
      'fleet',
      'perCustomer',
      'perDestinationHost',
      'perSourceHost',
    ]);
    expect(s.vms).toBe(40);
    expect(s.caps).toMatchObject({ platform: 'kubevirt', fleet: 5, perSourceHost: 2, perDestinationHost: 0 });
    expect(s.peakConcurrent.fleet).toBeLessThanOrEqual(5);
    expect(s.migrated).toBeGreaterThan(0);
    expect(s.migrated + s.terminated).toBeGreaterThanOrEqual(s.affected);
  });

  it('exits with code 2 and names every bad field, its value and the allowed range', () => {
    const r = fleet('--set', 'fleet.racks=0', '--set', 'scheduler.fairness=lottery', '--set', 'notice.migrateS=soon');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('fleet.racks: 0 is not allowed; allowed: a whole number 1 to 500');
    expect(r.stderr).toContain('scheduler.fairness: "lottery" is not allowed; allowed: one of round-robin, fifo');
    expect(r.stderr).toContain('notice.migrateS: "soon" is not a number');
    const event = fleet(...SMALL, '--set', 'events=[{"kind":"flaky-host","host":8}]');
    expect(event.code).toBe(2);
    expect(event.stderr).toContain('events.0.host: 8 is not allowed: there are 8 hosts; allowed: 0 to 7');
    const kind = fleet('--set', 'events=[{"kind":"meteor-strike"}]');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('events.0.kind: "meteor-strike" is not allowed; allowed: one of host-maintenance');
  });

  it('refuses hostile --set keys with a message instead of touching any prototype', () => {
    const keys = [
      '__proto__',
      '__proto__.polluted',
      'constructor',
      'constructor.prototype.x',
      'toString',
      'scheduler.hasOwnProperty',
      'vms.sizes.0.__proto__',
    ];
    const r = fleet(...keys.flatMap((key) => ['--set', `${key}=1`]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const key of keys) expect(r.stderr, key).toContain(`${key}: not a field of the fleet scenario format`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('merges a scenario file over the preset, rejects unknown and prototype keys in it, writes the trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brownout-fleet-'));
    const file = join(dir, 'fleet.json');
    const traceFile = join(dir, 'trace.json');
    writeFileSync(file, JSON.stringify({ fleet: { racks: 2, hostsPerRack: 4 }, vms: { count: 24 } }));
    const r = fleet('--preset', 'flaky-host', '--scenario', file, '--trace', traceFile);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.vms).toBe(24);
    const trace = JSON.parse(readFileSync(traceFile, 'utf8'));
    expect(trace.summary).toEqual(s);
    expect(trace.scenario.events[0]).toMatchObject({ kind: 'flaky-host', failAfterS: 75 });
    expect(trace.migrations.length).toBe(s.migrated + s.failed);
    expect(trace.samples.memoryPct.length).toBe(trace.samples.timesMs.length * 8);
    writeFileSync(file, '{"__proto__": {"polluted": true}, "fleet": {"constructor": 1}}');
    const bad = fleet('--scenario', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('fleet.constructor: not a field of the fleet scenario format');
    expect(bad.stderr).toContain('__proto__: not a field of the fleet scenario format');
    writeFileSync(file, '{ "fleet": ');
    expect(fleet('--scenario', file).stderr).toMatch(/is not valid JSON/);
    expect(fleet('--preset', 'tsunami').stderr).toContain('"tsunami" is not a fleet preset');
  });
});
