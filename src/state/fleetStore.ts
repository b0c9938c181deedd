import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FleetScenario, FleetTrace } from '../engine';
import type { FleetSetup } from './fleetLink';

export type FleetRunStatus = 'idle' | 'running' | 'done' | 'failed';

/** A fleet simulation the view asked the pool for, and what came back. */
export interface FleetRunSlot {
  status: FleetRunStatus;
  /** 0..1 while running. */
  progress: number;
  /** The setup and scenario this run (or the one running) is of. */
  setup: FleetSetup | null;
  scenario: FleetScenario | null;
  trace: FleetTrace | null;
  error: string | null;
  /** Link parameters that were not allowed and were left out, one line each (naming the parameter). */
  problems: string[];
  /** Wall time the engine took, ms (the view shows it). */
  wallMs: number | null;
}

/** A "Simulate maintenance event" on one VM of the fleet on screen: its own run, the VM alone. */
export interface FleetProbe extends FleetRunSlot {
  vm: number;
}

export interface FleetViewState {
  main: FleetRunSlot;
  probe: FleetProbe | null;
  /** The VM whose details are open (null: none). */
  selectedVm: number | null;
  /** The host whose VMs are listed (null: none). */
  selectedHost: number | null;
  /** Playback speed of the fleet: simulated seconds per real second (0: fit the run into ~20 s). */
  speedSPerS: number;
}

export const EMPTY_SLOT: FleetRunSlot = {
  status: 'idle',
  progress: 0,
  setup: null,
  scenario: null,
  trace: null,
  error: null,
  problems: [],
  wallMs: null,
};

export type FleetViewStore = StoreApi<FleetViewState>;

export const createFleetViewStore = (): FleetViewStore =>
  createStore<FleetViewState>()(() => ({
    main: EMPTY_SLOT,
    probe: null,
    selectedVm: null,
    selectedHost: null,
    speedSPerS: 0,
  }));

const stores = new WeakMap<object, FleetViewStore>();

/** The fleet view's store of a workspace (one per workspace, made on first use, kept while it lives). */
export function fleetViewStoreOf(workspace: object): FleetViewStore {
  let store = stores.get(workspace);
  if (!store) {
    store = createFleetViewStore();
    stores.set(workspace, store);
  }
  return store;
}
