/**
 * Headless runs: `npm run --silent sim -- [--preset NAME] [--scenario FILE] [--profile NAME] [--set key=value]...
 * [--trace OUT.json]` prints one JSON summary on stdout; `--fit FILE.jsonl` fits the simulator to a real QEMU
 * record instead (see fitCommand.ts). Bad input exits with code 2 and names each bad field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runScenario } from '../engine/run';
import { applyPreset } from '../engine/scenario/presets';
import { applyProfile } from '../engine/scenario/profile';
import { PROFILES, WORKLOAD_PRESETS, type Profile, type WorkloadPreset } from '../engine/scenario/schema';
import { setField } from '../engine/scenario/setField';
import { parseScenario } from '../engine/scenario/validate';
import { traceToJson } from '../engine/trace/serialize';
import { fitCommand } from './fitCommand';

const USAGE = `usage: npm run --silent sim -- [--preset NAME] [--scenario FILE] [--profile NAME] [--set key=value]... [--trace OUT.json]
       npm run --silent sim -- --fit RECORD.jsonl [--set key=value]...
  --preset NAME      workload preset: ${WORKLOAD_PRESETS.filter((p) => p !== 'custom').join(', ')}
  --scenario FILE    scenario JSON (see docs/scenario.md); missing fields take their defaults
  --profile NAME     ${PROFILES.join(' or ')}: qemu gives QEMU's semantics (no round cap, total time from migrate)
  --fit RECORD       fit the simulator to a QEMU QMP record; prints measured, predicted, errors and the scenario
  --set key=value    set one field, e.g. --set network.linkMbps=10000 (repeatable, applied in order)
  --trace OUT.json   also write the whole trace (rounds, samples, events, heatmap frames) to OUT.json`;

function fail(lines: string[], code = 2): never {
  for (const line of lines) process.stderr.write(line + '\n');
  process.exit(code);
}

function main(argv: string[]): void {
  let scenarioFile: string | undefined;
  let preset: string | undefined;
  let traceFile: string | undefined;
  let profile: string | undefined;
  let fitFile: string | undefined;
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
    else if (arg === '--profile') profile = value();
    else if (arg === '--fit') fitFile = value();
    else fail([`unknown argument: ${arg}`, USAGE]);
  }

  if (profile !== undefined && !(PROFILES as readonly string[]).includes(profile))
    fail([`--profile: "${profile}" is not a profile; allowed: one of ${PROFILES.join(', ')}`]);
  if (fitFile !== undefined) {
    if (scenarioFile || preset || traceFile) fail(['--fit takes only --set (and --profile) besides the record', USAGE]);
    const fit = fitCommand(fitFile, profile ? [`profile=${profile}`, ...sets] : sets);
    if (!fit.ok) fail(fit.lines);
    process.stdout.write(fit.json + '\n');
    return;
  }

  let input: Record<string, unknown> = {};
  if (scenarioFile) {
    let text: string;
    try {
      text = readFileSync(scenarioFile, 'utf8');
    } catch (e) {
      fail([`cannot read scenario file ${scenarioFile}: ${(e as Error).message}`]);
    }
    try {
      input = JSON.parse(text);
    } catch (e) {
      fail([`scenario file ${scenarioFile} is not valid JSON: ${(e as Error).message}`]);
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      fail([`scenario file ${scenarioFile} must hold a JSON object`]);
  }
  if (preset !== undefined) {
    if (!(WORKLOAD_PRESETS as readonly string[]).includes(preset))
      fail([`--preset: "${preset}" is not a preset; allowed: one of ${WORKLOAD_PRESETS.join(', ')}`]);
    const base = parseScenario(input);
    if (!base.ok) fail(base.problems.map((p) => p.message));
    input = JSON.parse(JSON.stringify(applyPreset(base.scenario, preset as WorkloadPreset)));
  }
  if (profile !== undefined) input = applyProfile(input, profile as Profile);
  const problems: string[] = [];
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      problems.push(`--set ${assignment}: expected key=value`);
      continue;
    }
    const problem = setField(input, assignment.slice(0, eq).trim(), assignment.slice(eq + 1).trim());
    if (problem) problems.push(problem);
  }
  const parsed = parseScenario(input);
  const badFields = new Set(problems.map((p) => p.split(':')[0]));
  if (!parsed.ok) problems.push(...parsed.problems.filter((p) => !badFields.has(p.field)).map((p) => p.message));
  if (problems.length || !parsed.ok) fail(problems);

  const trace = runScenario(parsed.scenario);
  if (traceFile) writeFileSync(traceFile, traceToJson(trace));
  process.stdout.write(JSON.stringify(trace.summary, null, 2) + '\n');
}

main(process.argv.slice(2));
