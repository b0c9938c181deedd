import { scenarioOrThrow, type Scenario } from '../engine';

/**
 * What the lab opens on, and what "Reset all" returns to: a 4 GiB web server over 1 Gbit/s whose pre-copy
 * converges in a few visible rounds with a blackout just under the 300 ms limit. These are the schema's
 * defaults, so a link to it is just `?v=1`.
 */
export const DEFAULT_SCENARIO: Scenario = scenarioOrThrow({});
