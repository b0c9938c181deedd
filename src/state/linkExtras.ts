import { COMPARISON_PARAMS, SWEEP_PARAMS } from './comparisonParams';
import { FLEET_LINK_PARAMS } from './fleetLinkNames';
import { PRESENT_LINK_EXTRAS } from './presentLinkNames';

/**
 * Link parameters that are not scenario fields: which view is open, and what a view keeps in the link
 * (a lesson step, a comparison, a sweep). A view adds its names here; decodeLink hands them over as they
 * were written and each view reads (and checks) its own.
 */
export const LINK_EXTRAS = [
  'view',
  'lesson',
  'step',
  ...COMPARISON_PARAMS,
  ...SWEEP_PARAMS,
  ...FLEET_LINK_PARAMS,
  ...PRESENT_LINK_EXTRAS,
] as const;

export type LinkExtraName = (typeof LINK_EXTRAS)[number];
export type LinkExtras = Partial<Record<LinkExtraName, string>>;

const EXTRA_SET: ReadonlySet<string> = new Set(LINK_EXTRAS);
export const isLinkExtra = (key: string): key is LinkExtraName => EXTRA_SET.has(key);
