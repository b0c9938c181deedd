import {
  fieldLabel,
  messageLines,
  quoteText,
  repairScenario,
  replacementNote,
  scenarioFields,
  setField,
  type Scenario,
} from '../engine';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { isLinkExtra, LINK_EXTRAS, type LinkExtras } from './linkExtras';
import { LINK_VERSION, migrateLinkParams } from './linkVersions';
import { withLinkPreset } from './linkPreset';
import { getPath } from './paths';

/**
 * Shared links: `?v=1&network.linkMbps=10000&iv=20000:network.capMbps:200&t=21000`. Only fields that differ
 * from the defaults appear, each under its own dotted name, so a lecturer can read and hand-edit them.
 * Interventions are `iv=<atMs>:<path>:<value>`; `t` is the playhead in ms. A link holds the scenario,
 * never results: opening it re-runs the engine and gets the same numbers.
 */

const LEAF_FIELDS = scenarioFields()
  .map((f) => f.path)
  .filter((p) => !p.includes('[]') && p !== 'version' && p !== 'interventions');
const LEAF_SET = new Set(LEAF_FIELDS);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function encodeValue(value: unknown): string {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? value.join(',') : JSON.stringify(value);
  return String(value);
}

export function encodeLink(scenario: Scenario, tMs?: number, extras: LinkExtras = {}): string {
  const params = new URLSearchParams();
  params.set('v', String(LINK_VERSION));
  for (const path of LEAF_FIELDS) {
    const value = getPath(scenario, path);
    if (!same(value, getPath(DEFAULT_SCENARIO, path))) params.set(path, encodeValue(value));
  }
  for (const iv of scenario.interventions) params.append('iv', `${iv.atMs}:${iv.path}:${iv.value}`);
  if (tMs !== undefined) params.set('t', String(Math.round(tMs)));
  for (const name of LINK_EXTRAS) if (extras[name] !== undefined) params.set(name, extras[name]);
  // Keep the dots, colons, commas and semicolons readable: URLSearchParams would escape them.
  return params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%3B/g, ';');
}

export interface DecodedLink {
  scenario: Scenario;
  tMs: number | null;
  /** What was wrong with the link, one line each; empty when it was fine. */
  problems: string[];
  /** The parameters that are not scenario fields (see linkExtras), as written. */
  extras: LinkExtras;
}

/** An `iv` parameter as a message names it: as written when short and plain, else quoted and cut. */
const ivLabel = (text: string) => (/^[\w.:-]{1,60}$/.test(text) ? `iv=${text}` : `iv=${quoteText(text)}`);

function parseIntervention(text: string): { iv?: Record<string, unknown>; problem?: string } {
  const [at, path, value, ...extra] = text.split(':');
  if (!at || !path || value === undefined || extra.length)
    return { problem: `${ivLabel(text)}: expected <time in ms>:<field>:<value>, e.g. 20000:network.capMbps:200` };
  const atMs = Number(at);
  if (!Number.isFinite(atMs) || atMs < 0)
    return { problem: `${ivLabel(text)}: ${quoteText(at)} is not a time in ms (0 or more)` };
  const number = Number(value);
  // Only a number that reads as one becomes one: "1.2.3" or 400 nines stay text and are refused as such.
  const parsed =
    value === 'true'
      ? true
      : value === 'false'
        ? false
        : /^-?[\d.]+$/.test(value) && Number.isFinite(number)
          ? number
          : value;
  return { iv: { atMs, path, value: parsed } };
}

/** How many times each parameter name appears (`iv` may repeat: one per change). */
function repeatedKeys(params: URLSearchParams): string[] {
  const counts = new Map<string, number>();
  for (const key of params.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([key, n]) => n > 1 && key !== 'iv').map(([key]) => key);
}

/** Reads a link's query string; null when it carries no scenario at all. Never throws. */
export function decodeLink(search: string): DecodedLink | null {
  let params = new URLSearchParams(search);
  if ([...params.keys()].length === 0) return null;
  const problems: string[] = [];
  const version = params.getAll('v').pop() ?? null;
  if (version === null) {
    // A link of only view parameters (`?present=1`, `?embed=1`) holds the default scenario: no version needed.
    if ([...params.keys()].some((key) => !isLinkExtra(key)))
      problems.push(`the link has no format version (v=${LINK_VERSION}); it was read as version ${LINK_VERSION}`);
  } else {
    const migrated = migrateLinkParams(params, version);
    if (!migrated.ok)
      return {
        scenario: DEFAULT_SCENARIO,
        tMs: null,
        extras: {},
        problems: [
          `the link uses format version ${quoteText(version)}, ${migrated.why}: the default scenario was loaded instead`,
        ],
      };
    params = migrated.params;
  }
  const repeated = new Set(repeatedKeys(params));
  for (const key of repeated) {
    const values = params.getAll(key);
    const name = key === '' ? '(a parameter with no name)' : fieldLabel(key);
    problems.push(
      `${name}: given ${values.length} times in the link; only the last one, ${quoteText(values[values.length - 1])}, is read`,
    );
  }
  const input: Record<string, unknown> = {};
  const interventions: Record<string, unknown>[] = [];
  const ivTexts: string[] = [];
  /** Fields whose text could not be read: their default is named once the scenario is known. */
  const unread: { path: string; problem: string }[] = [];
  let tMs: number | null = null;
  const extras: LinkExtras = {};
  const entries = [...params];
  const lastIndex = new Map(entries.map(([key], i) => [key, i]));
  entries.forEach(([key, raw], i) => {
    if (key === 'v' || (key !== 'iv' && lastIndex.get(key) !== i)) return;
    if (key === 't') {
      const t = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(t) && t >= 0) tMs = t;
      else
        problems.push(`t: ${quoteText(raw)} is not a playhead time in ms (0 or more); the playhead starts at the end`);
      return;
    }
    if (isLinkExtra(key)) {
      extras[key] = raw;
      return;
    }
    if (key === 'iv') {
      const { iv, problem } = parseIntervention(raw);
      if (iv) {
        interventions.push(iv);
        ivTexts.push(raw);
      } else problems.push(`${problem!}; ignored`);
      return;
    }
    if (key === '') {
      problems.push(`a parameter with no name (=${quoteText(raw)}) was ignored`);
      return;
    }
    if (!LEAF_SET.has(key)) {
      problems.push(`${fieldLabel(key)}: not a field of the scenario format; ignored`);
      return;
    }
    const isNumberList = key === 'network.capScheduleMbps' && !raw.startsWith('[');
    const problem = setField(input, key, isNumberList ? `[${raw}]` : raw);
    if (problem) unread.push({ path: key, problem });
  });
  if (interventions.length) input.interventions = interventions;

  const { scenario: repaired, notes } = repairScenario(input, {
    entryLabel: (list, index, rest) =>
      list === 'interventions' && ivTexts[index] !== undefined
        ? `${ivLabel(ivTexts[index])}${rest.length ? ` (${rest.join('.')})` : ''}`
        : fieldLabel([list, index, ...rest].join('.')),
  });
  const scenario = withLinkPreset(repaired, input);
  for (const { path, problem } of unread) problems.push(`${problem}; ${replacementNote(scenario, path.split('.'))}`);
  problems.push(...notes);
  return { scenario, tMs, extras, problems: messageLines(problems) };
}
