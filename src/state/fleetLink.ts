import {
  FLEET_PRESET_NAMES,
  FLEET_PRESETS,
  fleetAllowedAt,
  parseFleetScenario,
  previewValue,
  quoteText,
  setFleetField,
  type FleetEventKind,
  type FleetEventSpec,
  type FleetPresetName,
  type FleetScenario,
  type FleetScenarioInput,
} from '../engine';
import type { LinkExtras } from './linkExtras';
import { FLEET_PARAM_PATHS, type FleetFieldParam, type FleetParam } from './fleetLinkNames';

/**
 * What the fleet view simulates, as its link says it: a named fleet preset, fields set on top of it, and
 * optionally its trigger event replaced by another (`fleet.event`, `fleet.target`, `fleet.failAfterS`).
 * Every value is text, exactly as a link carries it; `fleetScenarioOf` turns it into a scenario.
 */
export interface FleetSetup {
  preset: FleetPresetName;
  params: Partial<Record<FleetParam, string>>;
}

export const DEFAULT_FLEET_PRESET: FleetPresetName = 'rack-maintenance';
export const DEFAULT_FLEET_SETUP: FleetSetup = { preset: DEFAULT_FLEET_PRESET, params: {} };

/** Which field of its event `fleet.target` sets, per kind, and what the control calls it. */
export const EVENT_TARGETS: Record<FleetEventKind, { key: string; label: string }> = {
  'host-maintenance': { key: 'host', label: 'Host' },
  'rack-maintenance': { key: 'rack', label: 'Rack' },
  'firmware-rollout': { key: 'waves', label: 'Waves' },
  'flaky-host': { key: 'host', label: 'Host' },
  'operator-move': { key: 'vm', label: 'VM' },
  'noisy-neighbour': { key: 'vm', label: 'VM' },
  consolidate: { key: 'hostsOff', label: 'Hosts off' },
  'simulate-maintenance': { key: 'vm', label: 'VM' },
};

const isPreset = (text: string): text is FleetPresetName => (FLEET_PRESET_NAMES as string[]).includes(text);
const isEventKind = (text: string): text is FleetEventKind => Object.hasOwn(EVENT_TARGETS, text);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The preset's scenario with the setup's fields and event applied; problems name the link parameter. */
function buildInput(setup: FleetSetup): { input: FleetScenarioInput; problems: Map<FleetParam, string> } {
  const input = clone(FLEET_PRESETS[setup.preset].scenario) as Record<string, unknown>;
  const problems = new Map<FleetParam, string>();
  for (const [param, path] of Object.entries(FLEET_PARAM_PATHS) as [FleetFieldParam, string][]) {
    const text = setup.params[param];
    if (text === undefined) continue;
    const why = setFleetField(input, path, text);
    if (why)
      problems.set(param, `${param}: ${quoteText(text)} is not allowed; allowed: ${fleetAllowedAt(path.split('.'))}`);
  }
  const kindText = setup.params['fleet.event'];
  const events = (input.events as FleetEventSpec[] | undefined) ?? [{ kind: 'rack-maintenance', atS: 0, rack: 0 }];
  const kind = kindText ?? events[0].kind;
  if (!isEventKind(kind)) {
    problems.set(
      'fleet.event',
      `fleet.event: ${quoteText(kind)} is not a trigger event; allowed: one of ${Object.keys(EVENT_TARGETS).join(', ')}`,
    );
    return { input: input as FleetScenarioInput, problems };
  }
  const event: Record<string, unknown> = kindText === undefined ? { ...events[0] } : { kind, atS: 0 };
  const target = setup.params['fleet.target'];
  if (target !== undefined) event[EVENT_TARGETS[kind].key] = Number(target.trim() === '' ? NaN : target);
  const fuse = setup.params['fleet.failAfterS'];
  if (fuse !== undefined && kind === 'flaky-host') event.failAfterS = Number(fuse.trim() === '' ? NaN : fuse);
  if (kindText !== undefined || target !== undefined || fuse !== undefined) input.events = [event];
  return { input: input as FleetScenarioInput, problems };
}

/** Which link parameter a problem of the scenario's field comes from (null: the preset itself). */
function paramOfField(field: string): FleetParam | null {
  for (const [param, path] of Object.entries(FLEET_PARAM_PATHS)) if (field === path) return param as FleetParam;
  if (/^events\.0\.kind$/.test(field)) return 'fleet.event';
  if (/^events\.0\.failAfterS$/.test(field)) return 'fleet.failAfterS';
  if (/^events\.0\./.test(field)) return 'fleet.target';
  return null;
}

export type FleetSetupResult =
  | { ok: true; setup: FleetSetup; input: FleetScenarioInput; scenario: FleetScenario; problems: string[] }
  | { ok: false; problems: string[] };

/**
 * The scenario of a setup. A parameter that is not allowed (out of range, not a number, a VM or host the
 * fleet does not have) is dropped with a line naming it and its range; the rest still applies. Also used
 * to check a setup read from a link.
 */
export function fleetScenarioOf(setup: FleetSetup): FleetSetupResult {
  const lines: string[] = [];
  let current: FleetSetup = { preset: setup.preset, params: { ...setup.params } };
  for (let attempt = 0; attempt < 20; attempt++) {
    const built = buildInput(current);
    for (const [param, line] of built.problems) {
      lines.push(`${line}; the preset's value is used`);
      current = withoutParam(current, param);
    }
    if (built.problems.size) continue;
    const parsed = parseFleetScenario(built.input);
    if (parsed.ok) return { ok: true, setup: current, input: built.input, scenario: parsed.scenario, problems: lines };
    const params = new Set(parsed.problems.map((p) => paramOfField(p.field)));
    if (params.has(null) || params.size === 0)
      return { ok: false, problems: [...lines, ...parsed.problems.map((p) => p.message)] };
    for (const p of parsed.problems) {
      const param = paramOfField(p.field)!;
      const value = current.params[param];
      lines.push(
        `${param}: ${value === undefined ? previewValue(p.value) : quoteText(value)} is not allowed; allowed: ${p.allowed}; the preset's value is used`,
      );
      current = withoutParam(current, param);
    }
  }
  return { ok: false, problems: lines };
}

const withoutParam = (setup: FleetSetup, param: FleetParam): FleetSetup => {
  const params = { ...setup.params };
  delete params[param];
  return { ...setup, params };
};

/** The setup a link's extras describe, checked; bad parameters are dropped with a line naming each. */
export function readFleetLink(extras: LinkExtras): { setup: FleetSetup; problems: string[] } {
  const problems: string[] = [];
  const presetText = extras.fleet;
  let preset = DEFAULT_FLEET_PRESET;
  if (presetText !== undefined) {
    if (isPreset(presetText)) preset = presetText;
    else
      problems.push(
        `fleet: ${quoteText(presetText)} is not a fleet preset; allowed: one of ${FLEET_PRESET_NAMES.join(', ')}; ${DEFAULT_FLEET_PRESET} was opened`,
      );
  }
  const params: FleetSetup['params'] = {};
  for (const [name, value] of Object.entries(extras))
    if (name.startsWith('fleet.') && value !== undefined) params[name as FleetParam] = value;
  const checked = fleetScenarioOf({ preset, params });
  if (!checked.ok) return { setup: { preset, params: {} }, problems: [...problems, ...checked.problems] };
  return { setup: checked.setup, problems: [...problems, ...checked.problems] };
}

/** The link parameters of a setup (none for the default one). */
export function fleetLinkOf(setup: FleetSetup): LinkExtras {
  const out: LinkExtras = {};
  if (setup.preset !== DEFAULT_FLEET_PRESET || Object.keys(setup.params).length) out.fleet = setup.preset;
  for (const [name, value] of Object.entries(setup.params)) if (value !== undefined) out[name as FleetParam] = value;
  return out;
}

/** A setup with one parameter set (undefined: back to the preset's value). */
export function withParam(setup: FleetSetup, param: FleetParam, value: string | undefined): FleetSetup {
  if (value === undefined) return withoutParam(setup, param);
  return { ...setup, params: { ...setup.params, [param]: value } };
}
