import type { FleetTrace } from './trace';

/** The trace as JSON, typed arrays written as plain lists (for `npm run fleet -- --trace OUT.json`). */
export function fleetTraceToJson(trace: FleetTrace): string {
  return JSON.stringify(trace, (_, value) =>
    ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value,
  );
}

/** The trace's typed-array buffers, to transfer (not copy) it out of a worker with postMessage. */
export function fleetTraceTransferables(trace: FleetTrace): ArrayBuffer[] {
  const arrays = [
    ...Object.values(trace.hostLog),
    ...Object.values(trace.samples),
    ...Object.values(trace.activity),
    trace.finalHosts,
  ];
  return [...new Set(arrays.filter(ArrayBuffer.isView).map((a) => a.buffer as ArrayBuffer))];
}
