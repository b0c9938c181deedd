/** chrony's default maximum slew rate: 500 parts per million. */
const SLEW_RATE = 0.0005;
/** Offsets above this are usually stepped at once rather than slewed. */
export const STEP_THRESHOLD_MS = 1000;

/** How a time-sync daemon absorbs a clock that fell `jumpMs` behind during the pause. */
export function timeSyncPlan(jumpMs: number): { stepped: boolean; slewMs: number } {
  return { stepped: jumpMs > STEP_THRESHOLD_MS, slewMs: jumpMs / SLEW_RATE };
}
