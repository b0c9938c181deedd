import type { MigrationState } from './state';

/** The migration bandwidth cap in force for a round (the per-round schedule wins over the flat cap). */
export function capMbpsForRound(state: MigrationState, roundIndex: number): number {
  if (state.adaptiveRate) return state.adaptiveRate.capMbps;
  const schedule = state.scenario.network.capScheduleMbps;
  if (schedule.length === 0) return state.live.capMbps;
  return schedule[Math.min(roundIndex, schedule.length) - 1];
}

/**
 * Paravirtual help: when a round left the dirty set at least 90 % of the one before, the guest freezes
 * its rogue writer. Returns true when it did so now.
 */
export function maybeStunRogue(state: MigrationState, dirtyNow: number, dirtyBefore: number | null): boolean {
  const { precopy, workload } = state.scenario;
  if (!precopy.stunRogue || workload.rogueSharePct <= 0 || state.rogueStunned || dirtyBefore === null) return false;
  if (dirtyNow < 0.9 * dirtyBefore) return false;
  state.rogueStunned = true;
  return true;
}
