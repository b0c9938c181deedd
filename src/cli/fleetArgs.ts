import {
  FLEET_PRESET_NAMES,
  FLEET_PRESETS,
  parseFleetScenario,
  setFleetField,
  type FleetPresetName,
  type FleetScenario,
} from '../engine';
import { messageLines, quoteText } from '../engine';

export const FLEET_USAGE = `usage: npm run --silent fleet -- [--preset NAME] [--scenario FILE] [--set key=value]... [--trace OUT.json]
  --preset NAME      a named fleet scenario: ${FLEET_PRESET_NAMES.join(', ')}
  --scenario FILE    fleet scenario JSON (see docs/fleet.md), merged over the preset
  --set key=value    set one field, e.g. --set scheduler.perSourceHostCap=4 (repeatable, applied in order)
  --set 'events=[{"kind":"host-maintenance","host":3}]'   lists and objects as JSON
  --trace OUT.json   also write the whole trace (migrations, fates, events, host load) to OUT.json`;

/** What the command line asks for: help, a run of a valid fleet scenario, or a refusal (exit code 2). */
export type FleetRequest =
  { kind: 'help' } | { kind: 'run'; scenario: FleetScenario; traceFile?: string } | { kind: 'refuse'; lines: string[] };

const refuse = (lines: string[]): FleetRequest => ({ kind: 'refuse', lines: messageLines(lines, 40) });
const short = (message: string) => (message.length <= 160 ? message : `${message.slice(0, 160)}…`);
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
};

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
  let scenarioFile: string | undefined;
  let preset: string | undefined;
  let traceFile: string | undefined;
  const sets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (!['--scenario', '--preset', '--set', '--trace'].includes(arg))
      return refuse([`unknown argument: ${quoteText(arg)}`, ...FLEET_USAGE.split('\n')]);
    if (i + 1 >= argv.length) return refuse([`${arg} needs a value`, ...FLEET_USAGE.split('\n')]);
    const value = argv[++i];
    if (arg === '--scenario') scenarioFile = value;
    else if (arg === '--preset') preset = value;
    else if (arg === '--set') sets.push(value);
    else traceFile = value;
  }
  let input: Record<string, unknown> = {};
  if (preset !== undefined) {
    if (!(FLEET_PRESET_NAMES as string[]).includes(preset))
      return refuse([
        `--preset: ${quoteText(preset)} is not a fleet preset; allowed: one of ${FLEET_PRESET_NAMES.join(', ')}`,
      ]);
    input = structuredClone(FLEET_PRESETS[preset as FleetPresetName].scenario) as Record<string, unknown>;
  }
  if (scenarioFile !== undefined) {
    const file = quoteText(scenarioFile);
    let text: string;
    try {
      text = readText(scenarioFile);
    } catch (e) {
      const why = READ_ERRORS[(e as { code?: string }).code ?? ''] ?? short(String((e as Error).message));
      return refuse([`cannot read fleet scenario file ${file}: ${why}`]);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return refuse([`fleet scenario file ${file} is not valid JSON: ${short((e as Error).message)}`]);
    }
    if (!isObject(parsed)) return refuse([`fleet scenario file ${file} must hold a JSON object`]);
    input = merge(input, parsed) as Record<string, unknown>;
  }
  const problems: string[] = [];
  const badFields = new Set<string>();
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    const key = assignment.slice(0, eq).trim();
    if (eq < 0 || key === '') {
      problems.push(`--set ${quoteText(assignment)}: expected key=value, e.g. scheduler.perSourceHostCap=4`);
      continue;
    }
    const problem = setFleetField(input, key, assignment.slice(eq + 1).trim());
    if (problem) {
      problems.push(problem);
      badFields.add(key);
    }
  }
  const parsed = parseFleetScenario(input);
  if (!parsed.ok) problems.push(...parsed.problems.filter((p) => !badFields.has(p.field)).map((p) => p.message));
  if (problems.length || !parsed.ok) return refuse(problems);
  return { kind: 'run', scenario: parsed.scenario, traceFile };
}
