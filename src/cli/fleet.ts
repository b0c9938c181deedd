/**
 * Headless fleet runs: `npm run --silent fleet -- [--preset NAME] [--scenario FILE] [--set key=value]...
 * [--trace OUT.json]` prints one JSON summary on stdout. The preset is the base, the file is merged over
 * it, the --set assignments come last. Bad input exits with code 2 and names each bad field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  FLEET_PRESET_NAMES,
  FLEET_PRESETS,
  fleetTraceToJson,
  parseFleetScenario,
  setFleetField,
  simulateFleet,
  type FleetPresetName,
} from '../engine/fleet';

const USAGE = `usage: npm run --silent fleet -- [--preset NAME] [--scenario FILE] [--set key=value]... [--trace OUT.json]
  --preset NAME      a named fleet scenario: ${FLEET_PRESET_NAMES.join(', ')}
  --scenario FILE    fleet scenario JSON (see docs/fleet.md), merged over the preset
  --set key=value    set one field, e.g. --set scheduler.perSourceHostCap=4 (repeatable, applied in order;
                     lists as JSON: --set 'events=[{"kind":"host-maintenance","host":3}]')
  --trace OUT.json   also write the whole trace (migrations, fates, events, host load) to OUT.json`;

function fail(lines: string[], code = 2): never {
  for (const line of lines) process.stderr.write(line + '\n');
  process.exit(code);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `over` merged into `base`: objects field by field, everything else replaced. Keys become own data. */
function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown) =>
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const k of Object.keys(base)) put(k, base[k]);
  for (const k of Object.keys(over))
    put(k, Object.prototype.hasOwnProperty.call(out, k) ? merge(out[k], over[k]) : over[k]);
  return out;
}

function readScenarioFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    fail([`cannot read fleet scenario file ${file}: ${(e as Error).message}`]);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    fail([`fleet scenario file ${file} is not valid JSON: ${(e as Error).message}`]);
  }
  if (!isObject(input)) fail([`fleet scenario file ${file} must hold a JSON object`]);
  return input;
}

function main(argv: string[]): void {
  let scenarioFile: string | undefined;
  let preset: string | undefined;
  let traceFile: string | undefined;
  const sets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : fail([`${arg} needs a value`, USAGE]));
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (arg === '--scenario') scenarioFile = value();
    else if (arg === '--preset') preset = value();
    else if (arg === '--set') sets.push(value());
    else if (arg === '--trace') traceFile = value();
    else fail([`unknown argument: ${arg}`, USAGE]);
  }

  let input: Record<string, unknown> = {};
  if (preset !== undefined) {
    if (!(FLEET_PRESET_NAMES as string[]).includes(preset))
      fail([`--preset: "${preset}" is not a fleet preset; allowed: one of ${FLEET_PRESET_NAMES.join(', ')}`]);
    input = structuredClone(FLEET_PRESETS[preset as FleetPresetName].scenario) as Record<string, unknown>;
  }
  if (scenarioFile) input = merge(input, readScenarioFile(scenarioFile)) as Record<string, unknown>;
  const problems: string[] = [];
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      problems.push(`--set ${assignment}: expected key=value`);
      continue;
    }
    const problem = setFleetField(input, assignment.slice(0, eq).trim(), assignment.slice(eq + 1).trim());
    if (problem) problems.push(problem);
  }
  const parsed = parseFleetScenario(input);
  const badFields = new Set(problems.map((p) => p.split(':')[0]));
  if (!parsed.ok) problems.push(...parsed.problems.filter((p) => !badFields.has(p.field)).map((p) => p.message));
  if (problems.length || !parsed.ok) fail(problems);

  const trace = simulateFleet(parsed.scenario);
  if (traceFile) writeFileSync(traceFile, fleetTraceToJson(trace));
  process.stdout.write(JSON.stringify(trace.summary, null, 2) + '\n');
}

main(process.argv.slice(2));
