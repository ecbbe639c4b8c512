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

/** A signature as stored in article_fingerprints.signature: its values as unsigned 32-bit little-endian. */
export function encodeSignature(signature: Uint32Array): Buffer {
  const bytes = Buffer.alloc(signature.length * 4);
  for (let i = 0; i < signature.length; i += 1) bytes.writeUInt32LE(signature[i] as number, i * 4);
  return bytes;
}

export function decodeSignature(bytes: Buffer): Uint32Array {
  const signature = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < signature.length; i += 1) signature[i] = bytes.readUInt32LE(i * 4);
  return signature;
}
