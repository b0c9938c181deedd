import {
  applyPreset,
  applyProfile,
  parseScenario,
  PROFILES,
  quoteText,
  setField,
  WORKLOAD_PRESETS,
  type Profile,
  type Scenario,
  type WorkloadPreset,
} from '../engine';
import { applySets, readFlags, readJsonObject, refuse } from './argTools';

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

/**
 * Reads the arguments of `npm run sim` into a scenario, without running it or touching the disk except
 * through `readText`. Bad input of any kind gives a refusal whose lines name the field; never throws.
 */
export function readSimArgs(argv: readonly string[], readText: (file: string) => string): SimRequest {
  const flags = readFlags(argv, ['--scenario', '--preset', '--trace', '--profile', '--fit'], USAGE);
  if (flags.kind !== 'flags') return flags;
  const { values, sets } = flags;
  const scenarioFile = values.get('--scenario');
  const preset = values.get('--preset');
  const traceFile = values.get('--trace');
  const profile = values.get('--profile');
  const fitFile = values.get('--fit');
  if (profile !== undefined && !(PROFILES as readonly string[]).includes(profile))
    return refuse([`--profile: ${quoteText(profile)} is not a profile; allowed: one of ${PROFILES.join(', ')}`]);
  if (fitFile !== undefined) {
    if (scenarioFile !== undefined || preset !== undefined || traceFile !== undefined)
      return refuse(['--fit takes only --set and --profile besides the record', ...USAGE.split('\n')]);
    return { kind: 'fit', file: fitFile, sets: profile ? [`profile=${profile}`, ...sets] : sets };
  }

  let input: Record<string, unknown> = {};
  if (scenarioFile !== undefined) {
    const file = readJsonObject(scenarioFile, readText, 'scenario');
    if (!file.ok) return refuse([file.line]);
    input = file.value;
  }
  if (preset !== undefined) {
    if (!(WORKLOAD_PRESETS as readonly string[]).includes(preset))
      return refuse([`--preset: ${quoteText(preset)} is not a preset; allowed: one of ${WORKLOAD_PRESETS.join(', ')}`]);
    const base = parseScenario(input);
    if (!base.ok) return refuse(base.problems.map((p) => p.message));
    input = JSON.parse(JSON.stringify(applyPreset(base.scenario, preset as WorkloadPreset)));
  }
  if (profile !== undefined) input = applyProfile(input, profile as Profile);
  const parsed = applySets(input, sets, setField, 'network.linkMbps=10000', parseScenario);
  if (parsed.kind === 'refuse') return parsed;
  return { kind: 'run', scenario: parsed.scenario, traceFile };
}
