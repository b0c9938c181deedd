import { scenarioFields } from './fields';
import { SCENARIO_VERSION } from './schema';

const show = (v: unknown) => (v === undefined ? '' : '`' + JSON.stringify(v) + '`');

/** The scenario format as Markdown (docs/scenario.md is this text; a test keeps them equal). */
export function scenarioDoc(): string {
  const rows = scenarioFields().map(
    (f) =>
      `| \`${f.path}\` | ${f.unit || '-'} | ${show(f.defaultValue)} | ${f.allowed} | ${f.description.replace(/\|/g, '\\|')} |`,
  );
  return `# The scenario format (version ${SCENARIO_VERSION})

A scenario is everything needed to reproduce a run: parameters, interventions and the seed. It is JSON,
validated by one schema (\`src/engine/scenario/schema.ts\`) that the engine, the CLI (\`npm run sim\`) and
shared links all use. Every field is optional: a missing field takes its default. A field that does not
exist, or a value outside its range, is refused with a message naming the field, the value and what is
allowed; nothing is clamped silently.

Units live in the names: \`MiB\` (2^20 bytes), \`KiB\`, \`Mbps\` (10^6 bit/s, as links are sold), \`Ms\`
(milliseconds), \`S\` (seconds), \`Us\` (microseconds), \`Pct\` (percent). A write rate in MiB/s is page writes
per second times the page size: writes to a page that is already dirty add nothing to the dirty set.

Rules between fields: \`vm.usedMiB\` and \`workload.wssMiB\` at most \`vm.memoryMiB\`; \`vm.freeMiB\` at most
\`vm.usedMiB\`; \`precopy.freePageHinting\` and \`precopy.stunRogue\` need \`variant\` paravirtual or self.
A confidential VM (\`vm.confidential.kind\` tdx) ignores zero-page detection, XBZRLE, free-page hints and
tracking from boot: the host cannot read its pages.

This file is generated from the schema by \`npx tsx scripts/scenario-doc.ts\`; a test fails when it is stale.

| field | unit | default | allowed | meaning |
|---|---|---|---|---|
${rows.join('\n')}

## Example

\`\`\`json
{
  "strategy": "precopy",
  "seed": 7,
  "vm": { "memoryMiB": 8192, "usedMiB": 6144 },
  "workload": { "pattern": "zipf", "writeRateMiBps": 80, "wssMiB": 2048 },
  "network": { "linkMbps": 10000, "capMbps": 2000 },
  "precopy": { "downtimeLimitMs": 300, "maxIterations": 30, "autoConverge": true },
  "interventions": [{ "atMs": 20000, "path": "network.capMbps", "value": 500 }]
}
\`\`\`

## Interventions

An intervention changes one parameter at a simulated time; the run before that time is unchanged (the same
seed gives the same writes), so a lecturer can show the effect of throttling the link halfway. Parameters
that can change: ${'`'}workload.writeRateMiBps${'`'}, ${'`'}workload.wssMiB${'`'}, ${'`'}workload.pattern${'`'},
${'`'}network.linkMbps${'`'}, ${'`'}network.capMbps${'`'}, ${'`'}network.rttMs${'`'}, ${'`'}network.vmTrafficMbps${'`'},
${'`'}network.otherTrafficMbps${'`'}, ${'`'}precopy.downtimeLimitMs${'`'}, ${'`'}precopy.autoConverge${'`'}.
`;
}
