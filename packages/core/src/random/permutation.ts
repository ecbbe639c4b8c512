import { murmur3Words } from './hash.js';
import { createRng } from './rng.js';

/**
 * A seeded bijection of [0, size) onto itself, computed one index at a time: a balanced Feistel
 * network over the smallest even bit width covering `size`, restricted to the range by cycle
 * walking. Nothing is materialised, so it works for sizes far beyond 2^53, and reading positions
 * 0..k-1 yields k distinct indices — a stable, pageable "random sample without replacement".
 */
export interface SeededPermutation {
  readonly size: bigint;
  /** The index at `position`; positions must lie in [0, size). */
  at(position: bigint): bigint;
}

const ROUNDS = 6;

function bitLength(value: bigint): number {
  return value <= 0n ? 0 : value.toString(2).length;
}

function toWords(value: bigint): number[] {
  const words: number[] = [];
  let rest = value;
  do {
    words.push(Number(rest & 0xffff_ffffn));
    rest >>= 32n;
  } while (rest > 0n);
  return words;
}

export function createSeededPermutation(size: bigint, seed: string | number): SeededPermutation {
  if (size < 0n) throw new RangeError(`Permutation size must be >= 0, got ${size}`);
  const rng = createRng(`permutation:${String(seed)}`);
  const roundKeys = Array.from({ length: ROUNDS }, () => rng.nextUint32());
  const rawBits = Math.max(2, bitLength(size - 1n));
  const halfBits = Math.ceil(rawBits / 2);
  const half = BigInt(halfBits);
  const mask = (1n << half) - 1n;
  const outputWords = Math.ceil(halfBits / 32);

  const roundFunction = (key: number, right: bigint): bigint => {
    const input = toWords(right);
    let out = 0n;
    for (let j = 0; j < outputWords; j += 1) {
      input.push(j);
      out = (out << 32n) | BigInt(murmur3Words(input, key));
      input.pop();
    }
    return out & mask;
  };

  const encrypt = (value: bigint): bigint => {
    let left = value >> half;
    let right = value & mask;
    for (const key of roundKeys) {
      const next = left ^ roundFunction(key, right);
      left = right;
      right = next;
    }
    return (left << half) | right;
  };

  return {
    size,
    at(position: bigint): bigint {
      if (position < 0n || position >= size) {
        throw new RangeError(`Position ${position} is outside [0, ${size})`);
      }
      // Cycle walking: the domain is < 4 * size, so the expected number of steps is < 4.
      let value = encrypt(position);
      while (value >= size) value = encrypt(value);
      return value;
    },
  };
}
