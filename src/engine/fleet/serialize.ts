import type { FleetTrace } from './trace';

/** The trace as JSON, typed arrays written as plain lists (for `npm run fleet -- --trace OUT.json`). */
export function fleetTraceToJson(trace: FleetTrace): string {
  return JSON.stringify(trace, (_, value) =>
    ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value,
  );
}
