// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { FLEET_PRESETS } from '../../../src/engine';
import { DEFAULT_FLEET_SETUP, fleetLinkOf, fleetScenarioOf, readFleetLink } from '../../../src/state/fleetLink';
import { decodeLink, encodeLink } from '../../../src/state/urlCodec';
import { DEFAULT_SCENARIO } from '../../../src/state/defaultScenario';
import { bootWorkspace } from '../../../src/state/bootWorkspace';
import { workspaceQuery } from '../../../src/state/workspaceLink';

const extrasOf = (search: string) => decodeLink(`?${search}`)!.extras;

describe('the fleet scenario in a link', () => {
  test('a setup goes into a link and comes back the same, with the scenario it describes', () => {
    const setup = {
      preset: 'firmware-rollout' as const,
      params: {
        'fleet.perCustomerCap': '1',
        'fleet.platform': 'nova',
        'fleet.event': 'flaky-host',
        'fleet.target': '3',
        'fleet.failAfterS': '40',
      },
    };
    const search = encodeLink(DEFAULT_SCENARIO, undefined, { view: 'fleet', ...fleetLinkOf(setup) });
    expect(search).toContain('fleet.perCustomerCap=1');
    const back = readFleetLink(extrasOf(search));
    expect(back.problems).toEqual([]);
    expect(back.setup).toEqual(setup);
    const r = fleetScenarioOf(back.setup);
    if (!r.ok) throw new Error(r.problems.join());
    expect(r.scenario.scheduler.perCustomerCap).toBe(1);
    // Nova's default of 1 outbound per host, since the link leaves that cap to the platform.
    expect(r.scenario.scheduler.perSourceHostCap).toBe(1);
    expect(r.scenario.events).toEqual([{ kind: 'flaky-host', atS: 0, host: 3, failAfterS: 40 }]);
    expect(r.scenario.vms.count).toBe(256);
  });

  test('the default setup adds nothing to a link', () => {
    expect(fleetLinkOf(DEFAULT_FLEET_SETUP)).toEqual({});
    const r = fleetScenarioOf(DEFAULT_FLEET_SETUP);
    expect(r.ok && r.scenario.events[0]).toEqual({ kind: 'rack-maintenance', atS: 0, rack: 0 });
  });

  test.each([
    ['fleet.perCustomerCap=-3', 'fleet.perCustomerCap: "-3" is not allowed; allowed: a whole number 0 to 100000'],
    ['fleet.perSourceHostCap=lots', 'fleet.perSourceHostCap: "lots" is not allowed; allowed: a whole number 0 to 1000'],
    [
      'fleet.platform=openshift',
      'fleet.platform: "openshift" is not allowed; allowed: one of custom, kubevirt, nova, vsphere, azure',
    ],
    ['fleet.target=9', 'fleet.target: "9" is not allowed; allowed: 0 to 3'],
    ['fleet.event=meteor', 'fleet.event: "meteor" is not a trigger event'],
    ['fleet.vms=1000000', 'fleet.vms: "1000000" is not allowed; allowed: a whole number 0 to 100000'],
  ])('a bad value (%s) is dropped with a line naming the parameter and its range; the rest applies', (bad, line) => {
    const r = readFleetLink(extrasOf(`v=1&view=fleet&fleet=rack-maintenance&fleet.fleetCap=7&${bad}`));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(line);
    expect(r.setup.params['fleet.fleetCap']).toBe('7');
    const checked = fleetScenarioOf(r.setup);
    expect(checked.ok && checked.problems).toEqual([]);
    expect(checked.ok && checked.scenario.scheduler.fleetCap).toBe(7);
  });

  test('an unknown preset opens the default one and says which presets there are', () => {
    const r = readFleetLink(extrasOf('v=1&fleet=mars'));
    expect(r.setup.preset).toBe('rack-maintenance');
    expect(r.problems[0]).toMatch(/^fleet: "mars" is not a fleet preset; allowed: one of rack-maintenance, /);
  });

  test('a link with a bad fleet value opens the fleet view with a notice naming it; the workspace link keeps the rest', () => {
    const store = bootWorkspace(
      '?v=1&view=fleet&fleet=consolidation&fleet.perDestinationHostCap=5000&fleet.placement=spread',
      undefined,
    );
    const s = store.getState();
    expect(s.view).toBe('fleet');
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0].lines.join('\n')).toContain(
      'fleet.perDestinationHostCap: "5000" is not allowed; allowed: a whole number 0 to 1000',
    );
    expect(s.fleet).toEqual({ preset: 'consolidation', params: { 'fleet.placement': 'spread' } });
    const query = workspaceQuery(s);
    expect(query).toContain('fleet=consolidation');
    expect(query).toContain('fleet.placement=spread');
    expect(query).not.toContain('perDestinationHostCap');
    expect(FLEET_PRESETS.consolidation.scenario.vms.count).toBe(96);
  });
});
