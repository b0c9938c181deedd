import type { FleetScenarioInput } from './schema';

/** A named fleet scenario: what it shows, and the scenario itself (fields left out take their defaults). */
export interface FleetPreset {
  label: string;
  summary: string;
  scenario: FleetScenarioInput;
}

/** GPU VMs get an hour's notice, which would hide what the caps do; the lessons' fleets leave them out. */
const noGpus = { gpuPct: 0 };

export const FLEET_PRESETS = {
  'rack-maintenance': {
    label: 'Rack maintenance',
    summary: 'Rack 1 of 4 goes down for maintenance: its 8 hosts are emptied under the default caps.',
    scenario: { name: 'Rack maintenance', vms: noGpus, events: [{ kind: 'rack-maintenance', rack: 0 }] },
  },
  'flaky-host': {
    label: 'Flaky host',
    summary: 'A host reports failing memory and dies 75 s later: what is still on it then is lost and restarted.',
    scenario: {
      name: 'Flaky host',
      vms: { ...noGpus, count: 384 },
      events: [{ kind: 'flaky-host', host: 2, failAfterS: 75 }],
    },
  },
  'firmware-rollout': {
    label: 'Firmware rollout',
    summary: 'Every host gets new firmware in 4 waves, with 5 minutes of soak between waves.',
    scenario: {
      name: 'Firmware rollout',
      vms: noGpus,
      events: [{ kind: 'firmware-rollout', waves: 4, waveGapS: 300 }],
    },
  },
  'rollout-one-rack-at-a-time': {
    label: 'Rollout, one fault domain at a time',
    summary: 'The same rollout paced as Azure paces maintenance: one rack (fault domain) at a time.',
    scenario: {
      name: 'Rollout, one rack at a time',
      vms: noGpus,
      scheduler: { platform: 'azure' },
      events: [{ kind: 'firmware-rollout', waves: 1 }],
    },
  },
  consolidation: {
    label: 'Consolidation',
    summary: 'A quiet night: the 12 emptiest hosts are emptied onto the others (packed) and switched off.',
    scenario: {
      name: 'Consolidation',
      vms: { ...noGpus, count: 96 },
      scheduler: { placement: 'pack' },
      events: [{ kind: 'consolidate', hostsOff: 12 }],
    },
  },
  'noisy-neighbour': {
    label: 'Noisy neighbour',
    summary: 'An operator moves a VM that disturbs its neighbours to the emptiest host.',
    scenario: { name: 'Noisy neighbour', vms: noGpus, events: [{ kind: 'noisy-neighbour', vm: 0 }] },
  },
  'simulated-maintenance': {
    label: 'Simulated maintenance event',
    summary: 'The owner of a TERMINATE VM tries a maintenance event on it: no notice, a stop, a restart in place.',
    scenario: {
      name: 'Simulated maintenance event',
      vms: { ...noGpus, overrides: [{ vm: 0, onHostMaintenance: 'TERMINATE', automaticRestart: true }] },
      events: [{ kind: 'simulate-maintenance', vm: 0 }],
    },
  },
  'fleet-10k': {
    label: '10,000 VMs, whole-fleet rollout',
    summary: '1,000 hosts in 25 racks with 10,000 VMs; a firmware rollout over the whole fleet in 10 waves.',
    scenario: {
      name: '10,000 VMs, whole-fleet rollout',
      fleet: { racks: 25, hostsPerRack: 40 },
      vms: { count: 10_000 },
      output: { maxSamples: 200 },
      events: [{ kind: 'firmware-rollout', waves: 10, waveGapS: 300 }],
    },
  },
} satisfies Record<string, FleetPreset>;

export type FleetPresetName = keyof typeof FLEET_PRESETS;
export const FLEET_PRESET_NAMES = Object.keys(FLEET_PRESETS) as FleetPresetName[];
