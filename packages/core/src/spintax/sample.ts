import { createSeededPermutation } from '../random/permutation.js';
import { createRng } from '../random/rng.js';
import type { SpintaxTemplate, VariableBindings } from './ast.js';
import { countVariants } from './count.js';
import { type UnrankOptions, unrankVariant } from './unrank.js';

/**
 * k distinct indices from [0, count), chosen by a seeded permutation: never repeats, same seed →
 * same list, no memory proportional to count. Returns min(k, count) indices. `offset` pages
 * through the same permutation, so sample pages never overlap.
 */
export function sampleVariantIndices(count: bigint, k: number, seed: string | number, offset = 0n): bigint[] {
  if (!Number.isInteger(k) || k < 0)
    throw new RangeError(`Sample size must be a non-negative integer, got ${k}`);
  if (offset < 0n) throw new RangeError(`Sample offset must be >= 0, got ${offset}`);
  const permutation = createSeededPermutation(count, seed);
  const indices: bigint[] = [];
  for (let position = offset; position < count && indices.length < k; position += 1n) {
    indices.push(permutation.at(position));
  }
  return indices;
}

export interface SampledVariant {
  readonly index: bigint;
  readonly text: string;
}

/** Seeded sample of k distinct rendered variants (see sampleVariantIndices). */
export function sampleVariants(
  template: SpintaxTemplate,
  k: number,
  seed: string | number,
  bindings: VariableBindings = {},
  options: UnrankOptions = {},
): SampledVariant[] {
  return sampleVariantIndices(countVariants(template), k, seed).map((index) => ({
    index,
    text: unrankVariant(template, index, bindings, options),
  }));
}

/** One seeded variant: the spin of a single piece of text. Throws RangeError for zero variants. */
export function expandSpintax(
  template: SpintaxTemplate,
  seed: string | number,
  bindings: VariableBindings = {},
  options: UnrankOptions = {},
): string {
  const count = countVariants(template);
  if (count === 0n) throw new RangeError('Template has no variants (an empty dictionary?)');
  return unrankVariant(template, createRng(seed).nextBigInt(count), bindings, options);
}
