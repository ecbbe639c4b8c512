import { createRng } from '../random/rng.js';
import { DEFAULT_SHINGLE_SIZE, shingleHashesInScratch } from './shingles.js';

export const DEFAULT_NUM_HASHES = 128;

/**
 * Version of the signature values (and so of the LSH band hashes stored in article_fingerprints).
 * Any change to the values a hasher produces — scheme, hash mix, seeding, bin layout, densification
 * — must bump it, so rows fingerprinted under another version are recomputed rather than compared.
 * 1: 128 independent hashes per shingle. 2: one-permutation hashing with optimal densification.
 */
export const MINHASH_SCHEME_VERSION = 2;

/** An empty bin, and every slot of the signature of a text without words. */
const EMPTY_SLOT = 0xffff_ffff;
/** XOR with this maps uint32 order onto int32 order (and back), so the hot loop compares int32s. */
const SIGN_BIT = 0x8000_0000 | 0;
const EMPTY_ORDERED = EMPTY_SLOT ^ SIGN_BIT;
const TWO_POW_32 = 0x1_0000_0000;
const GOLDEN = 0x9e37_79b9 | 0;
/**
 * Random probes per empty bin before densification falls back to scanning the following bins (so it
 * always ends). With at least one filled bin out of k, reaching the fallback has probability below
 * (1 − 1/k)^(64k) < e^−64: in practice the probe sequence is uniformly random.
 */
const RANDOM_PROBES_PER_BIN = 64;

/** MurmurHash3 fmix32 in int32 arithmetic (a bijection with full avalanche); same bits as random/hash.ts fmix32. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h;
}

export interface MinHashOptions {
  readonly numHashes?: number;
  readonly shingleSize?: number;
  /** Signatures are only comparable when made with the same seed, size and shingle size. */
  readonly seed?: string | number;
}

export interface MinHasher {
  readonly numHashes: number;
  readonly shingleSize: number;
  signature(text: string): Uint32Array;
  signatureOfShingles(shingles: Iterable<number>): Uint32Array;
}

/**
 * MinHash over word shingles by one-permutation hashing (OPH; Li, Owen & Zhang, "One Permutation
 * Hashing", NIPS 2012) with optimal densification (Shrivastava, "Optimal Densification for Fast and
 * Accurate Minwise Hashing", ICML 2017).
 *
 * Each shingle is hashed once, h = fmix32(a·x + b) with a (odd) and b drawn from the seed. The
 * 32-bit range is cut into numHashes equal bins, bin = ⌊h·k / 2^32⌋ (the high bits of h when k is a
 * power of two), and slot i keeps the least h that fell into bin i. Two documents' slot i are equal
 * exactly when the least element of the union in that bin is in both, so — over the bins that are
 * not empty in both — equal slots estimate the Jaccard similarity of the shingle sets, at the cost of
 * one hash per shingle instead of k.
 *
 * Densification: a document with few shingles (a 1,200-word article has about 1,200, and a short one
 * may have fewer than k) leaves bins empty, and empty slots carry no information: two empty slots
 * must not count as a match, nor make the fraction of equal slots biased. So each empty bin i copies
 * the value of the first bin that is filled in this document along a probe sequence j₁, j₂, … that
 * depends only on i and the seed (pseudo-random bins, independent per i). Two documents follow the
 * same sequence; the first bin that is filled in either of them is a uniformly random bin among the
 * bins filled in the union, and both copy from it (the slot then matches with the same probability
 * as a filled bin) unless it is filled in one document only (and the values differ, as a value is
 * the hash of an element and carries its source bin). So the fraction of equal slots stays an
 * unbiased estimator of Jaccard similarity, and independent sequences per bin keep its variance
 * close to that of k independent hashes. Copies come from the bins filled by shingles only, never
 * from bins filled by densification.
 *
 * An empty text has every slot at 0xffffffff, so two empty texts compare as identical. (A shingle
 * hashing to 0xffffffff, alone in the last bin, leaves it looking empty; it is then densified in
 * every document alike, so signatures stay comparable.)
 */
export function createMinHasher(options: MinHashOptions = {}): MinHasher {
  const numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
  const shingleSize = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  // Up to 2^21 bins, h·k < 2^53: the bin product below is an exact integer in a double.
  if (!Number.isInteger(numHashes) || numHashes < 1 || numHashes > 0x20_0000) {
    throw new RangeError(`numHashes must be an integer in [1, 2^21], got ${numHashes}`);
  }
  const rng = createRng(`minhash-oph:${String(options.seed ?? 'spark')}`);
  // As int32 for the hot loop (Math.imul and `+ … | 0` only see the low 32 bits anyway).
  const multiplier = rng.nextUint32() | 1;
  const offset = rng.nextUint32() | 0;
  /** Start of each bin's probe sequence for densification. */
  const probeSeeds = Int32Array.from({ length: numHashes }, () => rng.nextUint32());
  /** k / 2^32 (exact: a power-of-two division), so ⌊h · binScale⌋ = ⌊h·k / 2^32⌋. */
  const binScale = numHashes / TWO_POW_32;
  const randomProbes = RANDOM_PROBES_PER_BIN * numHashes;

  /** The filled bin whose value empty bin `bin` copies (see createMinHasher); `least` has one filled bin at least. */
  const densifySource = (least: Int32Array, bin: number): number => {
    const seed = probeSeeds[bin] as number;
    for (let attempt = 1; attempt <= randomProbes; attempt += 1) {
      const source = ((mix32(seed + Math.imul(attempt, GOLDEN)) >>> 0) * binScale) | 0;
      if (least[source] !== EMPTY_ORDERED) return source;
    }
    let source = bin;
    do source = source + 1 === numHashes ? 0 : source + 1;
    while (least[source] === EMPTY_ORDERED);
    return source;
  };

  /** Working array of signatureOfList, reused from one call to the next. */
  const leastScratch = new Int32Array(numHashes);

  const signatureOfList = (shingles: Int32Array): Uint32Array => {
    // Least hash per bin, sign bit flipped (see SIGN_BIT) so that int32 comparison is uint32 order.
    const least = leastScratch.fill(EMPTY_ORDERED);
    // (Literals, not the module constants: a bundler makes those `var`s, read at every use.)
    for (let s = 0; s < shingles.length; s += 1) {
      const h = mix32(Math.imul(shingles[s] as number, multiplier) + offset);
      const bin = ((h >>> 0) * binScale) | 0;
      const ordered = h ^ (0x8000_0000 | 0); // SIGN_BIT
      if (ordered < (least[bin] as number)) least[bin] = ordered;
    }
    const signature = new Uint32Array(numHashes);
    let empty = 0;
    for (let bin = 0; bin < numHashes; bin += 1) {
      const value = least[bin] as number;
      signature[bin] = value ^ SIGN_BIT;
      if (value === EMPTY_ORDERED) empty += 1;
    }
    if (empty === 0 || empty === numHashes) return signature;
    for (let bin = 0; bin < numHashes; bin += 1) {
      if (least[bin] === EMPTY_ORDERED)
        signature[bin] = (least[densifySource(least, bin)] as number) ^ SIGN_BIT;
    }
    return signature;
  };

  return {
    numHashes,
    shingleSize,
    signatureOfShingles: (shingles) => signatureOfList(Int32Array.from(shingles)),
    signature: (text) => signatureOfList(shingleHashesInScratch(text, shingleSize)),
  };
}

/** Fraction of equal slots: an unbiased estimate of Jaccard similarity. Symmetric by construction. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) {
    throw new RangeError(`Signatures must have the same non-zero length (${a.length} vs ${b.length})`);
  }
  let equal = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) equal += 1;
  return equal / a.length;
}

/** For an int4[] column: uint32 slots reinterpreted as signed 32-bit integers. */
export function signatureToSignedInts(signature: Uint32Array): number[] {
  return Array.from(new Int32Array(signature.buffer, signature.byteOffset, signature.length));
}

export function signatureFromSignedInts(values: readonly number[]): Uint32Array {
  return new Uint32Array(Int32Array.from(values).buffer);
}
