import { quoteText, type Scenario } from '../engine';
import { isLinkExtra } from './linkExtras';
import { LINK_VERSION } from './linkVersions';
import { decodeLink, encodeLink } from './urlCodec';

/**
 * One scenario inside a single link parameter, for views that keep several (a comparison's runs, a
 * sweep's base): the lab link's own pairs (fields that differ from the defaults, interventions) written
 * `path:value` and joined with `;`, e.g. `strategy:postcopy;network.capMbps:200;iv:20000:network.capMbps:500`.
 * Reading goes through the lab's link decoder, so every field is checked the same way and named the same.
 */

/** `%` and `;` inside a value or label are written as `%25` and `%3B`, so `;` only ever separates pairs. */
export const escapePart = (text: string): string => text.replace(/%/g, '%25').replace(/;/g, '%3B');
export const unescapePart = (text: string): string => text.replace(/%3B/gi, ';').replace(/%25/g, '%');

export function encodeScenarioPairs(scenario: Scenario): string {
  const params = new URLSearchParams(encodeLink(scenario));
  params.delete('v');
  return [...params].map(([key, value]) => `${key}:${escapePart(value)}`).join(';');
}

/** Keys a scenario's pairs may not use: the link's own version and playhead, and other views' parameters. */
const notAField = (key: string) => key === 'v' || key === 't' || isLinkExtra(key);

/**
 * Reads pairs back into a scenario; `name` (`c2`, `sweep.base`) heads each problem. Never throws: what
 * cannot be read is left at its default and said.
 */
export function decodeScenarioPairs(text: string, name: string): { scenario: Scenario; problems: string[] } {
  const params = new URLSearchParams();
  params.set('v', String(LINK_VERSION));
  const problems: string[] = [];
  for (const part of text.split(';')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    const key = colon > 0 ? part.slice(0, colon) : '';
    if (colon <= 0) problems.push(`${name}: ${quoteText(part)} is not <field>:<value>; ignored`);
    else if (notAField(key)) problems.push(`${name}: ${quoteText(key)} is not a field of the scenario; ignored`);
    else params.append(key, unescapePart(part.slice(colon + 1)));
  }
  const link = decodeLink(params.toString())!;
  return { scenario: link.scenario, problems: [...problems, ...link.problems.map((p) => `${name}: ${p}`)] };
}
