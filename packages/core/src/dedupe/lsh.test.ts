import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNearDuplicates } from './findNearDuplicates.js';
import { candidateProbability, computeBandHashes, createLshIndex, findCandidates } from './lsh.js';
import { createMinHasher } from './minhash.js';

const hasher = createMinHasher();
const fingerprint = (id: string, text: string) => {
  const signature = hasher.signature(text);
  return { id, signature, bandHashes: computeBandHashes(signature) };
};

function article(topic: string, words = 300): string {
  return Array.from({ length: words }, (_, i) => `${topic}${(i * 7919) % 997}`).join(' ');
}

describe('computeBandHashes', () => {
  it('returns one non-negative safe integer per band', () => {
    fc.assert(
      fc.property(fc.uint32Array({ minLength: 128, maxLength: 128 }), (values) => {
        const hashes = computeBandHashes(values);
        expect(hashes).toHaveLength(32);
        for (const hash of hashes) expect(Number.isSafeInteger(hash) && hash >= 0).toBe(true);
      }),
    );
  });

  it('gives equal rows in different bands different hashes', () => {
    const hashes = computeBandHashes(new Uint32Array(128));
    expect(new Set(hashes).size).toBe(32);
  });

  it('supports other bandings and rejects ones that do not fit', () => {
    expect(computeBandHashes(new Uint32Array(128), { bands: 16, rows: 8 })).toHaveLength(16);
    expect(() => computeBandHashes(new Uint32Array(100), { bands: 32, rows: 4 })).toThrow(RangeError);
  });
});

describe('candidateProbability', () => {
  it('is high above the threshold and low far below it', () => {
    expect(candidateProbability(0.8)).toBeGreaterThan(0.999);
    expect(candidateProbability(0.2)).toBeLessThan(0.06);
  });
});

describe('findNearDuplicates', () => {
  const base = article('plumb');
  const lightlyEdited = base.replace('plumb0 ', 'changed ').replace('plumb7 ', 'edited ');
  const existing = createLshIndex([fingerprint('old-1', base), fingerprint('old-2', article('roof'))]);

  it('finds a lightly edited copy of an existing article by band lookup', () => {
    const [match, ...rest] = findNearDuplicates([fingerprint('new-1', lightlyEdited)], existing, 0.8);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ id: 'new-1', duplicateOf: 'old-1' });
    expect(match?.similarity).toBeGreaterThan(0.8);
  });

  it('does not report unrelated articles', () => {
    expect(findNearDuplicates([fingerprint('new-2', article('hvac'))], existing)).toEqual([]);
  });

  it('finds duplicates inside the new batch itself', () => {
    const batch = [fingerprint('b1', article('solar')), fingerprint('b2', article('solar'))];
    expect(findNearDuplicates(batch, createLshIndex())).toEqual([
      { id: 'b2', duplicateOf: 'b1', similarity: 1 },
    ]);
  });

  it('honours a configurable threshold', () => {
    // Shares 250 of 300 words with old-1: Jaccard of the shingle sets is about 0.7.
    const mostly = `${article('plumb', 250)} ${article('other', 50)}`;
    const docs = [fingerprint('n', mostly)];
    expect(findNearDuplicates(docs, existing, 0.95)).toEqual([]);
    expect(findNearDuplicates(docs, existing, 0.5)).toMatchObject([{ id: 'n', duplicateOf: 'old-1' }]);
    expect(() => findNearDuplicates(docs, existing, 1.5)).toThrow(RangeError);
  });

  it('does not modify the existing index', () => {
    const index = createLshIndex([fingerprint('old', base)]);
    const before = index.buckets.size;
    findNearDuplicates([fingerprint('new', article('x'))], index);
    expect(index.buckets.size).toBe(before);
    expect(findCandidates(index, fingerprint('probe', base))).toEqual(new Set(['old']));
  });
});
