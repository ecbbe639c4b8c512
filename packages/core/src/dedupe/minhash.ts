import { createRng } from '../random/rng.js';
import { DEFAULT_SHINGLE_SIZE, shingleHashList } from './shingles.js';

export const DEFAULT_NUM_HASHES = 128;
const EMPTY_SLOT = 0xffff_ffff;
/** XOR with this maps uint32 order onto int32 order (and back), so the hot loop compares int32s. */
const SIGN_BIT = 0x8000_0000 | 0;
const EMPTY_ORDERED = EMPTY_SLOT ^ SIGN_BIT;

/**
 * Slot hash fmix32(a·x + b mod 2^32), returned with the sign bit flipped (see SIGN_BIT). fmix32 is
 * written out in int32 arithmetic: the values equal random/hash.ts fmix32, which MinHash values
 * stored as fingerprints were computed with.
 */
function slotHash(shingle: number, multiplier: number, offset: number): number {
  let h = (Math.imul(shingle, multiplier) + offset) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h ^ SIGN_BIT;
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
 * MinHash over word shingles. Hash i is x ↦ fmix32(a_i·x + b_i mod 2^32) with a_i odd, a
 * permutation of the 32-bit space drawn from a seeded RNG. The fraction of equal slots in two
 * signatures estimates the Jaccard similarity of their shingle sets. An empty text has every slot
 * at 0xffffffff, so two empty texts compare as identical.
 */
export function createMinHasher(options: MinHashOptions = {}): MinHasher {
  const numHashes = options.numHashes ?? DEFAULT_NUM_HASHES;
  const shingleSize = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  if (!Number.isInteger(numHashes) || numHashes < 1) {
    throw new RangeError(`numHashes must be a positive integer, got ${numHashes}`);
  }
  const rng = createRng(`minhash:${String(options.seed ?? 'spark')}`);
  const multipliers = Uint32Array.from({ length: numHashes }, () => rng.nextUint32() | 1);
  const offsets = Uint32Array.from({ length: numHashes }, () => rng.nextUint32());

  // As int32 for the hot loop (Math.imul and `+ … | 0` only see the low 32 bits anyway).
  const slotMultipliers = Int32Array.from(multipliers);
  const slotOffsets = Int32Array.from(offsets);

  /**
   * For every slot, the least slotHash over the shingles. Four slots share each pass over the
   * shingles (about a third faster than one); leftover slots go one at a time.
   */
  const signatureOfList = (shingles: Int32Array): Uint32Array => {
    const signature = new Uint32Array(numHashes);
    const count = shingles.length;
    let slot = 0;
    for (; slot + 4 <= numHashes; slot += 4) {
      const a0 = slotMultipliers[slot] as number;
      const a1 = slotMultipliers[slot + 1] as number;
      const a2 = slotMultipliers[slot + 2] as number;
      const a3 = slotMultipliers[slot + 3] as number;
      const b0 = slotOffsets[slot] as number;
      const b1 = slotOffsets[slot + 1] as number;
      const b2 = slotOffsets[slot + 2] as number;
      const b3 = slotOffsets[slot + 3] as number;
      let least0 = EMPTY_ORDERED;
      let least1 = EMPTY_ORDERED;
      let least2 = EMPTY_ORDERED;
      let least3 = EMPTY_ORDERED;
      for (let s = 0; s < count; s += 1) {
        const shingle = shingles[s] as number;
        const h0 = slotHash(shingle, a0, b0);
        if (h0 < least0) least0 = h0;
        const h1 = slotHash(shingle, a1, b1);
        if (h1 < least1) least1 = h1;
        const h2 = slotHash(shingle, a2, b2);
        if (h2 < least2) least2 = h2;
        const h3 = slotHash(shingle, a3, b3);
        if (h3 < least3) least3 = h3;
      }
      signature[slot] = (least0 ^ SIGN_BIT) >>> 0;
      signature[slot + 1] = (least1 ^ SIGN_BIT) >>> 0;
      signature[slot + 2] = (least2 ^ SIGN_BIT) >>> 0;
      signature[slot + 3] = (least3 ^ SIGN_BIT) >>> 0;
    }
    for (; slot < numHashes; slot += 1) {
      const a = slotMultipliers[slot] as number;
      const b = slotOffsets[slot] as number;
      let least = EMPTY_ORDERED;
      for (let s = 0; s < count; s += 1) {
        const h = slotHash(shingles[s] as number, a, b);
        if (h < least) least = h;
      }
      signature[slot] = (least ^ SIGN_BIT) >>> 0;
    }
    return signature;
  };

  return {
    numHashes,
    shingleSize,
    signatureOfShingles: (shingles) => signatureOfList(Int32Array.from(shingles)),
    signature: (text) => signatureOfList(shingleHashList(text, shingleSize)),
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
