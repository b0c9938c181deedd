// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleetDoc, SUMMARY_FIELDS } from '../../../../src/engine/fleet/doc';
import { fleetFields } from '../../../../src/engine/fleet/fields';
import { simulateFleet } from '../../../../src/engine/fleet/fleetRun';
import { PLATFORM_DEFINITIONS } from '../../../../src/engine/fleet/platforms';
import { EVENT_KINDS } from '../../../../src/engine/fleet/schema';

describe('docs/fleet.md', () => {
  it('is the document the code generates (run `npx tsx scripts/fleet-doc.ts` after changing the schema)', () => {
    const onDisk = readFileSync(resolve(__dirname, '../../../../docs/fleet.md'), 'utf8');
    expect(onDisk).toBe(fleetDoc());
  });

  it('describes every field, every event kind and every summary figure', () => {
    const fields = fleetFields();
    for (const f of fields) expect(f.description, f.path).not.toBe('');
    const paths = fields.map((f) => f.path);
    for (const required of [
      'fleet.racks',
      'vms.count',
      'vms.overrides[].onHostMaintenance',
      'notice.migrateS',
      'scheduler.perSourceHostCap',
      'scheduler.perDestinationHostCap',
      'scheduler.perCustomerCap',
      'scheduler.fleetCap',
      'scheduler.fairness',
      'scheduler.faultDomain',
      'scheduler.rateLimitPerMin',
      'migration.downtimeLimitMs',
      'events[flaky-host].failAfterS',
      'events[firmware-rollout].waves',
    ])
      expect(paths).toContain(required);
    for (const kind of EVENT_KINDS)
      expect(
        paths.some((p) => p.startsWith(`events[${kind}]`)),
        kind,
      ).toBe(true);
    const doc = fleetDoc();
    for (const kind of EVENT_KINDS) expect(doc).toContain(`| \`${kind}\` |`);
    const summary = simulateFleet({ vms: { count: 8 }, fleet: { racks: 1, hostsPerRack: 2 } }).summary;
    expect(Object.keys(SUMMARY_FIELDS).sort()).toEqual(Object.keys(summary).sort());
    for (const d of Object.values(PLATFORM_DEFINITIONS)) expect(doc).toContain(d.source);
  });
});
