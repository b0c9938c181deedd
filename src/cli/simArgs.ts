import {
  applyPreset,
  applyProfile,
  messageLines,
  parseScenario,
  PROFILES,
  quoteText,
  setField,
  WORKLOAD_PRESETS,
  type Profile,
  type Scenario,
  type WorkloadPreset,
} from '../engine';

export const USAGE = `usage: npm run --silent sim -- [--preset NAME] [--scenario FILE] [--profile NAME] [--set key=value]... [--trace OUT.json], or -- --fit RECORD.jsonl [--set key=value]...
  --preset NAME      workload preset: ${WORKLOAD_PRESETS.filter((p) => p !== 'custom').join(', ')}
  --scenario FILE    scenario JSON (see docs/scenario.md); missing fields take their defaults
  --profile NAME     ${PROFILES.join(' or ')}: qemu gives QEMU's semantics (no round cap, total time from migrate)
  --fit RECORD       fit the simulator to a QEMU QMP record; prints measured, predicted, errors and the scenario
  --set key=value    set one field, e.g. --set network.linkMbps=10000 (repeatable, applied in order)
  --trace OUT.json   also write the whole trace (rounds, samples, events, heatmap frames) to OUT.json as a versioned "brownout-trace" the app reads back`;

/** What the command line asks for: help, a run of a valid scenario, or a refusal (exit code 2) with its lines. */
export type SimRequest =
  | { kind: 'help' }
  | { kind: 'run'; scenario: Scenario; traceFile?: string }
  /** --fit: a QEMU record to fit, with the overrides as --set gave them. */
  | { kind: 'fit'; file: string; sets: string[] }
  | { kind: 'refuse'; lines: string[] };

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENAMETOOLONG: 'the name is too long for this system',
};

/** An error's message, cut short: Node quotes the whole path, JSON.parse a piece of the text. */
const cut = (message: string) => (message.length <= 160 ? message : `${message.slice(0, 160)}…`);
const readError = (e: unknown) => READ_ERRORS[(e as { code?: string }).code ?? ''] ?? cut(String((e as Error).message));

const refuse = (lines: string[]): SimRequest => ({ kind: 'refuse', lines: messageLines(lines, 40) });

/**
 * Reads the arguments of `npm run sim` into a scenario, without running it or touching the disk except
 * through `readText`. Bad input of any kind gives a refusal whose lines name the field; never throws.
 */
export function readSimArgs(argv: readonly string[], readText: (file: string) => string): SimRequest {
  let scenarioFile: string | undefined;
  let preset: string | undefined;
  let traceFile: string | undefined;
  let profile: string | undefined;
  let fitFile: string | undefined;
  const sets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const known = ['--scenario', '--preset', '--set', '--trace', '--profile', '--fit'];
    if (!known.includes(arg)) return refuse([`unknown argument: ${quoteText(arg)}`, ...USAGE.split('\n')]);
    if (i + 1 >= argv.length) return refuse([`${arg} needs a value`, ...USAGE.split('\n')]);
    const value = argv[++i];
    if (arg === '--scenario') scenarioFile = value;
    else if (arg === '--preset') preset = value;
    else if (arg === '--set') sets.push(value);
    else if (arg === '--profile') profile = value;
    else if (arg === '--fit') fitFile = value;
    else traceFile = value;
  }
  if (profile !== undefined && !(PROFILES as readonly string[]).includes(profile))
    return refuse([`--profile: ${quoteText(profile)} is not a profile; allowed: one of ${PROFILES.join(', ')}`]);
  if (fitFile !== undefined) {
    if (scenarioFile !== undefined || preset !== undefined || traceFile !== undefined)
      return refuse(['--fit takes only --set and --profile besides the record', ...USAGE.split('\n')]);
    return { kind: 'fit', file: fitFile, sets: profile ? [`profile=${profile}`, ...sets] : sets };
  }

  let input: Record<string, unknown> = {};
  if (scenarioFile !== undefined) {
    const file = quoteText(scenarioFile);
    let text: string;
    try {
      text = readText(scenarioFile);
    } catch (e) {
      return refuse([`cannot read scenario file ${file}: ${readError(e)}`]);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return refuse([`scenario file ${file} is not valid JSON: ${cut((e as Error).message)}`]);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return refuse([`scenario file ${file} must hold a JSON object`]);
    input = parsed as Record<string, unknown>;
  }
  if (preset !== undefined) {
    if (!(WORKLOAD_PRESETS as readonly string[]).includes(preset))
      return refuse([`--preset: ${quoteText(preset)} is not a preset; allowed: one of ${WORKLOAD_PRESETS.join(', ')}`]);
    const base = parseScenario(input);
    if (!base.ok) return refuse(base.problems.map((p) => p.message));
    input = JSON.parse(JSON.stringify(applyPreset(base.scenario, preset as WorkloadPreset)));
  }
  if (profile !== undefined) input = applyProfile(input, profile as Profile);
  const problems: string[] = [];
  const badFields = new Set<string>();
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    const key = assignment.slice(0, eq).trim();
    if (eq < 0 || key === '') {
      problems.push(`--set ${quoteText(assignment)}: expected key=value, e.g. network.linkMbps=10000`);
      continue;
    }
    const problem = setField(input, key, assignment.slice(eq + 1).trim());
    if (problem) {
      problems.push(problem);
      badFields.add(key);
    }
  }
  const parsed = parseScenario(input);
  if (!parsed.ok) problems.push(...parsed.problems.filter((p) => !badFields.has(p.field)).map((p) => p.message));
  if (problems.length || !parsed.ok) return refuse(problems);
  return { kind: 'run', scenario: parsed.scenario, traceFile };
}
