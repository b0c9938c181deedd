/**
 * The fleet view's link parameters (`?view=fleet&fleet=rack-maintenance&fleet.perCustomerCap=1`): `fleet`
 * names the fleet preset, each `fleet.<name>` sets one field on top of it. Kept apart from fleetLink.ts so
 * linkExtras.ts can list them without importing the engine.
 */
export const FLEET_PARAM_PATHS = {
  'fleet.platform': 'scheduler.platform',
  'fleet.fleetCap': 'scheduler.fleetCap',
  'fleet.perSourceHostCap': 'scheduler.perSourceHostCap',
  'fleet.perDestinationHostCap': 'scheduler.perDestinationHostCap',
  'fleet.perCustomerCap': 'scheduler.perCustomerCap',
  'fleet.rateLimitPerMin': 'scheduler.rateLimitPerMin',
  'fleet.faultDomain': 'scheduler.faultDomain',
  'fleet.fairness': 'scheduler.fairness',
  'fleet.placement': 'scheduler.placement',
  'fleet.vms': 'vms.count',
  'fleet.customers': 'vms.customers',
  'fleet.seed': 'seed',
} as const;

/** Parameters that replace the preset's trigger event: its kind, what it targets, and a flaky host's fuse. */
export const FLEET_EVENT_PARAMS = ['fleet.event', 'fleet.target', 'fleet.failAfterS'] as const;

export type FleetFieldParam = keyof typeof FLEET_PARAM_PATHS;
export type FleetEventParam = (typeof FLEET_EVENT_PARAMS)[number];
export type FleetParam = FleetFieldParam | FleetEventParam;

export const FLEET_LINK_PARAMS = [
  'fleet',
  ...(Object.keys(FLEET_PARAM_PATHS) as FleetFieldParam[]),
  ...FLEET_EVENT_PARAMS,
] as const;
