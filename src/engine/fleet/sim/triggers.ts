import type { FleetLayout } from '../build';
import type { FleetEventSpec, FleetScenario } from '../schema';
import type { FateReason } from '../trace';
import type { FleetState } from './fleetState';
import type { Unit } from './units';

/** What a trigger event asks for: hosts to empty (in waves for a rollout), or one VM to move. */
export type TriggerPlan =
  | { kind: 'units'; waves: Unit[][]; gapMs: number }
  | { kind: 'vm'; vm: number; reason: FateReason; toHost: number; simulated: boolean };

type NewUnit = (event: number, reason: FateReason, hosts: number[], extra?: Partial<Unit>) => Unit;

/** A unit factory numbering units in the order a run creates them. */
export function unitFactory(layout: FleetLayout): NewUnit {
  let nextId = 0;
  return (event, reason, hosts, extra = {}) => makeUnit(nextId++, event, reason, hosts, layout, extra);
}

function makeUnit(
  id: number,
  event: number,
  reason: FateReason,
  hosts: number[],
  layout: FleetLayout,
  extra: Partial<Unit> = {},
): Unit {
  return {
    id,
    event,
    reason,
    hosts,
    rack: layout.hosts[hosts[0]].rack,
    urgent: false,
    then: 'maintenance',
    failAtMs: null,
    wave: null,
    status: 'waiting',
    readyAtMs: null,
    drainingAtMs: null,
    emptyAtMs: null,
    ...extra,
  };
}

/** Splits hosts 0..n-1 into `waves` runs of consecutive hosts, as even as possible. */
export function waveHosts(n: number, waves: number): number[][] {
  const out: number[][] = [];
  for (let w = 0; w < waves; w++) {
    const from = Math.round((w * n) / waves);
    const to = Math.round(((w + 1) * n) / waves);
    out.push(Array.from({ length: to - from }, (_, i) => from + i));
  }
  return out.filter((w) => w.length);
}

/**
 * The hosts consolidation switches off: the least loaded ones (by memory held, then index) that are up,
 * have no other work planned, and whose VMs can all move live; nobody terminates a customer's VM to save power.
 */
function consolidationHosts(s: FleetScenario, f: FleetState, busy: Set<number>, count: number): number[] {
  const candidates: number[] = [];
  for (let h = 0; h < f.hostCount; h++) {
    if (!f.isUp(h) || busy.has(h) || f.incoming[h] > 0 || f.outgoing[h] > 0) continue;
    let movable = true;
    for (const v of f.residents[h]) {
      const vm = f.vm(v);
      if (!vm.liveMigratable || vm.onHostMaintenance !== 'MIGRATE') movable = false;
    }
    if (movable) candidates.push(h);
  }
  candidates.sort((a, b) => f.memoryMiB[a] - f.memoryMiB[b] || a - b);
  return candidates.slice(0, Math.min(count, s.fleet.racks * s.fleet.hostsPerRack - 1));
}

/** Turns one trigger event into what the run must do, at the moment it happens. */
export function planTrigger(
  s: FleetScenario,
  f: FleetState,
  index: number,
  e: FleetEventSpec,
  nowMs: number,
  busyHosts: Set<number>,
  unit: NewUnit,
): TriggerPlan {
  switch (e.kind) {
    case 'host-maintenance':
      return { kind: 'units', waves: [[unit(index, e.kind, [e.host])]], gapMs: 0 };
    case 'rack-maintenance': {
      const per = s.fleet.hostsPerRack;
      const hosts = Array.from({ length: per }, (_, i) => e.rack * per + i);
      return { kind: 'units', waves: [[unit(index, e.kind, hosts)]], gapMs: 0 };
    }
    case 'firmware-rollout': {
      const waves = waveHosts(f.hostCount, e.waves).map((hosts, w) =>
        hosts.map((h) => unit(index, e.kind, [h], { wave: { rollout: index, index: w } })),
      );
      return { kind: 'units', waves, gapMs: e.waveGapS * 1000 };
    }
    case 'flaky-host':
      return {
        kind: 'units',
        waves: [
          [
            unit(index, e.kind, [e.host], {
              urgent: true,
              failAtMs: e.failAfterS > 0 ? nowMs + e.failAfterS * 1000 : null,
            }),
          ],
        ],
        gapMs: 0,
      };
    case 'consolidate': {
      const hosts = consolidationHosts(s, f, busyHosts, e.hostsOff);
      return { kind: 'units', waves: [hosts.map((h) => unit(index, e.kind, [h], { then: 'off' }))], gapMs: 0 };
    }
    case 'operator-move':
      return { kind: 'vm', vm: e.vm, reason: e.kind, toHost: e.toHost, simulated: false };
    case 'noisy-neighbour':
      return { kind: 'vm', vm: e.vm, reason: e.kind, toHost: -1, simulated: false };
    case 'simulate-maintenance':
      return { kind: 'vm', vm: e.vm, reason: e.kind, toHost: -1, simulated: true };
  }
}
