/**
 * Headless runs: `npm run --silent sim -- [--preset NAME] [--scenario FILE] [--profile NAME] [--set key=value]...
 * [--trace OUT.json]` prints one JSON summary on stdout; `--fit RECORD.jsonl` fits the simulator to a real QEMU
 * record instead (fitCommand.ts). Bad input exits with code 2 and names each bad field.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { runScenario } from '../engine/run';
import { traceToJson } from '../engine/trace/serialize';
import { fitCommand } from './fitCommand';
import { readSimArgs, USAGE } from './simArgs';

function main(argv: string[]): void {
  let request = readSimArgs(argv, (file) => readFileSync(file, 'utf8'));
  if (request.kind === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (request.kind === 'fit') {
    const fit = fitCommand(request.file, request.sets);
    if (!fit.ok) request = { kind: 'refuse', lines: fit.lines };
    else {
      process.stdout.write(fit.json + '\n');
      return;
    }
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
