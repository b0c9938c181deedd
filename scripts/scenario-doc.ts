/** Writes docs/scenario.md from the scenario schema, so the document cannot drift from the code. */
import { writeFileSync } from 'node:fs';
import { scenarioDoc } from '../src/engine/scenario/doc';

writeFileSync(new URL('../docs/scenario.md', import.meta.url), scenarioDoc());
console.log('docs/scenario.md written');
