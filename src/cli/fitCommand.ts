/**
 * `npm run --silent sim -- --fit FILE.jsonl [--set key=value]...`: fits the simulator to a real QEMU
 * migration record and prints one JSON object: measured and predicted figures, the relative error of each,
 * the fitted scenario, and how the guest's writing was estimated. Bad input exits 2 with the line and field.
 */
import { readFileSync } from 'node:fs';
import { fitRecord, parseQmp, quoteText, type FitOverrides } from '../engine';
import { readError } from './argTools';

export type FitCommandResult = { ok: true; json: string } | { ok: false; lines: string[] };

export function fitCommand(file: string, sets: string[]): FitCommandResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, lines: [`cannot read QMP record file ${quoteText(file)}: ${readError(e)}`] };
  }
  const parsed = parseQmp(text);
  if (!parsed.ok) return { ok: false, lines: [`${file}: ${parsed.error.message}`] };
  const overrides: FitOverrides = {};
  const problems: string[] = [];
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) problems.push(`--set ${quoteText(assignment)}: expected key=value, e.g. workload.wssMiB=100`);
    else overrides[assignment.slice(0, eq).trim()] = assignment.slice(eq + 1).trim();
  }
  if (problems.length) return { ok: false, lines: problems };
  const fit = fitRecord(parsed.record, overrides);
  if (!fit.ok) return { ok: false, lines: fit.problems };
  const { measured, predicted, errors, scenario, estimate, notes } = fit;
  return { ok: true, json: JSON.stringify({ measured, predicted, errors, scenario, estimate, notes }, null, 2) };
}
