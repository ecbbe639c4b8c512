import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur3String, murmur3Words } from '../random/hash.js';
import { computeBandHashes } from './lsh.js';
import {
  createMinHasher,
  estimateJaccard,
  signatureFromSignedInts,
  signatureToSignedInts,
} from './minhash.js';
import { exactJaccard, normaliseWords, shingleHashes } from './shingles.js';

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

  it('equals hashing the windows of normaliseWords, in any script', () => {
    // The definition; shingleHashes scans and hashes the words in place instead.
    const reference = (text: string, k: number): Set<number> => {
      const words = normaliseWords(text).map((word) => murmur3String(word, 0x2f1b_3c4d));
      const width = Math.min(k, words.length);
      const hashes = new Set<number>();
      for (let i = 0; words.length > 0 && i + width <= words.length; i += 1) {
        hashes.add(murmur3Words(words.slice(i, i + width), 0x51ed_270b));
      }
      return hashes;
    };
    const piece = fc.oneof(
      fc.constantFrom(
        ' ',
        '\n',
        '\u00a0',
        ',',
        "'",
        '’',
        "''",
        'don’t',
        "o'",
        'Ünï',
        'İ',
        'ß',
        '𝒜',
        '🙂',
        '\ud800',
        '٣',
      ),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (pieces, k) => {
        const text = pieces.join('');
        expect([...shingleHashes(text, k)]).toEqual([...reference(text, k)]);
      }),
      { numRuns: 500 },
    );
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

  it('keeps the values stored as fingerprints (article_fingerprints) unchanged', () => {
    // Computed by the original implementation: a change here makes new fingerprints miss every
    // stored one (bump HASH_ALGORITHM_VERSION and re-fingerprint instead).
    const text =
      'Emergency plumbers in Austin, Texas: fast, licensed and available around the clock.\nWe fix leaks, drains and water heaters — don’t wait!';
    const signature = hasher.signature(text);
    expect(Array.from(signature.slice(0, 6))).toEqual([
      357548982, 281010780, 86997439, 307002170, 27319729, 68057631,
    ]);
    expect(computeBandHashes(signature).slice(0, 3)).toEqual([
      3223223920372226, 2305217345574665, 2272466242739456,
    ]);
    expect(
      Array.from(
        createMinHasher({ numHashes: 6, shingleSize: 2, seed: 7 }).signature(
          'Ünïcode wörds 𝒜𝒷 and café au lait',
        ),
      ),
    ).toEqual([939281570, 684484065, 135439378, 817636606, 320838746, 58413956]);
  });

  it('gives signatureOfShingles the same result as signature', () => {
    const text = 'one two three four five six seven eight nine ten one two three';
    expect(hasher.signatureOfShingles(shingleHashes(text))).toEqual(hasher.signature(text));
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
