import { fmix32 } from '../random/hash.js';
import { createRng } from '../random/rng.js';
import { DEFAULT_SHINGLE_SIZE, shingleHashes } from './shingles.js';

export const DEFAULT_NUM_HASHES = 128;
const EMPTY_SLOT = 0xffff_ffff;

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

  const signatureOfShingles = (shingles: Iterable<number>): Uint32Array => {
    const signature = new Uint32Array(numHashes).fill(EMPTY_SLOT);
    for (const shingle of shingles) {
      for (let i = 0; i < numHashes; i += 1) {
        const value = fmix32((Math.imul(shingle, multipliers[i] ?? 1) + (offsets[i] ?? 0)) | 0);
        if (value < (signature[i] ?? EMPTY_SLOT)) signature[i] = value;
      }
    }
    return signature;
  };

  return {
    numHashes,
    shingleSize,
    signatureOfShingles,
    signature: (text) => signatureOfShingles(shingleHashes(text, shingleSize)),
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
