import { eventKinds, fleetFields } from './fields';
import { FLEET_CHUNK_NOTE, FLEET_TOLERANCE } from './model/tolerance';
import { PLATFORM_DEFINITIONS } from './platforms';
import { FLEET_PRESETS } from './presets';
import { FLEET_SCENARIO_VERSION } from './schema';
import { IDLE_TOLERANCE, RISE_TOLERANCE, SHARE_DELAY_MS, SHARE_INTERVAL_MS } from './sim/network';
import type { FleetSummary } from './trace';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const show = (v: unknown) => (v === undefined ? '' : '`' + JSON.stringify(v) + '`');

/** What each summary figure means (a Record over the summary's keys, so none can go undocumented). */
export const SUMMARY_FIELDS: Record<keyof FleetSummary, string> = {
  vms: 'VMs in the fleet.',
  hosts: 'Hosts in the fleet.',
  racks: 'Racks in the fleet.',
  customers: 'Customers (tenants).',
  affected: 'VMs some trigger asked to move or stop.',
  migrated: 'Live migrations that completed (a VM moved twice counts twice).',
  terminated:
    'Terminations: by policy, after a live migration gave up on a host that must go down, or by a host failure.',
  restarted: 'Terminated VMs running again by the end.',
  waitingForOperator: 'Terminated VMs whose policy (automaticRestart off) leaves them for an operator.',
  failed: 'Live migrations that did not complete: aborted at the round cap or timeout, or lost with their host.',
  lost: 'VMs lost because their host failed before they left.',
  refused: 'Moves refused: the VM cannot move live, is already moving, or the destination is not up.',
  unplaced: 'VMs that needed a host (to move to, or to restart on) and had none with room by the end.',
  evacuationMs: 'From the first trigger to the moment the last affected VM left the host it had to leave, ms.',
  evacuationComplete: 'Whether every affected VM did leave.',
  migrationSpanMs: "From the first live migration's start to the last one's end, ms: the scheduler's part.",
  totalBlackoutMs: 'Sum of the blackouts of completed migrations, ms.',
  medianBlackoutMs: 'Median blackout of completed migrations, ms (Google reports a 50 ms fleet median).',
  p99BlackoutMs: '99th-percentile blackout, ms (Google: 300 ms).',
  maxBlackoutMs: 'Longest blackout, ms.',
  totalOutageMs: 'Time terminated VMs spent down, until running again or the end of the run, ms.',
  bytesTransferred: 'Bytes all migrations sent, aborted and lost ones included.',
  meanMigrationMs: 'Mean duration of completed migrations (set-up to switchover), ms.',
  peakConcurrent: 'Most migrations under way at once: `fleet`, `perSourceHost`, `perDestinationHost`, `perCustomer`.',
  caps:
    'The caps and policies in force (after the platform defaults): `platform`, `fleet`, `perSourceHost`, ' +
    '`perDestinationHost`, `perCustomer`, `rateLimitPerMin`, `faultDomain`, `fairness`, `placement`, `maxFillPct`, ' +
    '`bandwidthPerMigrationMbps`, `downtimeLimitMs`.',
  endMs: 'Simulated time of the last thing that happened, ms.',
};

function platformTable(): string {
  const rows = Object.entries(PLATFORM_DEFINITIONS).map(([name, d]) => {
    const settings = { ...d.scheduler(25_000), ...d.migration };
    const text = Object.entries(settings)
      .map(([k, v]) => `\`${k}\` ${JSON.stringify(v)}`)
      .join(', ');
    return `| \`${name}\` | ${cell(d.summary)} | ${cell(text)} | ${cell(d.source)} |`;
  });
  return ['| platform | what it reproduces | fields it sets | source |', '|---|---|---|---|', ...rows].join('\n');
}

/** The fleet scenario format as Markdown (docs/fleet.md is this text; a test keeps them equal). */
export function fleetDoc(): string {
  const fields = fleetFields().map(
    (f) =>
      `| \`${f.path}\` | ${f.unit || '-'} | ${show(f.defaultValue)} | ${cell(f.allowed)} | ${cell(f.description)} |`,
  );
  const kinds = eventKinds().map((k) => `| \`${k.kind}\` | ${cell(k.description)} |`);
  const presets = Object.entries(FLEET_PRESETS).map(([name, p]) => `| \`${name}\` | ${cell(p.summary)} |`);
  const summary = Object.entries(SUMMARY_FIELDS).map(([k, v]) => `| \`${k}\` | ${cell(v)} |`);
  return `# The fleet scenario format (version ${FLEET_SCENARIO_VERSION})

A fleet scenario describes racks and hosts, the VMs on them with their owners and availability policies,
the scheduler that decides which VMs move when, how each migration is run, and the events that set it all
off. It is JSON, validated by one schema (\`src/engine/fleet/schema.ts\`) that the fleet engine, the CLI
(\`npm run fleet\`) and shared links use. Every field is optional; a missing field takes its default (or its
platform's, below). A field that does not exist, or a value outside its range, is refused with a message
naming the field, the value and what is allowed. Hosts, racks and VMs are numbered from 0; rack r holds
hosts r x \`fleet.hostsPerRack\` onwards. Units live in the names, as in [the scenario format](scenario.md).

This file is generated from the code by \`npx tsx scripts/fleet-doc.ts\`; a test fails when it is stale.

## How a run works

- **The fleet.** The VMs are drawn from the seed: a size class, a workload preset of the lab, a customer,
  a policy; each is placed on a random host with room. \`vms.overrides\` pins particular VMs.
- **Triggers** make hosts unavailable (maintenance of a host or a rack, a firmware rollout wave after wave,
  a flaky host, consolidation) or move one VM (an operator's request, a noisy neighbour, a simulated
  maintenance event). A host being emptied takes no new VMs; once empty it goes down for
  \`scheduler.maintenanceS\` (or off, for consolidation) and then takes VMs again.
- **Availability policy**, in Compute Engine's words. \`onHostMaintenance\` is MIGRATE (the default) or
  TERMINATE; a VM that cannot move live (a passthrough GPU, a confidential VM unless
  \`fleet.confidentialLiveMigration\`) is always TERMINATE. The guest is told through the
  \`maintenance-event\` key (MIGRATE_ON_HOST_MAINTENANCE or TERMINATE_ON_HOST_MAINTENANCE, back to NONE
  afterwards) \`notice.migrateS\` before a migration (60 s), \`notice.gpuTerminateS\` before a GPU VM stops
  (1 hour), \`notice.terminateS\` before other TERMINATE VMs stop, and only if it watches the key
  (\`vms.pollsMetadataPct\`); the notice starts when its host starts draining. A terminated VM with
  \`automaticRestart\` boots again on a host with room after \`scheduler.restartS\` (in place, for a simulated
  event); without it, it waits for an operator. A live migration that gives up on a host that must go down
  ends in a termination. A flaky host that fails before it is empty loses what is still on it.
- **The scheduler** starts waiting migrations whenever something changes. Urgent ones (a flaky host) go
  first and are not paced. Every cap (fleet, per source host, per destination host, per customer; 0 = none)
  and the rate limit hold at every instant, and placement never fills a destination past
  \`scheduler.maxFillPct\` of its memory and vCPUs (room is reserved when a migration starts).
  **Fairness bound**: with \`round-robin\`, customers take turns (urgent and planned work each have their own
  turns): the next start goes to the next customer in turn that has a VM able to start, so between two starts
  for one customer every other customer with a startable VM gets at most one; when only the fleet-wide cap binds, the started migrations of any two
  customers that are both still waiting differ by at most one. \`fifo\` starts VMs in the order they became
  ready. **Pacing**: with \`faultDomain\` \`rack\`, planned work (not flaky hosts) keeps to one rack at a
  time; a rollout's next wave starts \`waveGapS\` after the previous one is all back.
- **The network.** Each host's NIC (each direction) and each rack's uplink (each direction; a move between
  racks crosses both) are shared max-min fairly by the migrations sending over them, so more concurrency
  means slower migrations. To stay fast with thousands of VMs the sharing is exact at full sharings and
  lazy in between: a newcomer takes what its links have free; the links are shared again at once when
  a newcomer gets under a quarter of an even split (several starting together soon do), within
  ${SHARE_INTERVAL_MS} ms when it gets under an even split, and ${SHARE_DELAY_MS} ms after a departure
  whose room (over ${IDLE_TOLERANCE * 100} % of a link that limits someone) nobody took. A flow's rate
  follows a fall in its share at once, a rise at its next event or at once beyond ${RISE_TOLERANCE * 100} %.
  Links are never oversubscribed.
- **Each migration** runs on a flow-level model of QEMU pre-copy (\`src/engine/fleet/model/\`): the
  sender drains marked pages in address order at the rate the network grants; the dirty log fills per
  class of pages as K (1 - e^(-w t / K)) (the fact sheet's section 4.2; Zipf, hot/cold and sequential
  working sets as several classes); ${FLEET_CHUNK_NOTE} It is calibrated against the page-level engine
  (\`test/unit/engine/fleet/calibration.test.ts\`) over VM sizes from 512 MiB to 16 GiB, every workload
  preset and links from 1 to 40 Gbit/s: ${FLEET_TOLERANCE}. As in the lab, a migration still in pre-copy
  after the longer of 600 s and 30 passes over its memory is abandoned; timeouts count GiB of RAM only (Nova
  also counts disk). Any migration of a run opens in the lab with
  \`migrationScenario(fleetScenario, record)\`, its granted bandwidth replayed as link interventions.

## Platform presets

\`scheduler.platform\` fills in the fields it sets wherever the scenario leaves them out; fields set in the
scenario win. Only defaults read in code or official documentation are used (the reference sheet's tags
[code] and [doc]). Google publishes no per-host or per-rack caps, so Compute Engine is not a platform here;
its 60 s notice and its policies are the defaults. vSphere's value depends on \`fleet.nicMbps\` (8 is shown
for the default 25 Gbit/s).

${platformTable()}

## Fields

| field | unit | default | allowed | meaning |
|---|---|---|---|---|
${fields.join('\n')}

## Trigger events

Each entry of \`events\` has a \`kind\` and an \`atS\`; the other fields depend on the kind (\`events[kind].field\`
above).

| kind | what happens |
|---|---|
${kinds.join('\n')}

## Summary

\`npm run --silent fleet\` prints these figures as one JSON object; the trace (\`--trace OUT.json\`) also holds
every migration record, every VM's fate, the log of events and the hosts' load over time.

| figure | meaning |
|---|---|
${summary.join('\n')}

## Named scenarios

\`npm run --silent fleet -- --preset NAME\` starts from one of these; \`--scenario FILE\` is merged over it and
\`--set key=value\` goes last.

| preset | what it shows |
|---|---|
${presets.join('\n')}

## Example

\`\`\`json
{
  "seed": 3,
  "fleet": { "racks": 4, "hostsPerRack": 8, "nicMbps": 25000 },
  "vms": { "count": 256, "customers": 4, "overrides": [{ "vm": 7, "onHostMaintenance": "TERMINATE" }] },
  "scheduler": { "platform": "kubevirt", "perCustomerCap": 2 },
  "events": [
    { "kind": "rack-maintenance", "rack": 0 },
    { "kind": "simulate-maintenance", "vm": 7, "atS": 600 }
  ]
}
\`\`\`
`;
}
