/**
 * Headless runs: `npm run --silent sim -- [--preset NAME] [--scenario FILE] [--set key=value]... [--trace OUT.json]`
 * prints one JSON summary on stdout. Bad input exits with code 2 and names each bad field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runScenario } from '../engine/run';
import { traceToJson } from '../engine/trace/serialize';
import { readSimArgs, USAGE } from './simArgs';

function main(argv: string[]): void {
  const request = readSimArgs(argv, (file) => readFileSync(file, 'utf8'));
  if (request.kind === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (request.kind === 'refuse') {
    for (const line of request.lines) process.stderr.write(line + '\n');
    process.exit(2);
  }
  const trace = runScenario(request.scenario);
  if (request.traceFile) writeFileSync(request.traceFile, traceToJson(trace));
  process.stdout.write(JSON.stringify(trace.summary, null, 2) + '\n');
}

main(process.argv.slice(2));
