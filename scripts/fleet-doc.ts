/** Writes docs/fleet.md from the fleet scenario schema and the engine's constants, so it cannot drift. */
import { writeFileSync } from 'node:fs';
import { fleetDoc } from '../src/engine/fleet/doc';

writeFileSync(new URL('../docs/fleet.md', import.meta.url), fleetDoc());
console.log('docs/fleet.md written');
