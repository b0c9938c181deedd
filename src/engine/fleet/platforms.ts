import { fleetScenarioSchema, type FleetScenario, type Platform } from './schema';

type SchedulerDefaults = Partial<Omit<FleetScenario['scheduler'], 'platform'>>;
type MigrationDefaults = Partial<FleetScenario['migration']>;

/** A platform's documented defaults, with where they come from. */
export interface PlatformDefinition {
  label: string;
  /** One line on what is reproduced and what is not. */
  summary: string;
  source: string;
  scheduler: (nicMbps: number) => SchedulerDefaults;
  migration: MigrationDefaults;
}

/**
 * Only defaults read in code or official documentation (tagged [code] or [doc] in the fact sheet's
 * section B). Google publishes no per-host or per-rack caps, so Compute Engine is not a platform here:
 * its 60 s notice is the `notice.migrateS` default.
 */
export const PLATFORM_DEFINITIONS: Record<Exclude<Platform, 'custom'>, PlatformDefinition> = {
  kubevirt: {
    label: 'KubeVirt',
    summary:
      '5 migrations per cluster, 2 outbound per node, no inbound limit, no bandwidth cap; ' +
      'a migration still in pre-copy after 150 s per GiB is cancelled.',
    source:
      'kubevirt/kubevirt pkg/virt-config/virt-config.go at commit 00182f1e (parallelMigrationsPerCluster, ' +
      'parallelOutboundMigrationsPerNode, bandwidthPerMigration, completionTimeoutPerGiB; older releases used 800 s/GiB)',
    scheduler: () => ({ fleetCap: 5, perSourceHostCap: 2, perDestinationHostCap: 0 }),
    migration: {
      maxIterations: 0,
      completionTimeoutSPerGiB: 150,
      onNoConvergence: 'abort',
      bandwidthPerMigrationMbps: 0,
    },
  },
  nova: {
    label: 'OpenStack Nova',
    summary:
      '1 outbound live migration per compute host (max_concurrent_live_migrations); 500 ms downtime; ' +
      'aborted after 800 s per GiB (at least 2 GiB). The stepwise downtime ramp is not modelled.',
    source:
      'openstack/nova nova/conf/compute.py and nova/conf/libvirt.py at HEAD 00a03040 (live_migration_downtime, ' +
      'live_migration_completion_timeout, live_migration_timeout_action)',
    scheduler: () => ({ fleetCap: 0, perSourceHostCap: 1, perDestinationHostCap: 0 }),
    migration: {
      downtimeLimitMs: 500,
      maxIterations: 0,
      completionTimeoutSPerGiB: 800,
      completionTimeoutMinGiB: 2,
      onNoConvergence: 'abort',
    },
  },
  vsphere: {
    label: 'VMware vSphere',
    summary:
      "4 vMotions per host on links under 10 GbE, 8 on 10 GbE and faster (the network budget; a host's own " +
      'budget is 8), applied to sending and receiving hosts alike.',
    source:
      'VMware vSphere 6.7 "Limits on Simultaneous Migrations" (vCenter Server and Host Management), ' +
      'docs.vmware.com GUID-25EA5833-03B5-4EDD-A167-87578B8009B3',
    scheduler: (nicMbps) => {
      const perHost = nicMbps >= 10_000 ? 8 : 4;
      return { fleetCap: 0, perSourceHostCap: perHost, perDestinationHostCap: perHost };
    },
    migration: {},
  },
  azure: {
    label: 'Microsoft Azure',
    summary: 'Planned maintenance proceeds one fault domain (here: one rack) at a time.',
    source:
      'MicrosoftDocs/azure-compute-docs articles/virtual-machines/maintenance-and-updates.md at commit 0feba6f0 ' +
      '("rolled out one fault domain at a time")',
    scheduler: () => ({ faultDomain: 'rack' }),
    migration: {},
  },
};

const DEFAULT_NIC_MBPS = fleetScenarioSchema.parse({}).fleet.nicMbps;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The input with the chosen platform's defaults filled in wherever the input leaves a field out; fields
 * the input sets win. Unknown platforms are left for the schema to report.
 */
export function withPlatformDefaults(input: unknown): unknown {
  if (!isObject(input) || !isObject(input.scheduler)) return input;
  const platform = input.scheduler.platform;
  if (typeof platform !== 'string' || !Object.prototype.hasOwnProperty.call(PLATFORM_DEFINITIONS, platform))
    return input;
  const def = PLATFORM_DEFINITIONS[platform as Exclude<Platform, 'custom'>];
  const nic = isObject(input.fleet) && typeof input.fleet.nicMbps === 'number' ? input.fleet.nicMbps : DEFAULT_NIC_MBPS;
  const migration = input.migration === undefined ? {} : input.migration;
  return {
    ...input,
    scheduler: { ...def.scheduler(nic), ...input.scheduler },
    migration: isObject(migration) ? { ...def.migration, ...migration } : migration,
  };
}
