import {
  computeBandHashes,
  createMinHasher,
  DEFAULT_BANDING,
  type LshBanding,
  MINHASH_SCHEME_VERSION,
} from '@spark/core';

/**
 * One MinHash configuration for the whole platform: fingerprints written at generation time and the ones
 * a duplicate scan computes must come from the same hasher and banding, or they never match.
 */
const hasher = createMinHasher();
export const BANDING: LshBanding = DEFAULT_BANDING;
/** Stored with every fingerprint row: rows of another scheme are recomputed, never compared. */
export const MINHASH_VERSION = MINHASH_SCHEME_VERSION;

export function signatureOf(text: string): Uint32Array {
  return hasher.signature(text);
}

export function bandHashesOf(signature: Uint32Array): number[] {
  return computeBandHashes(signature, BANDING);
}
