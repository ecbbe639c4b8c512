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

  const nextInt = (maxExclusive: number): number => uniformInt(nextUint32, maxExclusive);
  const nextBigInt = (maxExclusive: bigint): bigint => uniformBigInt(nextUint32, maxExclusive);

  return {
    nextUint32,
    nextFloat: () => nextUint32() / TWO_POW_32,
    nextInt,
    nextBigInt,
  };
}

/** A uniform integer in [0, maxExclusive) from 32-bit draws; rejection sampling removes the modulo bias. */
function uniformInt(next: () => number, maxExclusive: number): number {
  if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
    throw new RangeError(`nextInt needs an integer bound in [1, 2^32], got ${maxExclusive}`);
  }
  const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
  for (;;) {
    const value = next();
    if (value < limit) return value % maxExclusive;
  }
}

/** A uniform BigInt in [0, maxExclusive) from 32-bit draws. */
function uniformBigInt(next: () => number, maxExclusive: bigint): bigint {
  if (maxExclusive < 1n) {
    throw new RangeError(`nextBigInt needs a positive bound, got ${maxExclusive}`);
  }
  if (maxExclusive <= BigInt(TWO_POW_32)) return BigInt(uniformInt(next, Number(maxExclusive)));
  const bits = (maxExclusive - 1n).toString(2).length;
  const words = Math.ceil(bits / 32);
  const mask = (1n << BigInt(bits)) - 1n;
  // Masking to the bit length of the bound makes each attempt succeed with probability > 1/2.
  for (;;) {
    let value = 0n;
    for (let i = 0; i < words; i += 1) value = (value << 32n) | BigInt(next());
    value &= mask;
    if (value < maxExclusive) return value;
  }
}

// One draw from a fresh generator — createRng(seed).nextInt(n) or .nextBigInt(n) — is what the
// article assembler needs per slot; these give the same numbers without building the generator's
// closures. The state lives in a scratch array (the functions do not nest or yield).
const scratch = new Int32Array(4);

/** Seeds `scratch` as createRng(seed) does, including the discarded first outputs. */
function seedScratch(seed: string): void {
  const [a, b, c, d] = hashSeed(seed);
  scratch[0] = a;
  scratch[1] = b;
  scratch[2] = c;
  scratch[3] = d;
  for (let i = 0; i < 12; i += 1) nextScratch();
}

/** createRng's nextUint32 on `scratch`. */
function nextScratch(): number {
  const state = scratch;
  const a = state[0] as number;
  const b = state[1] as number;
  const c = state[2] as number;
  const d = state[3] as number;
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}

/** createRng(seed).nextInt(maxExclusive), the generator's first draw. */
export function seededInt(seed: string, maxExclusive: number): number {
  seedScratch(seed);
  return uniformInt(nextScratch, maxExclusive);
}

/** createRng(seed).nextBigInt(maxExclusive), the generator's first draw. */
export function seededBigInt(seed: string, maxExclusive: bigint): bigint {
  seedScratch(seed);
  return uniformBigInt(nextScratch, maxExclusive);
}

/**
 * A bound above 2^32 for seededBigIntWords, prepared once: what nextBigInt derives from it on
 * every call (and a BigInt per word drawn is what makes it slow).
 */
export interface WordBound {
  /** 32-bit words drawn per attempt: those of the bit length of maxExclusive - 1. */
  readonly words: number;
  /** Mask of the first (most significant) word: the value is masked to that bit length. */
  readonly topMask: number;
  /** maxExclusive in `words` words, most significant first; null when it does not fit (every value is below it). */
  readonly limit: Uint32Array | null;
}

export function prepareWordBound(maxExclusive: bigint): WordBound {
  if (maxExclusive <= BigInt(TWO_POW_32)) {
    throw new RangeError(`prepareWordBound needs a bound above 2^32, got ${maxExclusive}`);
  }
  const bits = (maxExclusive - 1n).toString(2).length;
  const words = Math.ceil(bits / 32);
  const topBits = bits - 32 * (words - 1);
  let limit: Uint32Array | null = null;
  if (maxExclusive < 1n << BigInt(32 * words)) {
    limit = new Uint32Array(words);
    let rest = maxExclusive;
    for (let i = words - 1; i >= 0; i -= 1) {
      limit[i] = Number(rest & 0xffff_ffffn);
      rest >>= 32n;
    }
  }
  return { words, topMask: topBits === 32 ? 0xffff_ffff : 2 ** topBits - 1, limit };
}

/**
 * createRng(seed).nextBigInt(maxExclusive) for the maxExclusive (above 2^32) that `bound` was
 * prepared from, as bound.words 32-bit words in `out`, most significant first: the same draws,
 * mask and rejection, in numbers.
 */
export function seededBigIntWords(seed: string, bound: WordBound, out: Uint32Array): void {
  const { words, topMask, limit } = bound;
  seedScratch(seed);
  for (;;) {
    for (let i = 0; i < words; i += 1) out[i] = nextScratch();
    out[0] = (out[0] as number) & topMask;
    if (limit === null) return;
    for (let i = 0; i < words; i += 1) {
      const word = out[i] as number;
      const limitWord = limit[i] as number;
      if (word < limitWord) return;
      if (word > limitWord) break;
    }
    // Equal to maxExclusive or above it: drawn again, as nextBigInt does.
  }
}
