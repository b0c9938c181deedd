/**
 * chrony's default maximum slew rate (maxslewrate): 83,333 ppm, so an offset of 264 ms is gone in about
 * 3.2 s. (ntpd's limit is 500 ppm, and it steps any offset over 128 ms instead.)
 */
export const SLEW_RATE = 83_333e-6;
/**
 * Offsets above this are usually stepped at once: by chrony when configured to (makestep), by ntpd, or by
 * the management layer setting the guest's clock through its agent after the resume.
 */
export const STEP_THRESHOLD_MS = 1000;

/** How a time-sync daemon absorbs a clock that fell `jumpMs` behind during the pause. */
export function timeSyncPlan(jumpMs: number): { stepped: boolean; slewMs: number } {
  return { stepped: jumpMs > STEP_THRESHOLD_MS, slewMs: jumpMs / SLEW_RATE };
}
