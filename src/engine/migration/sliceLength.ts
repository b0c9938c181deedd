/** Slice lengths the engine chooses from: short for small VMs, longer for huge ones. */
const SLICE_CHOICES_MS = [1, 2, 5, 10, 20, 50];
/** Aim for about this many slices over one full pass of memory (a slice of a few ms still resolves each round). */
const SLICES_PER_PASS = 10_000;

/**
 * The page engine's slice for a VM whose first pass takes `passMs` (the fleet's flow model steps the same
 * way, so its rate windows stay in phase with the page engine's).
 */
export function sliceMsFor(passMs: number): number {
  return SLICE_CHOICES_MS.filter((ms) => ms <= Math.max(1, passMs / SLICES_PER_PASS)).pop() ?? 1;
}
