import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, hashSeed, prepareWordBound, seededBigInt, seededBigIntWords, seededInt } from './rng.js';

describe('createRng', () => {
  it('yields the same sequence for the same seed', () => {
    const a = createRng('campaign:42');
    const b = createRng('campaign:42');
    expect(Array.from({ length: 10 }, () => a.nextUint32())).toEqual(
      Array.from({ length: 10 }, () => b.nextUint32()),
    );
  });

  it('treats a number seed like its decimal string', () => {
    expect(createRng(7).nextUint32()).toBe(createRng('7').nextUint32());
  });

  it('yields different sequences for nearby seeds', () => {
    expect(createRng('a').nextUint32()).not.toBe(createRng('b').nextUint32());
  });

  it('keeps nextFloat in [0, 1)', () => {
    const rng = createRng('float');
    for (let i = 0; i < 1000; i += 1) {
      const value = rng.nextFloat();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });

  it('keeps nextInt in range for any valid bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 32 }), fc.string(), (bound, seed) => {
        const value = createRng(seed).nextInt(bound);
        expect(Number.isInteger(value) && value >= 0 && value < bound).toBe(true);
      }),
    );
  });

  it('keeps nextBigInt in range for bounds far beyond 2^53', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 200n }), fc.string(), (bound, seed) => {
        const value = createRng(seed).nextBigInt(bound);
        expect(value >= 0n && value < bound).toBe(true);
      }),
    );
  });

  it('spreads nextInt roughly uniformly', () => {
    const rng = createRng('uniform');
    const buckets = [0, 0, 0, 0, 0];
    for (let i = 0; i < 10_000; i += 1) {
      const bucket = rng.nextInt(5);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const bucket of buckets) expect(bucket).toBeGreaterThan(1700);
  });

  it('rejects invalid bounds', () => {
    const rng = createRng('x');
    expect(() => rng.nextInt(0)).toThrow(RangeError);
    expect(() => rng.nextInt(1.5)).toThrow(RangeError);
    expect(() => rng.nextBigInt(0n)).toThrow(RangeError);
  });
});

describe('hashSeed', () => {
  it('never returns an all-zero state', () => {
    expect(hashSeed('')).not.toEqual([0, 0, 0, 0]);
  });
});

describe('seededInt / seededBigInt', () => {
  it('draw what a fresh generator draws first', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 2 ** 32 }), (seed, bound) => {
        expect(seededInt(seed, bound)).toBe(createRng(seed).nextInt(bound));
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.bigInt({ min: 1n, max: 2n ** 200n }), (seed, bound) => {
        expect(seededBigInt(seed, bound)).toBe(createRng(seed).nextBigInt(bound));
      }),
    );
  });

  it('draw nextBigInt as 32-bit words for bounds above 2^32, powers of two included', () => {
    const bound = fc.oneof(
      fc.bigInt({ min: 2n ** 32n + 1n, max: 2n ** 200n }),
      fc.integer({ min: 33, max: 200 }).map((bits) => 1n << BigInt(bits)),
      fc.integer({ min: 33, max: 200 }).map((bits) => (1n << BigInt(bits)) + 1n),
    );
    fc.assert(
      fc.property(fc.string(), bound, (seed, maxExclusive) => {
        const prepared = prepareWordBound(maxExclusive);
        const words = new Uint32Array(prepared.words);
        seededBigIntWords(seed, prepared, words);
        let value = 0n;
        for (const word of words) value = (value << 32n) | BigInt(word);
        expect(value).toBe(createRng(seed).nextBigInt(maxExclusive));
      }),
    );
    expect(() => prepareWordBound(2n ** 32n)).toThrow(RangeError);
  });

  it('reject the bounds the generator rejects', () => {
    expect(() => seededInt('x', 0)).toThrow(RangeError);
    expect(() => seededInt('x', 1.5)).toThrow(RangeError);
    expect(() => seededBigInt('x', 0n)).toThrow(RangeError);
  });
});
