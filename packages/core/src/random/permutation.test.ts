import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededPermutation } from './permutation.js';

describe('createSeededPermutation', () => {
  it('is a bijection on small ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.string(), (size, seed) => {
        const permutation = createSeededPermutation(BigInt(size), seed);
        const image = new Set(Array.from({ length: size }, (_, i) => permutation.at(BigInt(i))));
        expect(image.size).toBe(size);
        for (const value of image) expect(value >= 0n && value < BigInt(size)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same index for the same seed and position', () => {
    const size = 10n ** 30n;
    expect(createSeededPermutation(size, 's').at(12345n)).toBe(createSeededPermutation(size, 's').at(12345n));
  });

  it('actually shuffles (not the identity)', () => {
    const permutation = createSeededPermutation(1000n, 'shuffle');
    const fixedPoints = Array.from(
      { length: 1000 },
      (_, i) => permutation.at(BigInt(i)) === BigInt(i),
    ).filter(Boolean);
    expect(fixedPoints.length).toBeLessThan(20);
  });

  it('rejects positions outside the range', () => {
    const permutation = createSeededPermutation(10n, 'x');
    expect(() => permutation.at(10n)).toThrow(RangeError);
    expect(() => permutation.at(-1n)).toThrow(RangeError);
    expect(() => createSeededPermutation(-1n, 'x')).toThrow(RangeError);
  });
});
