import { parseScenario, scenarioFields, setField, type Scenario } from '../engine';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { LINK_VERSION, migrateLinkParams } from './linkVersions';
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

export function encodeLink(scenario: Scenario, tMs?: number): string {
  const params = new URLSearchParams();
  params.set('v', String(LINK_VERSION));
  for (const path of LEAF_FIELDS) {
    const value = getPath(scenario, path);
    if (!same(value, getPath(DEFAULT_SCENARIO, path))) params.set(path, encodeValue(value));
  }
  for (const iv of scenario.interventions) params.append('iv', `${iv.atMs}:${iv.path}:${iv.value}`);
  if (tMs !== undefined) params.set('t', String(Math.round(tMs)));
  // Keep the dots and colons readable: URLSearchParams would escape the colons.
  return params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export interface DecodedLink {
  scenario: Scenario;
  tMs: number | null;
  /** What was wrong with the link, one line each; empty when it was fine. */
  problems: string[];
}

function deletePath(obj: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  let node: unknown = obj;
  for (const key of keys.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string, unknown>)[key];
  }
  if (node && typeof node === 'object') delete (node as Record<string, unknown>)[keys[keys.length - 1]];
}

function parseIntervention(text: string): { iv?: Record<string, unknown>; problem?: string } {
  const [at, path, value, ...extra] = text.split(':');
  if (!at || !path || value === undefined || extra.length)
    return { problem: `iv=${text}: expected <time in ms>:<field>:<value>, e.g. 20000:network.capMbps:200` };
  const atMs = Number(at);
  if (!Number.isFinite(atMs) || atMs < 0) return { problem: `iv=${text}: "${at}" is not a time in ms (0 or more)` };
  const parsed = value === 'true' ? true : value === 'false' ? false : /^-?[\d.]+$/.test(value) ? Number(value) : value;
  return { iv: { atMs, path, value: parsed } };
}

/** Reads a link's query string; null when it carries no scenario at all. Never throws. */
export function decodeLink(search: string): DecodedLink | null {
  let params = new URLSearchParams(search);
  if ([...params.keys()].length === 0) return null;
  const problems: string[] = [];
  const version = params.get('v');
  if (version === null)
    problems.push(`the link has no format version (v=${LINK_VERSION}); it was read as version ${LINK_VERSION}`);
  else {
    const migrated = migrateLinkParams(params, version);
    if (!migrated.ok)
      return {
        scenario: DEFAULT_SCENARIO,
        tMs: null,
        problems: [
          `the link uses format version "${version}", ${migrated.why}: the default scenario was loaded instead`,
        ],
      };
    params = migrated.params;
  }
  const input: Record<string, unknown> = {};
  const interventions: Record<string, unknown>[] = [];
  let tMs: number | null = null;
  for (const [key, raw] of params) {
    if (key === 'v') continue;
    if (key === 't') {
      const t = Number(raw);
      if (Number.isFinite(t) && t >= 0) tMs = t;
      else problems.push(`t: "${raw}" is not a playhead time in ms (0 or more); the playhead starts at the end`);
      continue;
    }
    if (key === 'iv') {
      const { iv, problem } = parseIntervention(raw);
      if (iv) interventions.push(iv);
      else problems.push(problem!);
      continue;
    }
    if (!LEAF_SET.has(key)) {
      problems.push(`${key}: not a field of the scenario format; ignored`);
      continue;
    }
    const isNumberList = key === 'network.capScheduleMbps' && !raw.startsWith('[');
    const problem = setField(input, key, isNumberList ? `[${raw}]` : raw);
    if (problem) problems.push(`${problem}; the default is used`);
  }
  if (interventions.length) input.interventions = interventions;

  // Drop each bad field (its default takes over) until what is left is valid.
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = parseScenario(input);
    if (result.ok) return { scenario: result.scenario, tMs, problems };
    for (const p of result.problems) {
      const field = p.field.startsWith('interventions.') ? 'interventions' : p.field;
      const fallback =
        field === 'interventions'
          ? 'the changes over time were dropped'
          : `the default ${JSON.stringify(getPath(DEFAULT_SCENARIO, field))} is used`;
      problems.push(`${p.message}; ${fallback}`);
      deletePath(input, field);
    }
  }
  return { scenario: DEFAULT_SCENARIO, tMs, problems: [...problems, 'the default scenario was loaded'] };
}
