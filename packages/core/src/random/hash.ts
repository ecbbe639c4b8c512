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
  let h = seed | 0;
  for (let i = 0; i < words.length; i += 1) {
    h = mixBlock(h, (words[i] ?? 0) | 0);
  }
  return fmix32(h ^ (words.length * 4));
}

/**
 * Hashes a string by packing two UTF-16 code units per block. Not byte-compatible with the
 * reference murmur3 over UTF-8; it only has to be stable and well distributed within Spark.
 */
export function murmur3String(text: string, seed = 0): number {
  let h = seed | 0;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    h = mixBlock(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
  }
  if (i < length) {
    let k = Math.imul(text.charCodeAt(i), C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ (length * 2));
}
