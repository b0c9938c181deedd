// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS } from '../../fuzz/targets';
import { guarded, unclearMessages } from '../../fuzz/verdict';

/**
 * The hostile-input harnesses, briefly and seeded (the same generators run for thousands of cases in
 * `npm run soak`): every link, scenario document and command line loads or gets a clear message; none
 * throws, hangs or touches a built-in prototype.
 */
describe('hostile input', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s: each case loads or gets a clear message', (_, target) => {
    fc.assert(
      fc.property(target.input, (input) => {
        const outcome = target.check(input);
        if (!outcome.ok) throw new Error(`${outcome.label}: ${outcome.detail}`);
      }),
      { seed: 15, numRuns: 1000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the verdicts catch the failures they exist for', () => {
    // A check that cannot fail guards nothing: each known failure must be called one.
    expect(unclearMessages(['a: x', 'a: x'], 12)).toMatch(/repeated/);
    expect(unclearMessages(['vm.usedMiB: bad; the default undefined is used'], 12)).toMatch(/undefined/);
    expect(unclearMessages([': not a field of the scenario format; ignored'], 12)).toMatch(/names nothing/);
    expect(unclearMessages([`name: ${'x'.repeat(1000)} is not allowed`], 12)).toMatch(/1000|characters/);
    expect(unclearMessages(['is not allowed'], 12)).toMatch(/what it is about/);
    expect(unclearMessages(['a: 1', 'b: 2', 'c: 3'], 2)).toMatch(/more than 2/);
    expect(unclearMessages(['"a:b"… (90 characters): not a field', 'iv="x": expected'], 12)).toBeNull();
    expect(guarded(() => JSON.parse('{'))).toEqual(expect.objectContaining({ ok: false, label: 'threw' }));
    const polluted = guarded(() => {
      (Object.prototype as Record<string, unknown>).polluted = 1;
      return { ok: true, label: 'fine' };
    });
    delete (Object.prototype as Record<string, unknown>).polluted;
    expect(polluted).toEqual(expect.objectContaining({ ok: false, label: 'polluted a prototype' }));
  });

  it('each target loads a link or a file that is merely unusual, and refuses a bad one with a clear line', () => {
    const [links, documents, simArgs] = FUZZ_TARGETS;
    expect(links.check('?v=1&faults=[{}]')).toEqual({ ok: true, label: 'loaded with notes' });
    expect(links.check('?v=1&network.linkMbps=10000')).toEqual({ ok: true, label: 'loaded as written' });
    expect(documents.check('{"faults":[{}]}')).toEqual({ ok: true, label: 'refused, loads leniently with notes' });
    expect(simArgs.check({ argv: ['--set', 'constructor=1'], files: {} })).toEqual({
      ok: true,
      label: 'refused with a message',
    });
  });
});
