import { isConfidential } from '../confidential/tdxFacts';
import type { Scenario } from '../scenario/schema';

/**
 * The scenario as the migration can actually carry it out, given who drives it and what the host can see.
 * The trace keeps the scenario as written; the engine's phases read this one.
 * - managed: the guest never knows, so it gives no hints and stuns nothing (validation refuses a managed
 *   scenario that asks for either, so this only matters for a scenario built in code).
 * - self: the guest skips its own free memory without being asked, and its copy code (with its own
 *   write tracking) takes `selfMigration.copyCpuPct` of its CPU instead of the hypervisor's dirty logging.
 * - tdx: the host sees only ciphertext: no zero-page detection, no XBZRLE, no free-page hints, no
 *   tracking since boot; dirty tracking costs a fault per blocked write (counted by the TDX session)
 *   instead of a flat slowdown.
 */
export function effectiveScenario(sc: Scenario): Scenario {
  const helped = sc.variant !== 'managed';
  const precopy = {
    ...sc.precopy,
    freePageHinting: sc.variant === 'self' || (sc.variant === 'paravirtual' && sc.precopy.freePageHinting),
    stunRogue: helped && sc.precopy.stunRogue,
  };
  const vm = { ...sc.vm };
  if (sc.variant === 'self') vm.trackingOverheadPct = sc.selfMigration.copyCpuPct;
  if (isConfidential(sc)) {
    precopy.zeroPageDetection = false;
    precopy.xbzrle = false;
    precopy.freePageHinting = false;
    precopy.trackFromBoot = false;
    vm.trackingOverheadPct = 0;
  }
  return { ...sc, precopy, vm };
}
