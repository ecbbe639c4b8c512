import { describe, expect, it } from 'vitest';
import { fmix32, murmur3String, murmur3Words } from './hash.js';

describe('murmur3String', () => {
  it('is stable across runs (values are persisted as fingerprints)', () => {
    expect(murmur3String('')).toBe(0);
    expect(murmur3String('plumbers in austin')).toBe(murmur3String('plumbers in austin'));
    expect(murmur3String('hello', 1)).toMatchInlineSnapshot(`2474293433`);
  });

  it('depends on the seed and on every character', () => {
    expect(murmur3String('abc', 1)).not.toBe(murmur3String('abc', 2));
    expect(murmur3String('abcd')).not.toBe(murmur3String('abce'));
    expect(murmur3String('abc')).not.toBe(murmur3String('abcd'));
  });

  it('returns unsigned 32-bit integers', () => {
    for (const text of ['a', 'bb', 'ccc', 'ünïcødé', '🙂']) {
      const value = murmur3String(text);
      expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
    }
  });
});

describe('murmur3Words', () => {
  it('distinguishes word order and length', () => {
    expect(murmur3Words([1, 2])).not.toBe(murmur3Words([2, 1]));
    expect(murmur3Words([0])).not.toBe(murmur3Words([0, 0]));
  });
});

describe('fmix32', () => {
  it('maps distinct inputs to distinct outputs (it is a bijection)', () => {
    const outputs = new Set(Array.from({ length: 10_000 }, (_, i) => fmix32(i)));
    expect(outputs.size).toBe(10_000);
  });
});
