import { computeBandHashes, createMinHasher, DEFAULT_BANDING, type LshBanding } from '@spark/core';

/**
 * One MinHash configuration for the whole platform: fingerprints written at generation time and the ones
 * a duplicate scan computes must come from the same hasher and banding, or they never match.
 */
const hasher = createMinHasher();
export const BANDING: LshBanding = DEFAULT_BANDING;

export function signatureOf(text: string): Uint32Array {
  return hasher.signature(text);
}

export function bandHashesOf(signature: Uint32Array): number[] {
  return computeBandHashes(signature, BANDING);
}
