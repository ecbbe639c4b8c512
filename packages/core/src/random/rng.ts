/**
 * Seeded pseudo-random generator: cyrb128 string hash → sfc32 (Small Fast Counter, 128-bit state).
 * Not cryptographic. Every "random" choice in the content engine flows through one of these so the
 * same seed always reproduces the same output.
 */
export interface Rng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  nextFloat(): number;
  /** Uniform integer in [0, maxExclusive); maxExclusive must be an integer in [1, 2^32]. */
  nextInt(maxExclusive: number): number;
  /** Uniform bigint in [0, maxExclusive) for any positive maxExclusive. */
  nextBigInt(maxExclusive: bigint): bigint;
}

const TWO_POW_32 = 0x1_0000_0000;

/** cyrb128: spreads a string of any length over four 32-bit words (never all zero). */
export function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i += 1) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Creates an independent generator; numbers are seeded through their decimal string form. */
export function createRng(seed: string | number): Rng {
  let [a, b, c, d] = hashSeed(String(seed));

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };

  // Discard the first outputs: sfc32's state needs a few rounds to decorrelate from the seed.
  for (let i = 0; i < 12; i += 1) nextUint32();

  const nextInt = (maxExclusive: number): number => {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
      throw new RangeError(`nextInt needs an integer bound in [1, 2^32], got ${maxExclusive}`);
    }
    // Rejection sampling removes the modulo bias.
    const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
    for (;;) {
      const value = nextUint32();
      if (value < limit) return value % maxExclusive;
    }
  };

  const nextBigInt = (maxExclusive: bigint): bigint => {
    if (maxExclusive < 1n) {
      throw new RangeError(`nextBigInt needs a positive bound, got ${maxExclusive}`);
    }
    if (maxExclusive <= BigInt(TWO_POW_32)) return BigInt(nextInt(Number(maxExclusive)));
    const bits = (maxExclusive - 1n).toString(2).length;
    const words = Math.ceil(bits / 32);
    const mask = (1n << BigInt(bits)) - 1n;
    // Masking to the bit length of the bound makes each attempt succeed with probability > 1/2.
    for (;;) {
      let value = 0n;
      for (let i = 0; i < words; i += 1) value = (value << 32n) | BigInt(nextUint32());
      value &= mask;
      if (value < maxExclusive) return value;
    }
  };

  return {
    nextUint32,
    nextFloat: () => nextUint32() / TWO_POW_32,
    nextInt,
    nextBigInt,
  };
}
