import {
  FLEET_PRESET_NAMES,
  FLEET_PRESETS,
  parseFleetScenario,
  setFleetField,
  type FleetPresetName,
  type FleetScenario,
} from '../engine';
import { quoteText } from '../engine';
import { applySets, readFlags, readJsonObject, refuse } from './argTools';

export const FLEET_USAGE = `usage: npm run --silent fleet -- [--preset NAME] [--scenario FILE] [--set key=value]... [--trace OUT.json]
  --preset NAME      a named fleet scenario: ${FLEET_PRESET_NAMES.join(', ')}
  --scenario FILE    fleet scenario JSON (see docs/fleet.md), merged over the preset
  --set key=value    set one field, e.g. --set scheduler.perSourceHostCap=4 (repeatable, applied in order)
  --set 'events=[{"kind":"host-maintenance","host":3}]'   lists and objects as JSON
  --trace OUT.json   also write the whole trace (migrations, fates, events, host load) to OUT.json`;

/** What the command line asks for: help, a run of a valid fleet scenario, or a refusal (exit code 2). */
export type FleetRequest =
  { kind: 'help' } | { kind: 'run'; scenario: FleetScenario; traceFile?: string } | { kind: 'refuse'; lines: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `over` merged into `base`: objects field by field, everything else replaced. Keys stay own data. */
function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) =>
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const k of Object.keys(base)) put(k, base[k]);
  for (const k of Object.keys(over)) put(k, Object.hasOwn(out, k) ? merge(out[k], over[k]) : over[k]);
  return out;
}

/**
 * Reads the arguments of `npm run fleet` into a fleet scenario: the preset is the base, the file is merged
 * over it, the --set assignments come last. Touches the disk only through `readText`; bad input of any
 * kind gives a refusal whose lines name the field; never throws.
 */
export function readFleetArgs(argv: readonly string[], readText: (file: string) => string): FleetRequest {
  const flags = readFlags(argv, ['--scenario', '--preset', '--trace'], FLEET_USAGE);
  if (flags.kind !== 'flags') return flags;
  const preset = flags.values.get('--preset');
  const scenarioFile = flags.values.get('--scenario');
  let input: Record<string, unknown> = {};
  if (preset !== undefined) {
    if (!(FLEET_PRESET_NAMES as string[]).includes(preset))
      return refuse([
        `--preset: ${quoteText(preset)} is not a fleet preset; allowed: one of ${FLEET_PRESET_NAMES.join(', ')}`,
      ]);
    input = structuredClone(FLEET_PRESETS[preset as FleetPresetName].scenario) as Record<string, unknown>;
  }
  if (scenarioFile !== undefined) {
    const file = readJsonObject(scenarioFile, readText, 'fleet scenario');
    if (!file.ok) return refuse([file.line]);
    input = merge(input, file.value) as Record<string, unknown>;
  }
  const parsed = applySets(input, flags.sets, setFleetField, 'scheduler.perSourceHostCap=4', parseFleetScenario);
  if (parsed.kind === 'refuse') return parsed;
  return { kind: 'run', scenario: parsed.scenario, traceFile: flags.values.get('--trace') };
}
