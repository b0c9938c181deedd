/** The named choices of the scenario format: each list is what a field of that name allows. */

export const STRATEGIES = ['precopy', 'postcopy', 'hybrid', 'stopcopy'] as const;
/** lab: the whole lifecycle counts in the total time; qemu: QEMU's own semantics (see `profile`). */
export const PROFILES = ['lab', 'qemu'] as const;
export const WRITE_PATTERNS = ['uniform', 'hotcold', 'sequential', 'zipf'] as const;
export const STOP_RULES = ['qemu', 'xen', 'xen-legacy', 'no-progress'] as const;
export const PREPAGING = ['none', 'forward', 'bubble'] as const;
/** Who drives the migration (see src/engine/variants/): the hypervisor alone, helped by the guest, or the guest. */
export const VARIANTS = ['managed', 'paravirtual', 'self'] as const;
export const CONFIDENTIAL_KINDS = ['none', 'tdx'] as const;
export const PAGE_ACCEPTANCE = ['at-boot', 'on-first-use'] as const;
export const WORKLOAD_PRESETS = [
  'custom',
  'idle',
  'web',
  'oltp',
  'cache',
  'game',
  'ml-training',
  'memory-stress',
] as const;

/** Parameters that may change mid-migration (interventions), with the path used to name them. */
export const INTERVENTION_PATHS = [
  'workload.writeRateMiBps',
  'workload.wssMiB',
  'workload.pattern',
  'network.linkMbps',
  'network.capMbps',
  'network.rttMs',
  'network.vmTrafficMbps',
  'network.otherTrafficMbps',
  'precopy.downtimeLimitMs',
  'precopy.autoConverge',
] as const;
export type InterventionPath = (typeof INTERVENTION_PATHS)[number];

export const DISK_MODES = ['network', 'copy', 'leave-behind'] as const;
export const NOT_LIVE_RESPONSES = ['refuse', 'drain-checkpoint', 'terminate-restart', 'paravirtual'] as const;
export const FAULT_KINDS = ['network-drop', 'destination-crash', 'source-crash', 'link-degradation'] as const;
export const FAULT_MOMENTS = ['at-time', 'brownout', 'blackout', 'after-commit'] as const;
