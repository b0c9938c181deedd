/**
 * Headless fleet runs: `npm run --silent fleet -- [--preset NAME] [--scenario FILE] [--set key=value]...
 * [--trace OUT.json]` prints one JSON summary on stdout. Bad input exits with code 2 and names each bad field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fleetTraceToJson, simulateFleet } from '../engine';
import { FLEET_USAGE, readFleetArgs } from './fleetArgs';

function main(argv: string[]): void {
  const request = readFleetArgs(argv, (file) => readFileSync(file, 'utf8'));
  if (request.kind === 'help') {
    process.stdout.write(FLEET_USAGE + '\n');
    return;
  }
  if (request.kind === 'refuse') {
    for (const line of request.lines) process.stderr.write(line + '\n');
    process.exit(2);
  }
  const trace = simulateFleet(request.scenario);
  if (request.traceFile) writeFileSync(request.traceFile, fleetTraceToJson(trace));
  process.stdout.write(JSON.stringify(trace.summary, null, 2) + '\n');
}

main(process.argv.slice(2));
