import type * as z from 'zod';
import { describeIssue, type ScenarioProblem } from '../scenario/schemaWalk';
import { buildFleet, type FleetLayout } from './build';
import { withPlatformDefaults } from './platforms';
import { fleetScenarioSchema, MAX_HOSTS, type FleetScenario } from './schema';
import { allowedAt, type AnySchema } from './schemaTools';

export type FleetScenarioResult =
  { ok: true; scenario: FleetScenario; layout: FleetLayout } | { ok: false; problems: ScenarioProblem[] };

const ROOT = fleetScenarioSchema as unknown as AnySchema;

/** What the fleet format allows at a field (`1 to 500`, `one of spread, pack`), for messages and docs. */
export const fleetAllowedAt = (path: readonly (string | number)[], input?: unknown) => allowedAt(ROOT, path, input);

const FORMAT = { name: 'fleet scenario', doc: 'docs/fleet.md' };

/** The allowed phrase at a field; a union's `kind` lists the kinds zod offered. */
const allowedFor = (issue: z.core.$ZodIssue, input: unknown) => (path: (string | number)[]) =>
  issue.code === 'invalid_union' && path[path.length - 1] === 'kind'
    ? `one of ${(issue as unknown as { options: string[] }).options.join(', ')}`
    : fleetAllowedAt(path, input);

const outOfRange = (field: string, value: number, count: number, what: string): ScenarioProblem => ({
  field,
  value,
  allowed: `0 to ${count - 1}`,
  message: `${field}: ${value} is not allowed: there ${count === 1 ? 'is' : 'are'} ${count} ${what}; allowed: 0 to ${count - 1}`,
});

/** Event fields that name a host, rack or VM must name one that exists. */
function eventProblems(s: FleetScenario): ScenarioProblem[] {
  const hosts = s.fleet.racks * s.fleet.hostsPerRack;
  const out: ScenarioProblem[] = [];
  s.events.forEach((e, i) => {
    const at = (key: string) => `events.${i}.${key}`;
    if ('host' in e && e.host >= hosts) out.push(outOfRange(at('host'), e.host, hosts, 'hosts'));
    if ('rack' in e && e.rack >= s.fleet.racks) out.push(outOfRange(at('rack'), e.rack, s.fleet.racks, 'racks'));
    if ('vm' in e && e.vm >= s.vms.count) out.push(outOfRange(at('vm'), e.vm, Math.max(1, s.vms.count), 'VMs'));
    if (e.kind === 'operator-move' && e.toHost >= hosts) out.push(outOfRange(at('toHost'), e.toHost, hosts, 'hosts'));
    if (e.kind === 'firmware-rollout' && e.waves > hosts)
      out.push({
        field: at('waves'),
        value: e.waves,
        allowed: `1 to ${hosts}`,
        message: `${at('waves')}: ${e.waves} is not allowed: more waves than hosts; allowed: 1 to ${hosts}`,
      });
    if (e.kind === 'consolidate' && e.hostsOff >= hosts)
      out.push({
        field: at('hostsOff'),
        value: e.hostsOff,
        allowed: `1 to ${hosts - 1}`,
        message: `${at('hostsOff')}: ${e.hostsOff} is not allowed: at least one host must stay on; allowed: 1 to ${hosts - 1}`,
      });
  });
  return out;
}

/** Validates a fleet scenario, fills in defaults (the platform's first) and builds the fleet; never throws. */
export function parseFleetScenario(input: unknown): FleetScenarioResult {
  const withDefaults = withPlatformDefaults(input ?? {});
  const result = fleetScenarioSchema.safeParse(withDefaults);
  if (!result.success)
    return {
      ok: false,
      problems: result.error.issues.flatMap((issue) =>
        describeIssue(issue, withDefaults, FORMAT, allowedFor(issue, withDefaults)),
      ),
    };
  const scenario = result.data;
  const hosts = scenario.fleet.racks * scenario.fleet.hostsPerRack;
  if (hosts > MAX_HOSTS) {
    const allowed = `at most ${Math.floor(MAX_HOSTS / scenario.fleet.racks)} with ${scenario.fleet.racks} racks`;
    const value = scenario.fleet.hostsPerRack;
    const message = `fleet.hostsPerRack: ${value} is not allowed: ${hosts} hosts are more than ${MAX_HOSTS}; allowed: ${allowed}`;
    return { ok: false, problems: [{ field: 'fleet.hostsPerRack', value, allowed, message }] };
  }
  const problems = eventProblems(scenario);
  if (problems.length) return { ok: false, problems };
  const built = buildFleet(scenario);
  if (!built.ok) return built;
  return { ok: true, scenario, layout: built.layout };
}

/** Like parseFleetScenario, but throws one error listing every problem (for tests and trusted callers). */
export function fleetScenarioOrThrow(input: unknown): { scenario: FleetScenario; layout: FleetLayout } {
  const r = parseFleetScenario(input);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r;
}
