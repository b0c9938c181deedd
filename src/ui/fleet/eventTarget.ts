import { hostName, rackName, type FleetEventKind, type FleetScenario } from '../../engine';
import { EVENT_TARGETS } from '../../state/fleetLink';

/**
 * How the control shows a trigger event's target. Racks and hosts are counted from 1, as the grid, the
 * host names (r1h1) and the tables show them; VMs from 0, as their names (vm0) are. The link and the
 * scenario keep the index (`fleet.target`, counted from 0): `offset` turns one into the other.
 */
export interface EventTargetField {
  label: string;
  hint: string;
  /** Shown = index + offset. */
  offset: number;
  /** The range shown. */
  min: number;
  max: number;
}

export function eventTargetField(kind: FleetEventKind, s: FleetScenario | null, index: number): EventTargetField {
  const target = EVENT_TARGETS[kind];
  const racks = s?.fleet.racks ?? 1;
  const perRack = s?.fleet.hostsPerRack ?? 1;
  const hosts = racks * perRack;
  const vms = s?.vms.count ?? 1;
  switch (target.key) {
    case 'rack':
      return {
        label: 'Rack',
        hint: `1 to ${racks}, as the grid labels them${index >= 0 && index < racks ? `: this is ${rackName(index)}` : ''}.`,
        offset: 1,
        min: 1,
        max: racks,
      };
    case 'host': {
      const name = index >= 0 && index < hosts ? hostName(Math.floor(index / perRack), index % perRack) : '';
      return {
        label: 'Host',
        hint: `1 to ${hosts}, down each rack in turn${name ? `: this is ${name}` : ''}.`,
        offset: 1,
        min: 1,
        max: hosts,
      };
    }
    case 'vm':
      return {
        label: 'VM',
        hint: `Counted from 0, as the VM names are: vm0 to vm${Math.max(0, vms - 1)}.`,
        offset: 0,
        min: 0,
        max: Math.max(0, vms - 1),
      };
    case 'waves':
      return { label: target.label, hint: `1 to ${hosts}.`, offset: 0, min: 1, max: hosts };
    default:
      return { label: target.label, hint: `1 to ${Math.max(1, hosts - 1)}.`, offset: 0, min: 1, max: hosts - 1 };
  }
}
