/**
 * 32-bit non-cryptographic hashing (MurmurHash3 x86_32 structure).
 *
 * Values produced here end up in the database (LSH band hashes) and in generation keys, so the
 * algorithms must never change silently: bump HASH_ALGORITHM_VERSION and re-fingerprint if they do.
 */
export const HASH_ALGORITHM_VERSION = 1;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** MurmurHash3 finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixBlock(h: number, block: number): number {
  let k = Math.imul(block, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  let next = h ^ k;
  next = (next << 13) | (next >>> 19);
  return (Math.imul(next, 5) + 0xe6546b64) | 0;
}

/** Hashes a sequence of uint32 words (each word is one block). */
export function murmur3Words(words: ArrayLike<number>, seed = 0): number {
  return murmur3WordRange(words, 0, words.length, seed);
}

/** murmur3Words of words[start, end) without copying the range (e.g. a window of word hashes). */
export function murmur3WordRange(words: ArrayLike<number>, start: number, end: number, seed = 0): number {
  let h = seed | 0;
  for (let i = start; i < end; i += 1) {
    h = mixBlock(h, (words[i] ?? 0) | 0);
  }
  return fmix32(h ^ ((end - start) * 4));
}

/**
 * Hashes a string by packing two UTF-16 code units per block. Not byte-compatible with the
 * reference murmur3 over UTF-8; it only has to be stable and well distributed within Spark.
 */
export function murmur3String(text: string, seed = 0): number {
  return murmur3StringRange(text, 0, text.length, seed);
}

/** murmur3String of text.slice(start, end) without building the slice (e.g. one word of a text). */
export function murmur3StringRange(text: string, start: number, end: number, seed = 0): number {
  let h = seed | 0;
  let i = start;
  for (; i + 1 < end; i += 2) {
    h = mixBlock(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
  }
  if (i < end) {
    let k = Math.imul(text.charCodeAt(i), C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ ((end - start) * 2));
}
