import { currentVersion, migrate, quoteText, type VersionedFormat } from '../engine';
import { MAX_COMPARED, type ComparisonItem } from './comparison';
import { RUN_PARAMS } from './comparisonParams';
import type { LinkExtras } from './linkExtras';
import { decodeScenarioPairs, encodeScenarioPairs, escapePart, unescapePart } from './scenarioPairs';

/**
 * A comparison in a link: `cmp=1` (this format's version), then one parameter per run, `c1` to `c4`,
 * each its name and its scenario's fields that differ from the defaults:
 * `cmp=1&c1=Pre-copy&c2=Post-copy;strategy:postcopy&c3=Capped;network.capMbps:200`.
 * A link holds scenarios, never results: opening it runs them again and gets the same numbers.
 */

/** Versions of the comparison's link parameters; append a migration (of the parameters) per change. */
export const COMPARISON_LINK_FORMAT: VersionedFormat<LinkExtras> = {
  name: 'comparison link format',
  firstVersion: 1,
  migrations: [],
};
const VERSION = currentVersion(COMPARISON_LINK_FORMAT);

export function encodeComparison(items: readonly ComparisonItem[]): LinkExtras {
  if (items.length === 0) return {};
  const extras: LinkExtras = { cmp: String(VERSION) };
  items.slice(0, MAX_COMPARED).forEach((item, i) => {
    const pairs = encodeScenarioPairs(item.scenario);
    extras[RUN_PARAMS[i]] = pairs ? `${escapePart(item.label)};${pairs}` : escapePart(item.label);
  });
  return extras;
}

const MAX_LABEL_CHARS = 60;

/** The comparison a link holds (null: none), and what was wrong with it, each line naming the parameter. */
export function decodeComparison(extras: LinkExtras): { items: ComparisonItem[]; problems: string[] } | null {
  const present = RUN_PARAMS.filter((p) => extras[p] !== undefined);
  if (extras.cmp === undefined && present.length === 0) return null;
  const problems: string[] = [];
  let doc = extras;
  if (extras.cmp === undefined) problems.push(`cmp: missing; the comparison was read as version ${VERSION}`);
  else {
    const version = /^\d+$/.test(extras.cmp) ? Number(extras.cmp) : extras.cmp;
    const lifted = migrate(extras, version, COMPARISON_LINK_FORMAT);
    if (!lifted.ok)
      return {
        items: [],
        problems: [
          `cmp: ${quoteText(extras.cmp)} is not a comparison format this Brownout reads (version ${COMPARISON_LINK_FORMAT.firstVersion} to ${VERSION}); the comparison was left out`,
        ],
      };
    doc = lifted.doc;
  }
  const items: ComparisonItem[] = [];
  for (const param of RUN_PARAMS) {
    const text = doc[param];
    if (text === undefined) continue;
    const semicolon = text.indexOf(';');
    const rawLabel = unescapePart(semicolon < 0 ? text : text.slice(0, semicolon)).trim();
    const label = rawLabel.slice(0, MAX_LABEL_CHARS) || `Run ${items.length + 1}`;
    if (rawLabel.length > MAX_LABEL_CHARS)
      problems.push(`${param}: the name is longer than ${MAX_LABEL_CHARS} characters; it was cut short`);
    const { scenario, problems: runProblems } = decodeScenarioPairs(
      semicolon < 0 ? '' : text.slice(semicolon + 1),
      param,
    );
    items.push({ label, scenario });
    problems.push(...runProblems);
  }
  if (items.length === 0)
    problems.push(`cmp: the comparison names no runs (c1 to c${MAX_COMPARED}); nothing to compare`);
  return { items, problems };
}
