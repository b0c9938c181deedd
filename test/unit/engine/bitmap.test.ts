// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageBitmap } from '../../../src/engine/memory/bitmap';

/** The bitmap's operations, checked against a plain set of pages after every step. */
type Op =
  | { kind: 'add'; page: number }
  | { kind: 'delete'; page: number }
  | { kind: 'addRange'; from: number; to: number }
  | { kind: 'absorb'; pages: number[] }
  | { kind: 'takeNext'; from: number }
  | { kind: 'clear' };

const PAGES = 700;
const page = fc.integer({ min: 0, max: PAGES - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), page }),
  fc.record({ kind: fc.constant('delete' as const), page }),
  fc.tuple(page, page).map(([a, b]) => ({ kind: 'addRange' as const, from: Math.min(a, b), to: Math.max(a, b) })),
  fc.record({ kind: fc.constant('absorb' as const), pages: fc.array(page, { maxLength: 40 }) }),
  fc.record({ kind: fc.constant('takeNext' as const), from: page }),
  fc.constant({ kind: 'clear' as const }),
);

describe('PageBitmap', () => {
  it('holds exactly the pages a set holds, through adds, ranges, syncs, takes and clears', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const bitmap = new PageBitmap(PAGES);
        const model = new Set<number>();
        for (const o of ops) {
          if (o.kind === 'add') {
            expect(bitmap.add(o.page)).toBe(!model.has(o.page));
            model.add(o.page);
          } else if (o.kind === 'delete') expect(bitmap.delete(o.page)).toBe(model.delete(o.page));
          else if (o.kind === 'addRange') {
            bitmap.addRange(o.from, o.to);
            for (let p = o.from; p < o.to; p++) model.add(p);
          } else if (o.kind === 'absorb') {
            const log = new PageBitmap(PAGES);
            for (const p of o.pages) log.add(p);
            const fresh = new Set(o.pages.filter((p) => !model.has(p))).size;
            expect(bitmap.absorb(log)).toBe(fresh);
            expect(log.count).toBe(0);
            expect(log.nextFrom(0)).toBe(-1);
            for (const p of o.pages) model.add(p);
          } else if (o.kind === 'takeNext') {
            const expected = [...model].filter((p) => p >= o.from).sort((a, b) => a - b)[0] ?? -1;
            expect(bitmap.takeNext(o.from)).toBe(expected);
            model.delete(expected);
          } else {
            bitmap.clear();
            model.clear();
          }
          expect(bitmap.count).toBe(model.size);
        }
        const marked: number[] = [];
        for (let p = bitmap.nextFrom(0); p >= 0; p = bitmap.nextFrom(p + 1)) marked.push(p);
        expect(marked).toEqual([...model].sort((a, b) => a - b));
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
