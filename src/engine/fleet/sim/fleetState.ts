import type { FleetLayout, VmSpec } from '../build';
import { HOST_STATE_CODES, type HostChangeLog, type HostState } from '../trace';

/**
 * The fleet while it runs: what each host holds (resident VMs plus room reserved for VMs on their way),
 * its state and its migrations in and out, where each VM is, and an exact log of every host change.
 */
export class FleetState {
  readonly hostCount: number;
  readonly memoryMiB: Float64Array;
  readonly vcpus: Float64Array;
  readonly state: Uint8Array;
  readonly outgoing: Uint16Array;
  readonly incoming: Uint16Array;
  /** Order of the planned maintenance each host waits for (placement avoids the soonest); Infinity: none. */
  readonly pendingOrder: Float64Array;
  /** Hosts whose pendingOrder changed since the scheduler last looked (it keeps them sorted by it). */
  readonly pendingChanged: number[] = [];
  /** The host each VM runs on or is reserved on; -1 while it has none. */
  readonly vmHost: Int32Array;
  readonly residents: Set<number>[];
  private readonly log = {
    tMs: [] as number[],
    host: [] as number[],
    memoryMiB: [] as number[],
    vcpus: [] as number[],
    state: [] as number[],
    outgoing: [] as number[],
    incoming: [] as number[],
  };

  constructor(readonly layout: FleetLayout) {
    const n = layout.hosts.length;
    this.hostCount = n;
    this.memoryMiB = new Float64Array(n);
    this.vcpus = new Float64Array(n);
    this.state = new Uint8Array(n);
    this.outgoing = new Uint16Array(n);
    this.incoming = new Uint16Array(n);
    this.pendingOrder = new Float64Array(n).fill(Infinity);
    this.vmHost = new Int32Array(layout.vms.length).fill(-1);
    this.residents = Array.from({ length: n }, () => new Set<number>());
    for (const vm of layout.vms) {
      this.reserve(vm, vm.host);
      this.settle(vm, vm.host);
    }
    for (let h = 0; h < n; h++) this.note(0, h);
  }

  vm(index: number): VmSpec {
    return this.layout.vms[index];
  }

  setPendingOrder(h: number, order: number): void {
    if (this.pendingOrder[h] === order) return;
    this.pendingOrder[h] = order;
    this.pendingChanged.push(h);
  }

  isUp(h: number): boolean {
    return this.state[h] === HOST_STATE_CODES.up;
  }

  /** Whether nothing is left on a host: no VM, none arriving, none leaving. */
  isEmpty(h: number): boolean {
    return this.residents[h].size === 0 && this.incoming[h] === 0 && this.outgoing[h] === 0;
  }

  /** Room for the VM on the host: counted from the moment a migration or a restart is headed there. */
  reserve(vm: VmSpec, h: number): void {
    this.memoryMiB[h] += vm.memoryMiB;
    this.vcpus[h] += vm.vcpus;
  }

  unreserve(vm: VmSpec, h: number): void {
    this.memoryMiB[h] = Math.max(0, this.memoryMiB[h] - vm.memoryMiB);
    this.vcpus[h] = Math.max(0, this.vcpus[h] - vm.vcpus);
  }

  /** The VM runs on the host (its room already reserved). */
  settle(vm: VmSpec, h: number): void {
    this.residents[h].add(vm.index);
    this.vmHost[vm.index] = h;
  }

  /** The VM is gone from the host, and so is its room. */
  leave(vm: VmSpec, h: number): void {
    this.residents[h].delete(vm.index);
    if (this.vmHost[vm.index] === h) this.vmHost[vm.index] = -1;
    this.unreserve(vm, h);
  }

  setState(tMs: number, h: number, state: HostState): void {
    this.state[h] = HOST_STATE_CODES[state];
    this.note(tMs, h);
  }

  /** Appends the host's current figures to the change log. */
  note(tMs: number, h: number): void {
    const l = this.log;
    l.tMs.push(tMs);
    l.host.push(h);
    l.memoryMiB.push(this.memoryMiB[h]);
    l.vcpus.push(this.vcpus[h]);
    l.state.push(this.state[h]);
    l.outgoing.push(this.outgoing[h]);
    l.incoming.push(this.incoming[h]);
  }

  changeLog(): HostChangeLog {
    const l = this.log;
    return {
      tMs: Float64Array.from(l.tMs),
      host: Uint32Array.from(l.host),
      memoryMiB: Float64Array.from(l.memoryMiB),
      vcpus: Float64Array.from(l.vcpus),
      state: Uint8Array.from(l.state),
      outgoing: Uint16Array.from(l.outgoing),
      incoming: Uint16Array.from(l.incoming),
    };
  }
}
