import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMinHasher,
  estimateJaccard,
  signatureFromSignedInts,
  signatureToSignedInts,
} from './minhash.js';
import { exactJaccard, shingleHashes } from './shingles.js';

const hasher = createMinHasher();
const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i}`);
const documentArb = fc
  .array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 120 })
  .map((w) => w.join(' '));

describe('shingleHashes', () => {
  it('hashes k-word windows, ignoring case and punctuation', () => {
    expect(shingleHashes('One two, three! Four five six', 5)).toEqual(
      shingleHashes('one TWO three four five six', 5),
    );
    expect(shingleHashes('a b c d e f', 5).size).toBe(2);
  });

  it('makes one shingle of a text shorter than k words, and none of an empty text', () => {
    expect(shingleHashes('just three words', 5).size).toBe(1);
    expect(shingleHashes(' ,. ', 5).size).toBe(0);
  });

  it('rejects a shingle size below 1', () => {
    expect(() => shingleHashes('a', 0)).toThrow(RangeError);
  });
});

describe('MinHash similarity', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        const sa = hasher.signature(a);
        const sb = hasher.signature(b);
        expect(estimateJaccard(sa, sb)).toBe(estimateJaccard(sb, sa));
      }),
    );
  });

  it('is 1 for identical documents', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        expect(estimateJaccard(hasher.signature(text), hasher.signature(text))).toBe(1);
      }),
    );
  });

  it('is about 0 for documents with disjoint vocabularies', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary.slice(0, 200)), { minLength: 10, maxLength: 100 }),
        fc.array(fc.constantFrom(...vocabulary.slice(200)), { minLength: 10, maxLength: 100 }),
        (a, b) => {
          expect(estimateJaccard(hasher.signature(a.join(' ')), hasher.signature(b.join(' ')))).toBeLessThan(
            0.06,
          );
        },
      ),
    );
  });

  it('estimates the exact Jaccard similarity of the shingle sets', () => {
    const wide = createMinHasher({ numHashes: 256 });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 60, maxLength: 150 }),
        fc.integer({ min: 0, max: 59 }),
        (words, edits) => {
          const edited = [...words];
          for (let i = 0; i < edits; i += 1) edited[(i * 7) % edited.length] = `x${i}`;
          const a = words.join(' ');
          const b = edited.join(' ');
          const exact = exactJaccard(shingleHashes(a), shingleHashes(b));
          expect(Math.abs(estimateJaccard(wide.signature(a), wide.signature(b)) - exact)).toBeLessThan(0.15);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('depends on the seed but is stable for one seed', () => {
    const text = 'the quick brown fox jumps over the lazy dog again and again';
    expect(createMinHasher({ seed: 1 }).signature(text)).toEqual(
      createMinHasher({ seed: 1 }).signature(text),
    );
    expect(createMinHasher({ seed: 1 }).signature(text)).not.toEqual(
      createMinHasher({ seed: 2 }).signature(text),
    );
  });

  it('rejects signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(2), new Uint32Array(3))).toThrow(RangeError);
  });
});

describe('signature storage', () => {
  it('round-trips through signed 32-bit integers', () => {
    const signature = hasher.signature('some text to fingerprint for storage in postgres');
    const stored = signatureToSignedInts(signature);
    for (const value of stored) expect(value >= -(2 ** 31) && value < 2 ** 31).toBe(true);
    expect(signatureFromSignedInts(stored)).toEqual(signature);
  });
});
