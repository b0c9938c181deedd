import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQmpTranscript, type QmpRecord } from '../../src/engine/replay/qmp';

/**
 * The real QEMU recordings in ../shared/traces, found from wherever the checkout sits (the main checkout
 * and the helpers' worktrees are at different depths). BROWNOUT_TRACES points elsewhere when set.
 */
function findTracesDir(): string {
  if (process.env.BROWNOUT_TRACES) return resolve(process.env.BROWNOUT_TRACES);
  let dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  for (;;) {
    const candidate = join(dir, 'shared', 'traces');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('shared/traces not found above the checkout; set BROWNOUT_TRACES');
    dir = up;
  }
}

export const TRACES_DIR = findTracesDir();

/** Every shipped record, by file name. */
export const TRACE_FILES = readdirSync(TRACES_DIR)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();

export const traceText = (file: string): string => readFileSync(join(TRACES_DIR, file), 'utf8');
export const loadTrace = (file: string): QmpRecord => parseQmpTranscript(traceText(file));
