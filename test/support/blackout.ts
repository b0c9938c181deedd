import type { BlackoutParts } from '../../src/engine/trace/types';

/** Every timed part of a blackout, summed here rather than by the engine: what the downtime must equal. */
export const blackoutPartsMs = (b: BlackoutParts): number =>
  b.pagesMs +
  b.zeroWireMs +
  b.zeroScanMs +
  b.encodeMs +
  b.passStartMs +
  b.deviceMs +
  b.switchoverMs +
  b.ackMs +
  b.linkDownMs;
