import fc from 'fast-check';
import { readSimArgs } from '../../src/cli/simArgs';
import { parseScenario } from '../../src/engine/scenario/validate';
import { hostileDocument } from './documents';
import { hostileKey, hostileText } from './values';
import { fail, guarded, pass, unclearMessages, type Outcome } from './verdict';

/** Hostile command lines for `npm run sim`: `--set` soups, hostile files, stray arguments. */

export interface SimArgsCase {
  argv: string[];
  /** The files the command line may name, by name. */
  files: Record<string, string>;
}

const setArg = fc
  .tuple(hostileKey, hostileText, fc.constantFrom('=', ' = ', '', '=='))
  .map(([k, v, eq]) => ['--set', k + eq + v]);
const scenarioArg = fc.constantFrom(['--scenario', 'doc.json'], ['--scenario', 'missing.json']);
const presetArg = fc
  .oneof(fc.constantFrom('web', 'game', 'custom', 'quantum', ''), hostileText)
  .map((p) => ['--preset', p]);
const strayArg = fc
  .oneof(fc.constantFrom('--set', '--scenario', '--trace', '-x', '--', 'run'), hostileText)
  .map((a) => [a]);

export const hostileSimArgs: fc.Arbitrary<SimArgsCase> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: setArg },
        { weight: 2, arbitrary: scenarioArg },
        { weight: 1, arbitrary: presetArg },
        { weight: 1, arbitrary: strayArg },
      ),
      { maxLength: 6 },
    ),
    hostileDocument,
  )
  .map(([args, doc]) => ({ argv: args.flat(), files: { 'doc.json': doc } }));

/** The command line runs a valid scenario, prints help, or is refused (exit 2) with clear lines. */
export function checkSimArgs({ argv, files }: SimArgsCase): Outcome {
  return guarded(() => {
    const r = readSimArgs(argv, (file) => {
      if (!Object.hasOwn(files, file))
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
      return files[file];
    });
    if (r.kind === 'help') return pass('help');
    if (r.kind === 'run')
      return parseScenario(r.scenario).ok
        ? pass('runs')
        : fail('invalid scenario', 'the scenario to run does not validate');
    if (r.kind === 'fit') return pass('fit requested');
    if (r.lines.length === 0) return fail('silent refusal', 'refused without a line');
    const unclear = unclearMessages(r.lines, 40);
    return unclear ? fail('unclear message', unclear) : pass('refused with a message');
  });
}
