/**
 * Headless runs: `npm run --silent sim -- [--preset NAME] [--scenario FILE] [--set key=value]... [--trace OUT.json]`
 * prints one JSON summary on stdout. Bad input exits with code 2 and names each bad field.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import {
  applyPreset,
  parseScenario,
  runScenario,
  setField,
  traceJsonChunks,
  WORKLOAD_PRESETS,
  type Trace,
  type WorkloadPreset,
} from '../engine';

const USAGE = `usage: npm run --silent sim -- [--preset NAME] [--scenario FILE] [--set key=value]... [--trace OUT.json]
  --preset NAME      workload preset: ${WORKLOAD_PRESETS.filter((p) => p !== 'custom').join(', ')}
  --scenario FILE    scenario JSON (see docs/scenario.md); missing fields take their defaults
  --set key=value    set one field, e.g. --set network.linkMbps=10000 (repeatable, applied in order)
  --trace OUT.json   also write the whole trace (rounds, samples, events, heatmap frames) to OUT.json,
                     in the versioned "brownout-trace" format the app opens again`;

/** Bytes gathered before each write: few system calls, little memory, however long the trace. */
const WRITE_BUFFER_BYTES = 1 << 20;

/** Streams the trace's JSON to a file piece by piece: its text can be longer than one string may be. */
function writeTrace(file: string, trace: Trace): void {
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (e) {
    fail([`cannot write trace file ${file}: ${(e as Error).message}`]);
  }
  try {
    let pending: string[] = [];
    let size = 0;
    const flush = () => {
      writeSync(fd, pending.join(''));
      pending = [];
      size = 0;
    };
    for (const chunk of traceJsonChunks(trace)) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= WRITE_BUFFER_BYTES) flush();
    }
    flush();
  } catch (e) {
    fail([`writing trace file ${file} failed: ${(e as Error).message}`], 1);
  } finally {
    closeSync(fd);
  }
}

function fail(lines: string[], code = 2): never {
  for (const line of lines) process.stderr.write(line + '\n');
  process.exit(code);
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
  if (traceFile) writeTrace(traceFile, trace);
  process.stdout.write(JSON.stringify(trace.summary, null, 2) + '\n');
}

main(process.argv.slice(2));
