/**
 * Headless runs: `npm run --silent sim -- [--preset NAME] [--scenario FILE] [--profile NAME] [--set key=value]...
 * [--trace OUT.json]` prints one JSON summary on stdout; `--fit RECORD.jsonl` fits the simulator to a real QEMU
 * record instead (fitCommand.ts). Bad input exits with code 2 and names each bad field.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { runScenario, traceJsonChunks, type Trace } from '../engine';
import { fitCommand } from './fitCommand';
import { readSimArgs, USAGE } from './simArgs';

/** Bytes gathered before each write: few system calls, little memory, however long the trace. */
const WRITE_BUFFER_BYTES = 1 << 20;

function fail(lines: string[], code = 2): never {
  for (const line of lines) process.stderr.write(line + '\n');
  process.exit(code);
}

/**
 * Streams the trace's JSON (the versioned "brownout-trace" format) to a file piece by piece: with the
 * largest outputs its text is longer than one string may be.
 */
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
  if (request.kind === 'refuse') fail(request.lines);
  const trace = runScenario(request.scenario);
  if (request.traceFile) writeTrace(request.traceFile, trace);
  process.stdout.write(JSON.stringify(trace.summary, null, 2) + '\n');
}

main(process.argv.slice(2));
