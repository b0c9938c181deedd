// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { rackName, simulateFleet, type FleetTrace } from '../../../src/engine';
import { EVACUATION_CHOICES_S, FLEET_LESSON_LINKS, fleetLesson, LOOSE_PER_HOST_CAP } from '../../../src/lessons/fleet';
import { fleetScenarioOf, readFleetLink } from '../../../src/state/fleetLink';
import { decodeLink } from '../../../src/state/urlCodec';
import { eventTargetField } from '../../../src/ui/fleet/eventTarget';

/** A lesson step's link, read exactly as the app reads a shared link, then simulated. */
function runLink(search: string): FleetTrace {
  const link = decodeLink(`?${search}`);
  expect(link?.problems).toEqual([]);
  expect(link?.extras.view).toBe('fleet');
  const { setup, problems } = readFleetLink(link!.extras);
  expect(problems).toEqual([]);
  const r = fleetScenarioOf(setup);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return simulateFleet(r.input);
}

const defaults = runLink(FLEET_LESSON_LINKS.defaults);

describe('the fleet lesson says what the engine does', () => {
  test('every step opens the fleet view on a link that loads without problems', () => {
    expect(fleetLesson.id).toBe('fleet');
    for (const step of fleetLesson.steps) {
      expect(step.view).toBe('fleet');
      const link = decodeLink(`?${step.scenario!}`);
      expect(link?.problems).toEqual([]);
      expect(readFleetLink(link!.extras).problems).toEqual([]);
    }
  });

  test('step 1: the choice marked right holds the evacuation time with the default caps', () => {
    const s = defaults.summary;
    expect(s.caps.perSourceHost).toBe(2);
    expect(s.caps.perDestinationHost).toBe(2);
    expect(s.evacuationComplete).toBe(true);
    const evacuationS = s.evacuationMs / 1000;
    const right = EVACUATION_CHOICES_S.filter((c) => c.correct);
    expect(right).toHaveLength(1);
    expect(evacuationS).toBeGreaterThanOrEqual(right[0].minS);
    expect(evacuationS).toBeLessThan(right[0].maxS);
    for (const c of EVACUATION_CHOICES_S.filter((c) => !c.correct))
      expect(evacuationS >= c.minS && evacuationS < c.maxS).toBe(false);
    // The body's figures: 8 hosts in the rack, about 60 VMs on them, about 40 moved live, 60 s notice first.
    const rackHosts = defaults.layout.hosts.filter((h) => h.rack === 0).length;
    expect(rackHosts).toBe(8);
    expect(s.affected).toBeGreaterThan(50);
    expect(s.affected).toBeLessThan(70);
    expect(s.migrated).toBeGreaterThan(35);
    expect(s.migrated).toBeLessThan(45);
    const firstStart = Math.min(...defaults.migrations.map((m) => m.startMs));
    expect(firstStart).toBeGreaterThanOrEqual(60_000);
  });

  test('step 2: a looser per-host cap makes each migration several times slower and the evacuation later', () => {
    const loose = runLink(FLEET_LESSON_LINKS.loose);
    const a = defaults.summary;
    const b = loose.summary;
    expect(b.caps.perSourceHost).toBe(LOOSE_PER_HOST_CAP);
    expect(b.peakConcurrent.perSourceHost).toBeGreaterThan(a.peakConcurrent.perSourceHost);
    expect(b.meanMigrationMs).toBeGreaterThan(2 * a.meanMigrationMs);
    expect(b.evacuationMs).toBeGreaterThan(a.evacuationMs);
    expect(b.bytesTransferred).toBeGreaterThan(a.bytesTransferred);
    expect(b.totalBlackoutMs).toBeGreaterThan(a.totalBlackoutMs);
    expect(fleetLesson.steps[1].question?.kind === 'choice' && fleetLesson.steps[1].question.choices[1].correct).toBe(
      true,
    );
  });

  test('step 3: the TERMINATE VM gets no notice, is stopped and boots again in place about 45 s later', () => {
    const t = runLink(FLEET_LESSON_LINKS.terminate);
    const vm = t.layout.vms[0];
    expect(vm.onHostMaintenance).toBe('TERMINATE');
    expect(vm.automaticRestart).toBe(true);
    const fate = t.fates.find((f) => f.vm === 0 && f.reason === 'simulate-maintenance')!;
    expect(fate.noticeMs).toBe(0);
    expect(fate.maintenanceEvent).toBe('TERMINATE_ON_HOST_MAINTENANCE');
    expect(fate.outcome).toBe('restarted');
    expect(fate.restartHost).toBe(vm.host);
    expect(fate.runningAgainAtMs! - fate.stoppedAtMs!).toBeCloseTo(45_000, 6);
    expect(t.migrations).toHaveLength(0);
  });

  test('step 4: KubeVirt caps the cluster at 5 and each node at 2 outbound', () => {
    const t = runLink(FLEET_LESSON_LINKS.kubevirt);
    expect(t.summary.caps.fleet).toBe(5);
    expect(t.summary.caps.perSourceHost).toBe(2);
    expect(t.summary.peakConcurrent.fleet).toBeLessThanOrEqual(5);
  });

  test('the lesson names racks as the fleet view does: the grid, the tables and the Rack control', () => {
    const event = defaults.scenario.events[0];
    expect(event.kind).toBe('rack-maintenance');
    const rack = (event as { rack: number }).rack;
    const texts = fleetLesson.steps.flatMap((st) => [
      ...st.body,
      ...(st.question?.kind === 'choice'
        ? [st.question.prompt, ...st.question.choices.flatMap((c) => [c.label, c.why])]
        : []),
    ]);
    const named = texts.flatMap((t) => [...t.matchAll(/\brack (\d+)/gi)].map((m) => Number(m[1])));
    expect(named.length).toBeGreaterThanOrEqual(2);
    // The grid's label and the hosts table's Rack column for the rack the event empties...
    expect(rackName(rack)).toBe(`rack ${named[0]}`);
    const hostsOfRack = defaults.layout.hosts.filter((h) => h.rack === rack);
    expect(hostsOfRack.every((h) => h.name.startsWith(`r${named[0]}h`))).toBe(true);
    // ...and the number the Rack control shows for it are the one the lesson says, everywhere.
    const field = eventTargetField('rack-maintenance', defaults.scenario, rack);
    expect(named.every((n) => n === rack + field.offset)).toBe(true);
    expect(field.hint).toContain(rackName(rack));
    expect([field.min, field.max]).toEqual([1, defaults.scenario.fleet.racks]);
  });
});
