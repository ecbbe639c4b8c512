import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur3String, murmur3Words } from '../random/hash.js';
import { createRng, type Rng } from '../random/rng.js';
import { computeBandHashes } from './lsh.js';
import {
  createMinHasher,
  estimateJaccard,
  MINHASH_SCHEME_VERSION,
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
          expect(
            estimateJaccard(hasher.signature(a.join(' ')), hasher.signature(b.join(' '))),
          ).toBeLessThanOrEqual(0.05);
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

  it('pins the signature values of MINHASH_SCHEME_VERSION 2 (stored in article_fingerprints)', () => {
    // Regression guard, computed by the one-permutation scheme itself. Band hashes of these values are
    // stored per article: if this test has to change, bump MINHASH_SCHEME_VERSION so stored rows are
    // recomputed instead of silently never matching again.
    expect(MINHASH_SCHEME_VERSION).toBe(2);
    const text =
      'Emergency plumbers in Austin, Texas: fast, licensed and available around the clock.\nWe fix leaks, drains and water heaters — don’t wait!';
    const signature = hasher.signature(text);
    expect(Array.from(signature.slice(0, 6))).toEqual([
      1161490856, 2007015239, 3626391821, 120779241, 120779241, 2122803562,
    ]);
    expect(computeBandHashes(signature).slice(0, 3)).toEqual([
      2772631039032504, 6275761218146890, 3611079039134641,
    ]);
    expect(
      Array.from(
        createMinHasher({ numHashes: 6, shingleSize: 2, seed: 7 }).signature(
          'Ünïcode wörds 𝒜𝒷 and café au lait',
        ),
      ),
    ).toEqual([3972500517, 941341124, 2332221381, 2332221381, 2887871982, 3972500517]);
  });

  it('gives signatureOfShingles the same result as signature', () => {
    const text = 'one two three four five six seven eight nine ten one two three';
    expect(hasher.signatureOfShingles(shingleHashes(text))).toEqual(hasher.signature(text));
  });

  it('rejects signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(2), new Uint32Array(3))).toThrow(RangeError);
  });
});

/**
 * A seeded pair of texts of 50–1,500 words whose shingle sets overlap by a chosen amount: shared and
 * own passages interleaved (like articles spun from one fragment library), or a copy with scattered
 * word edits. Vocabularies from 12 words (repeated shingles) to 5,000.
 */
function textPair(rng: Rng): [string, string] {
  const vocabulary = [12, 60, 400, 5000][rng.nextInt(4)] as number;
  const word = (prefix: string): string => `${prefix}${rng.nextInt(vocabulary)}`;
  const length = 50 + rng.nextInt(1451);
  const target = 0.1 + 0.85 * rng.nextFloat();
  if (rng.nextInt(3) === 0) {
    // Edit a fraction of the words: a lone edit removes up to 5 shingles from each set.
    const words = Array.from({ length }, () => word('w'));
    const edited = words.map((w) => (rng.nextFloat() < (1 - target) / 7 ? word('e') : w));
    return [words.join(' '), edited.join(' ')];
  }
  // Passages of 10–60 words, shared with probability q: J ≈ q / (2 − q).
  const shared = (2 * target) / (1 + target);
  const a: string[] = [];
  const b: string[] = [];
  while (a.length < length) {
    const passage = Array.from({ length: 10 + rng.nextInt(51) }, () => word('w'));
    a.push(...passage);
    b.push(...(rng.nextFloat() < shared ? passage : passage.map(() => word('v'))));
  }
  return [a.join(' '), b.join(' ')];
}

describe('MinHash accuracy (one-permutation hashing with densification)', () => {
  it('estimates the Jaccard similarity of the shingle sets without bias over a few hundred text pairs', () => {
    const rng = createRng('minhash-accuracy');
    const errors: number[] = [];
    const exacts: number[] = [];
    let worstLong = 0;
    for (let pair = 0; pair < 400; pair += 1) {
      const [a, b] = textPair(rng);
      const exact = exactJaccard(shingleHashes(a), shingleHashes(b));
      const error = estimateJaccard(hasher.signature(a), hasher.signature(b)) - exact;
      errors.push(error);
      exacts.push(exact);
      if (normaliseWords(a).length >= 200 && normaliseWords(b).length >= 200) {
        worstLong = Math.max(worstLong, Math.abs(error));
      }
    }
    // The pairs span the range the duplicate scan cares about: ten or more in each tenth of 0.1–1.
    for (let tenth = 1; tenth < 10; tenth += 1) {
      expect(exacts.filter((exact) => Math.floor(exact * 10) === tenth).length).toBeGreaterThanOrEqual(10);
    }
    const mean = errors.reduce((sum, e) => sum + e, 0) / errors.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    // With 128 slots the standard error is up to 0.044 (at J = 0.5), so 0.15 is about 3.4σ: other
    // seeds of this test can see a pair just past it, with the old k-hash scheme as well.
    expect(worstLong).toBeLessThan(0.15);
  });

  it('stays unbiased when most bins are densified (small sets, many seeds)', () => {
    // 40 shingles in 128 bins: about 3/4 of the slots are copies. Exact Jaccard 20 / 60 = 1/3.
    const a = Array.from({ length: 40 }, (_, i) => murmur3Words([i], 1));
    const b = Array.from({ length: 40 }, (_, i) => murmur3Words([i + 20], 1));
    let sum = 0;
    const seeds = 300;
    for (let seed = 0; seed < seeds; seed += 1) {
      const seeded = createMinHasher({ seed });
      sum += estimateJaccard(seeded.signatureOfShingles(a), seeded.signatureOfShingles(b));
    }
    expect(Math.abs(sum / seeds - 1 / 3)).toBeLessThan(0.02);
  });

  it('gives texts with fewer shingles than bins a full signature', () => {
    for (const text of ['plumber', 'emergency plumber', 'emergency plumber Austin Texas']) {
      const signature = hasher.signature(text);
      // One shingle (the whole text): every bin is a copy of the one filled bin.
      expect(new Set(signature).size).toBe(1);
      expect(signature).not.toContain(0xffff_ffff);
      expect(estimateJaccard(signature, hasher.signature(text.toUpperCase()))).toBe(1);
    }
    expect(estimateJaccard(hasher.signature('emergency plumber'), hasher.signature('emergency roofer'))).toBe(
      0,
    );
    const seven = hasher.signature('one two three four five six seven'); // 3 shingles
    expect(seven).not.toContain(0xffff_ffff);
    expect(new Set(seven).size).toBeLessThanOrEqual(3);
  });

  it('leaves every slot of an empty text empty, so empty texts compare equal', () => {
    const empty = hasher.signature(' —, ');
    expect(Array.from(new Set(empty))).toEqual([0xffff_ffff]);
    expect(estimateJaccard(empty, hasher.signature(''))).toBe(1);
    expect(estimateJaccard(empty, hasher.signature('some words here'))).toBe(0);
  });

  it('supports any number of slots, powers of two or not', () => {
    const text = Array.from({ length: 300 }, (_, i) => `w${(i * 31) % 97}`).join(' ');
    for (const numHashes of [1, 3, 100, 128, 200]) {
      const signature = createMinHasher({ numHashes }).signature(text);
      expect(signature).toHaveLength(numHashes);
      expect(signature).not.toContain(0xffff_ffff);
    }
    expect(() => createMinHasher({ numHashes: 0 })).toThrow(RangeError);
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
