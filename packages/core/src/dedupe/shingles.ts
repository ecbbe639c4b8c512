import { murmur3String, murmur3Words } from '../random/hash.js';

export const DEFAULT_SHINGLE_SIZE = 5;
const WORD_SEED = 0x2f1b_3c4d;
const SHINGLE_SEED = 0x51ed_270b;

/** Lower-cased words (letters/digits, inner apostrophes kept); punctuation and markup-free text assumed. */
export function normaliseWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Distinct 32-bit hashes of the k-word shingles of `text`. Each word is hashed once and a shingle
 * hashes the window of word hashes, so no shingle strings are built. A text shorter than k words
 * (but not empty) yields one shingle of all its words.
 */
export function shingleHashes(text: string, shingleSize = DEFAULT_SHINGLE_SIZE): Set<number> {
  if (!Number.isInteger(shingleSize) || shingleSize < 1) {
    throw new RangeError(`Shingle size must be a positive integer, got ${shingleSize}`);
  }
  const wordHashes = Uint32Array.from(normaliseWords(text), (word) => murmur3String(word, WORD_SEED));
  const hashes = new Set<number>();
  if (wordHashes.length === 0) return hashes;
  const width = Math.min(shingleSize, wordHashes.length);
  for (let i = 0; i + width <= wordHashes.length; i += 1) {
    hashes.add(murmur3Words(wordHashes.subarray(i, i + width), SHINGLE_SEED));
  }
  return hashes;
}

/** Exact Jaccard similarity of two sets; two empty sets are identical (1). */
export function exactJaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / (a.size + b.size - shared);
}
