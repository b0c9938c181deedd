/**
 * What each page is, seen from the migration. One state per page, shared by the source and destination
 * heatmaps, which colour it from their own side.
 */
export const PageState = {
  /** Never written: a zero page. Both hosts hold it already (as zeros). */
  Untouched: 0,
  /** Written, and the destination has no copy yet. */
  NotSent: 1,
  /** The destination holds its current contents. */
  SentClean: 2,
  /** Written again after it was sent: the destination's copy is stale. */
  Dirtied: 3,
  /** Post-copy: the destination faulted on it and fetched it from the source. */
  Fetched: 4,
  /** Post-copy: the source pushed it to the destination in the background. */
  Pushed: 5,
} as const;
export type PageState = (typeof PageState)[keyof typeof PageState];
export const PAGE_STATE_COUNT = 6;

/**
 * Heatmap frames carry two more bands than there are states: pages sent since the previous frame (in
 * flight), and of those, pages fetched on a post-copy fault (faulted just now), so faults show as they
 * happen and not only as the pages they leave behind.
 */
export const HeatBand = {
  Untouched: 0,
  NotSent: 1,
  SentClean: 2,
  Dirtied: 3,
  Fetched: 4,
  Pushed: 5,
  InFlight: 6,
  FaultedNow: 7,
} as const;
export const HEAT_BAND_COUNT = 8;
export const HEAT_BAND_NAMES = [
  'untouched',
  'not yet sent',
  'sent and clean',
  'dirtied since sent',
  'fetched on fault',
  'pushed',
  'in flight',
  'faulted just now',
] as const;

/** True when the destination lacks the page's current contents. */
export const isStale = (s: number): boolean => s === PageState.NotSent || s === PageState.Dirtied;
