/**
 * How the source host's link is split between flows: max-min fair sharing, the usual model of TCP flows
 * on one bottleneck. Nobody is starved while a flow asks for less than its fair share; what a small flow
 * leaves is split among the bigger ones.
 */
export function maxMinShare(capacity: number, demands: readonly number[]): number[] {
  const out = new Array<number>(demands.length).fill(0);
  const open = demands.map((_, i) => i).sort((a, b) => demands[a] - demands[b]);
  let left = capacity;
  let flows = open.length;
  for (const i of open) {
    const fair = left / flows;
    out[i] = Math.min(demands[i], fair);
    left -= out[i];
    flows--;
  }
  return out;
}

export interface LinkDemand {
  /** Link bandwidth in bytes per ms. */
  linkBytesPerMs: number;
  /** The VM's own traffic on the source link (0 once it no longer runs there), bytes per ms. */
  vmTrafficBytesPerMs: number;
  /** Other services on the source host, bytes per ms. */
  otherTrafficBytesPerMs: number;
}

export interface LinkSplit {
  /** What the migration stream gets while it is sending, bytes per ms. */
  migrationBytesPerMs: number;
  vmTrafficBytesPerMs: number;
  otherTrafficBytesPerMs: number;
}

/** The migration stream is greedy (TCP sends as fast as it can); its own cap is enforced by the sender. */
export function splitLink(d: LinkDemand): LinkSplit {
  if (d.vmTrafficBytesPerMs === 0 && d.otherTrafficBytesPerMs === 0)
    return { migrationBytesPerMs: d.linkBytesPerMs, vmTrafficBytesPerMs: 0, otherTrafficBytesPerMs: 0 };
  const [vm, other, migration] = maxMinShare(d.linkBytesPerMs, [
    d.vmTrafficBytesPerMs,
    d.otherTrafficBytesPerMs,
    Number.POSITIVE_INFINITY,
  ]);
  return { migrationBytesPerMs: migration, vmTrafficBytesPerMs: vm, otherTrafficBytesPerMs: other };
}
