import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoundRobinInterleave } from './interleave.js';

describe('createRoundRobinInterleave', () => {
  it('takes one element from every list per round while lists last', () => {
    const interleave = createRoundRobinInterleave([3n, 1n, 2n]);
    const slots = Array.from({ length: 6 }, (_, i) => interleave.slotAt(BigInt(i)));
    expect(slots.map((s) => `${s.listIndex}:${s.position}`)).toEqual([
      '0:0',
      '1:0',
      '2:0',
      '0:1',
      '2:1',
      '0:2',
    ]);
  });

  it('skips empty lists and has a total of the sum of lengths', () => {
    const interleave = createRoundRobinInterleave([0n, 2n, 0n]);
    expect(interleave.total).toBe(2n);
    expect(interleave.slotAt(1n)).toEqual({ listIndex: 1, position: 1n });
  });

  it('is a bijection onto every (list, position) pair', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 5 }), (lengths) => {
        const interleave = createRoundRobinInterleave(lengths.map(BigInt));
        const seen = new Set<string>();
        for (let slot = 0n; slot < interleave.total; slot += 1n) {
          const { listIndex, position } = interleave.slotAt(slot);
          expect(position < BigInt(lengths[listIndex] ?? 0)).toBe(true);
          seen.add(`${listIndex}:${position}`);
        }
        expect(seen.size).toBe(lengths.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('handles lists longer than 2^53', () => {
    const interleave = createRoundRobinInterleave([2n ** 70n, 5n]);
    expect(interleave.total).toBe(2n ** 70n + 5n);
    expect(interleave.slotAt(2n ** 70n + 4n)).toEqual({ listIndex: 0, position: 2n ** 70n - 1n });
  });

  it('rejects slots outside the range', () => {
    expect(() => createRoundRobinInterleave([1n]).slotAt(1n)).toThrow(RangeError);
  });
});
