import fc from 'fast-check';
import { parseScenario, scenarioOrThrow } from '../../src/engine/scenario/validate';
import { decodeLink, encodeLink } from '../../src/state/urlCodec';
import { anyScenario } from '../support/arbitraries';
import { hostileKey, hostileText } from './values';
import { fail, guarded, pass, unclearMessages, type Outcome } from './verdict';

/** Hostile links: random parameter soups, and real shared links with a few things broken. */

/** Text as a link carries it: as typed, or percent-encoded (a lone surrogate cannot be, so it stays as typed). */
function encodeEither(text: string, raw: boolean): string {
  if (raw) return text;
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

const param = fc
  .tuple(hostileKey, hostileText, fc.boolean())
  .map(([key, value, raw]) => `${encodeEither(key, raw)}=${encodeEither(value, raw)}`);

const version = fc.oneof(
  { weight: 6, arbitrary: fc.constant('v=1') },
  { weight: 1, arbitrary: fc.constantFrom('', 'v=', 'v=0', 'v=2', 'v=1.0', 'v=01', 'v=abc', 'v=1&v=2') },
  { weight: 1, arbitrary: hostileText.map((t) => `v=${encodeEither(t, false)}`) },
);

/** A link made of random parameters, some of them real fields with hostile values. */
const randomLink = fc
  .tuple(version, fc.array(param, { maxLength: 8 }), fc.boolean())
  .map(([v, params, question]) => (question ? '?' : '') + [v, ...params].filter(Boolean).join('&'));

type Mutation = (parts: string[], pick: number, text: string) => string[];

const MUTATIONS: Mutation[] = [
  // A field's value replaced by hostile text.
  (parts, pick, text) => parts.map((p, i) => (i === pick % parts.length ? `${p.split('=')[0]}=${text}` : p)),
  // A parameter given twice.
  (parts, pick) => [...parts, parts[pick % parts.length]],
  // The `=` lost.
  (parts, pick) => parts.map((p, i) => (i === pick % parts.length ? p.replace('=', '') : p)),
  // A hostile parameter added.
  (parts, pick, text) => [
    ...parts.slice(0, pick % (parts.length + 1)),
    text,
    ...parts.slice(pick % (parts.length + 1)),
  ],
  // The link cut short mid-way.
  (parts, pick) =>
    parts
      .join('&')
      .slice(0, pick % (parts.join('&').length + 1))
      .split('&'),
  // A change over time broken.
  (parts, _pick, text) => [...parts, `iv=${text}`],
];

/** A real shared link (from a random valid scenario) with one to three things broken. */
const mutatedLink = fc
  .tuple(
    anyScenario,
    fc.array(fc.tuple(fc.nat(MUTATIONS.length - 1), fc.nat(40), fc.oneof(hostileText, param)), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([input, mutations]) => {
    let parts = encodeLink(scenarioOrThrow(input), 1234).split('&');
    for (const [which, pick, text] of mutations) parts = MUTATIONS[which](parts, pick, text);
    return '?' + parts.join('&');
  });

export const hostileLink: fc.Arbitrary<string> = fc.oneof(randomLink, mutatedLink);

/** A link loads a valid scenario, with clear notes for what it dropped, or it is no link at all. */
export function checkLink(search: string): Outcome {
  return guarded(() => {
    const r = decodeLink(search);
    if (r === null)
      return [...new URLSearchParams(search).keys()].length === 0
        ? pass('no link')
        : fail('lost a link', 'a link with parameters was read as no link');
    if (!parseScenario(r.scenario).ok) return fail('invalid scenario', 'the loaded scenario does not validate');
    if (r.tMs !== null && !(Number.isFinite(r.tMs) && r.tMs >= 0)) return fail('bad playhead', `tMs = ${r.tMs}`);
    const unclear = unclearMessages(r.problems, 12);
    if (unclear) return fail('unclear message', unclear);
    const again = decodeLink(encodeLink(r.scenario));
    if (!again || again.problems.length || JSON.stringify(again.scenario) !== JSON.stringify(r.scenario))
      return fail('does not round-trip', 'the loaded scenario, shared again, reads back differently');
    return pass(r.problems.length ? 'loaded with notes' : 'loaded as written');
  });
}
