import { DEFAULT_VIEW } from './appViews';
import { comparisonItems } from './comparison';
import { encodeComparison } from './comparisonLink';
import { fleetLinkOf } from './fleetLink';
import { lessonExtras } from './lessonPlace';
import type { LinkExtras } from './linkExtras';
import { presentExtrasOf } from './presentLink';
import { encodeLink } from './urlCodec';
import { encodeSweep } from './sweepLink';
import type { WorkspaceState } from './workspace';

/** What a link keeps besides the scenario: the view on screen (and what each view adds to it). */
export function linkExtrasOf(s: WorkspaceState): LinkExtras {
  return {
    ...(s.view === DEFAULT_VIEW ? {} : { view: s.view }),
    ...lessonExtras(s.lesson),
    ...encodeComparison(comparisonItems(s)),
    ...encodeSweep(s.sweep.spec, s.sweep.base, s.scenario),
    ...fleetLinkOf(s.fleet),
    ...presentExtrasOf(s),
  };
}

/** The query string of what is on screen: the address bar and "Copy link" both use it. */
export const workspaceQuery = (s: WorkspaceState): string => encodeLink(s.scenario, s.playhead.tMs, linkExtrasOf(s));
