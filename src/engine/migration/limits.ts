import type { Scenario } from '../scenario/schema';
import { mbpsToBytesPerMs, mibToBytes } from '../units';

/**
 * The most simulated time any run covers: a day. It is the simulation's limit, not the migration's: a run
 * that reaches it ends as unfinished and says so. Fast-forwarded rounds do not count against it.
 */
export const MAX_SIMULATED_MS = 86_400_000;
/** Every run may take at least this long before the limit applies. */
const MIN_LIMIT_MS = 600_000;

/** The rate a migration starts with: the link, or the cap when that is lower, in bytes per ms. */
export function initialRateBytesPerMs(s: Scenario): number {
  const cap = s.network.capMbps;
  return mbpsToBytesPerMs(cap > 0 ? Math.min(cap, s.network.linkMbps) : s.network.linkMbps);
}

/**
 * The simulated-time limit for a run: room for everything the scenario asks (every round up to the cap,
 * the timeout, the hybrid switch, a disk copy, a checkpoint, a restart) with a pass over all of memory to
 * spare, and never less than ten minutes, never more than a day.
 */
export function simulationLimitMs(s: Scenario, passAllMs: number): number {
  const rate = initialRateBytesPerMs(s);
  const needs = [MIN_LIMIT_MS, 30 * passAllMs];
  const extra = 2 * passAllMs;
  if (s.precopy.maxIterations > 0) needs.push((s.precopy.maxIterations + 2) * passAllMs);
  if (s.precopy.timeoutS > 0) needs.push(s.precopy.timeoutS * 1000 + extra);
  if (s.strategy === 'hybrid' && s.hybrid.switchAtMs > 0) needs.push(s.hybrid.switchAtMs + extra);
  if (s.resources.disk === 'copy') needs.push((2 * mibToBytes(s.resources.diskGiB * 1024)) / rate + extra);
  needs.push((s.devices.checkpointS + s.devices.restartS) * 1000 + extra);
  return Math.min(MAX_SIMULATED_MS, Math.max(...needs));
}
