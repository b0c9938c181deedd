// Fits the simulator to every shipped QEMU record and rewrites the table in docs/engine-validation.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fitRecord, type FitResult } from '../src/engine/replay/fit';
import { validationTable, withValidationTable } from '../src/engine/replay/validationTable';
import { TRACE_FILES, loadTrace } from '../test/support/traces';

const rows = TRACE_FILES.map((file) => {
  const fit = fitRecord(loadTrace(file));
  if (!fit.ok) throw new Error(`${file}: ${fit.problems.join('; ')}`);
  return { file, fit: fit as FitResult };
});
const path = new URL('../docs/engine-validation.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const next = withValidationTable(doc, validationTable(rows));
if (next === doc) console.log('docs/engine-validation.md: table unchanged (or no markers)');
else {
  writeFileSync(path, next);
  console.log('docs/engine-validation.md: table written');
}
