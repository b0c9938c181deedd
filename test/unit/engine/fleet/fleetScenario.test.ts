// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FLEET_PRESETS } from '../../../../src/engine/fleet/presets';
import { setFleetField } from '../../../../src/engine/fleet/setFleetField';
import { parseFleetScenario } from '../../../../src/engine/fleet/validate';

const problems = (input: unknown) => {
  const r = parseFleetScenario(input);
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe('fleet scenario validation', () => {
  it('fills every default and builds the fleet the seed describes', () => {
    const r = parseFleetScenario({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.hosts).toHaveLength(32);
    expect(r.layout.vms).toHaveLength(256);
    expect(r.layout.hosts[9]).toMatchObject({ name: 'r2h2', rack: 1 });
    // Same seed, same fleet; another seed, another one.
    const again = parseFleetScenario({});
    expect(again.ok && again.layout.vms.map((v) => v.host)).toEqual(r.layout.vms.map((v) => v.host));
    const other = parseFleetScenario({ seed: 2 });
    expect(other.ok && other.layout.vms.map((v) => v.host)).not.toEqual(r.layout.vms.map((v) => v.host));
    // Nothing starts over its host's capacity, and VMs that cannot move live are TERMINATE.
    const held = new Map<number, number>();
    for (const vm of r.layout.vms) held.set(vm.host, (held.get(vm.host) ?? 0) + vm.memoryMiB);
    for (const [h, mem] of held) expect(mem).toBeLessThanOrEqual(r.layout.hosts[h].memoryMiB);
    for (const vm of r.layout.vms) if (!vm.liveMigratable) expect(vm.onHostMaintenance).toBe('TERMINATE');
    expect(r.layout.vms.some((v) => v.passthroughGpu)).toBe(true);
    expect(r.layout.vms.every((v) => v.usedMiB === Math.round(v.memoryMiB / 2))).toBe(true);
  });

  it('names the field, the value and the allowed range', () => {
    expect(problems({ scheduler: { perSourceHostCap: -1 } })).toEqual([
      'scheduler.perSourceHostCap: -1 is not allowed; allowed: a whole number 0 to 1000',
    ]);
    expect(problems({ fleet: { nicMbps: 'fast' } })[0]).toBe(
      'fleet.nicMbps: "fast" is not allowed; allowed: 100 to 400000 Mbit/s',
    );
    expect(problems({ vms: { sizes: [] } })[0]).toBe('vms.sizes: [] is not allowed; allowed: a list of 1 to 16 items');
    expect(problems({ fleet: { rackz: 3 } })[0]).toBe(
      'fleet.rackz: not a field of the fleet scenario format (see docs/fleet.md)',
    );
    expect(problems({ events: [{ kind: 'rack-maintenance', rack: 2.5 }] })[0]).toBe(
      'events.0.rack: 2.5 is not allowed; allowed: a whole number 0 to 499',
    );
    expect(problems({ events: [{ kind: 'flaky-host', failAfterS: -5 }] })[0]).toContain(
      'events.0.failAfterS: -5 is not allowed; allowed: 0 to 10000000 s',
    );
  });

  it('refuses what cannot exist: a VM bigger than a host, more VMs than fit, a GPU VM set to MIGRATE', () => {
    expect(
      problems({ fleet: { hostMemoryMiB: 4096 }, vms: { sizes: [{ memoryMiB: 8192, vcpus: 1, weight: 1 }] } })[0],
    ).toBe('vms.sizes.0.memoryMiB: 8192 is not allowed: larger than a host; allowed: at most 4096 MiB');
    expect(problems({ fleet: { racks: 1, hostsPerRack: 1 }, vms: { count: 500 } })[0]).toMatch(
      /^vms\.count: 500 is not allowed: VM \d+ .* found no host with room in 1 hosts/,
    );
    expect(problems({ vms: { overrides: [{ vm: 3, passthroughGpu: true, onHostMaintenance: 'MIGRATE' }] } })[0]).toBe(
      'vms.overrides.0.onHostMaintenance: "MIGRATE" is not allowed: a VM with a passthrough GPU cannot live-migrate; allowed: TERMINATE',
    );
    expect(problems({ vms: { overrides: [{ vm: 300 }] } })[0]).toBe(
      'vms.overrides.0.vm: 300 is not allowed: there are 256 VMs; allowed: 0 to 255',
    );
    expect(problems({ events: [{ kind: 'consolidate', hostsOff: 32 }] })[0]).toContain(
      'at least one host must stay on',
    );
    expect(problems({ fleet: { racks: 200, hostsPerRack: 200 } })[0]).toContain('40000 hosts are more than 20000');
  });

  it('a platform fills the caps the scenario leaves out; fields set explicitly win', () => {
    const r = parseFleetScenario({ scheduler: { platform: 'nova', perDestinationHostCap: 3 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.scheduler).toMatchObject({ perSourceHostCap: 1, perDestinationHostCap: 3 });
    expect(r.scenario.migration).toMatchObject({
      downtimeLimitMs: 500,
      completionTimeoutSPerGiB: 800,
      completionTimeoutMinGiB: 2,
    });
    expect(problems({ scheduler: { platform: 'openshift' } })[0]).toBe(
      'scheduler.platform: "openshift" is not allowed; allowed: one of custom, kubevirt, nova, vsphere, azure',
    );
  });

  it('every named scenario is valid', () => {
    for (const [name, preset] of Object.entries(FLEET_PRESETS)) expect(problems(preset.scenario), name).toEqual([]);
  });
});

describe('setFleetField', () => {
  it('sets fields by their type and refuses everything that is not a field', () => {
    const input: Record<string, unknown> = {};
    expect(setFleetField(input, 'scheduler.perSourceHostCap', '4')).toBeNull();
    expect(setFleetField(input, 'fleet.confidentialLiveMigration', 'true')).toBeNull();
    expect(setFleetField(input, 'events', '[{"kind":"host-maintenance","host":1}]')).toBeNull();
    expect(input).toEqual({
      scheduler: { perSourceHostCap: 4 },
      fleet: { confidentialLiveMigration: true },
      events: [{ kind: 'host-maintenance', host: 1 }],
    });
    for (const key of [
      '__proto__',
      'constructor',
      'toString',
      'valueOf',
      'scheduler.__proto__',
      'fleet.constructor.name',
    ])
      expect(setFleetField(input, key, '1')).toBe(`${key}: not a field of the fleet scenario format`);
    expect(setFleetField(input, 'fleet.racks', 'four')).toBe(
      'fleet.racks: "four" is not a number; allowed: a whole number 1 to 500',
    );
    expect(setFleetField(input, 'events', '[oops')).toContain('events: "[oops" is not valid JSON');
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });
});
