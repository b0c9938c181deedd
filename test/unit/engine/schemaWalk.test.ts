// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseFleetScenario, parseScenario, setFleetField, setField } from '../../../src/engine';

/** What the scenario and the fleet scenario formats share (src/engine/scenario/schemaWalk.ts), seen through both. */
describe('both formats refuse bad --set texts and bad fields the same way', () => {
  it('an overflowing number says it is too large and names the field and its range, in both formats', () => {
    expect(setField({}, 'vm.memoryMiB', '1e999')).toBe(
      'vm.memoryMiB: "1e999" is too large a number; allowed: a whole number 64 to 1048576 MiB',
    );
    expect(setFleetField({}, 'fleet.racks', '-1e999')).toBe(
      'fleet.racks: "-1e999" is too large a negative number; allowed: a whole number 1 to 500',
    );
  });

  it('true/false and JSON fields are converted, or refused naming the field', () => {
    const scenario: Record<string, unknown> = {};
    expect(setField(scenario, 'precopy.autoConverge', 'true')).toBeNull();
    expect(scenario).toEqual({ precopy: { autoConverge: true } });
    expect(setField(scenario, 'precopy.autoConverge', 'yes')).toBe('precopy.autoConverge: "yes" is not true or false');
    const fleet: Record<string, unknown> = {};
    expect(setFleetField(fleet, 'fleet.confidentialLiveMigration', 'maybe')).toBe(
      'fleet.confidentialLiveMigration: "maybe" is not true or false',
    );
    expect(setFleetField(fleet, 'events', '[{"kind":"host-maintenance","host":1}]')).toBeNull();
    expect(fleet).toEqual({ events: [{ kind: 'host-maintenance', host: 1 }] });
  });

  it('an unknown key names the format and its document; a wrong value names field, value and range', () => {
    const s = parseScenario({ vm: { memoryMiB: 4096, colour: 'red' } });
    expect(s.ok).toBe(false);
    if (!s.ok)
      expect(s.problems.map((p) => p.message)).toContain(
        'vm.colour: not a field of the scenario format (see docs/scenario.md)',
      );
    const f = parseFleetScenario({ fleet: { racks: 0 }, colour: 'red' });
    expect(f.ok).toBe(false);
    if (!f.ok) {
      const messages = f.problems.map((p) => p.message);
      expect(messages).toContain('colour: not a field of the fleet scenario format (see docs/fleet.md)');
      expect(messages).toContain('fleet.racks: 0 is not allowed; allowed: a whole number 1 to 500');
    }
  });
});
