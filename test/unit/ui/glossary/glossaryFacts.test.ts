// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { scenarioFields } from '../../../../src/engine/scenario/fields';
import { glossaryTerm } from '../../../../src/ui/glossary/terms';

const definition = (id: string) => glossaryTerm(id)?.definition ?? '';

/** Glossary entries against QEMU's code as shared/reference/migration-facts.md reads it (§1.3, §1.5, §2). */
describe('the glossary states QEMU the way QEMU behaves', () => {
  it('auto-converge: 20 % first, 10 % more each step, at most 99 %, triggered at half the bytes sent, twice', () => {
    const text = definition('auto-converge');
    expect(text).toContain('20 %, then 10 % more each time, at most 99 %');
    // migration_trigger_throttle: dirtied > 50 % of transferred in a period of ≥ 1 s, counted to 2.
    expect(text).toContain('every second time');
    expect(text).toContain('more than half as many bytes as the migration sent');
    expect(text).not.toMatch(/faster than the migration sends/);
  });

  it('a round ends under the threshold, and what it had not sent carries over (not "every dirty page sent")', () => {
    const text = definition('round');
    expect(text).toContain('between two syncs of the dirty log');
    expect(text).toContain('falls under the stop threshold');
    expect(text).toContain('carry over to the next');
  });

  it('the figures other entries quote are QEMU defaults', () => {
    expect(definition('downtime-limit')).toContain('300 ms by default');
    expect(definition('bandwidth-cap')).toContain('lifts it for the final copy');
    expect(definition('blackout')).toContain('750 ms');
  });

  it("the auto-converge field's help does not say it throttles whenever the guest outpaces the link", () => {
    const help = scenarioFields().find((f) => f.path === 'precopy.autoConverge')?.description ?? '';
    expect(help).toContain('throttleTriggerPct');
    expect(help).not.toMatch(/faster than it is sent/);
  });
});
