/**
 * How close the flow-level model stays to the page engine: the calibration test asserts these and
 * docs/fleet.md states them.
 */
export const CALIBRATION = {
  /** Relative error on total time and on bytes sent. */
  timeAndBytes: 0.05,
  /** Blackout error: this share of the page engine's blackout, or `downtimeMs`, whichever is larger. */
  downtimeShare: 0.2,
  downtimeMs: 25,
  /** Difference in live pre-copy rounds. */
  rounds: 2,
} as const;

export const FLEET_TOLERANCE =
  `total time and bytes within ${CALIBRATION.timeAndBytes * 100} %, blackout within ` +
  `${CALIBRATION.downtimeShare * 100} % or ${CALIBRATION.downtimeMs} ms (whichever is larger), the same outcome ` +
  `and stop reason, and live rounds within ${CALIBRATION.rounds}`;

export const FLEET_CHUNK_NOTE =
  'the first pass starts with its fixed cost (`host.passStartMs`); QEMU decides at the end of each 50 ms ' +
  "chunk (where the page engine's slices end), syncs the log when the bytes still marked fall under " +
  'threshold = bandwidth x downtime limit (bandwidth measured over the last window of at least 100 ms), and ' +
  "stops when what is left after a sync fits; under a bandwidth cap the sender sends each 100 ms window's " +
  "budget at the rate it is granted and sleeps to the window's end; a cap on rounds or a completion " +
  'timeout forces the stop (or aborts); the blackout sends the rest at the full rate granted, then the ' +
  'device state, then the switchover.';
