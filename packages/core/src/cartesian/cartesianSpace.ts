import { createSeededPermutation, type SeededPermutation } from '../random/permutation.js';
import { createRoundRobinInterleave } from './interleave.js';

export interface CartesianEntity {
  readonly id: string;
}

export interface CartesianPattern {
  /** Stable id (e.g. the cartesian_patterns row), used in generation keys instead of list order. */
  readonly id: string;
  /** countVariants of the pattern's parsed headline spintax. */
  readonly variantCount: bigint;
}

export interface CartesianSpaceInput<
  L extends CartesianEntity,
  A extends CartesianEntity,
  N extends CartesianEntity,
> {
  readonly campaignId: string;
  readonly patterns: readonly CartesianPattern[];
  /** `undefined` = the dimension is absent (items carry null); `[]` = no targets, so zero items. */
  readonly locations?: readonly L[];
  readonly avatars?: readonly A[];
  readonly niches?: readonly N[];
  /**
   * `shuffled` (default) walks each pattern's variants through a permutation seeded by campaign and
   * pattern, so neighbouring items do not get near-identical headlines; `sequential` uses 0, 1, 2…
   */
  readonly variantOrder?: 'shuffled' | 'sequential';
}

export interface CartesianItem<L, A, N> {
  readonly index: bigint;
  readonly patternIndex: number;
  readonly patternId: string;
  readonly variantIndex: bigint;
  readonly location: L | null;
  readonly avatar: A | null;
  readonly niche: N | null;
  /** Stable across runs for the same inputs; the idempotency key of generated_articles. */
  readonly generationKey: string;
}

export interface CartesianSpace<L, A, N> {
  /** Exact number of items, known before anything is generated. */
  readonly total: bigint;
  itemAt(index: bigint): CartesianItem<L, A, N>;
  items(offset?: bigint, limit?: number): Generator<CartesianItem<L, A, N>>;
}

export function formatGenerationKey(parts: {
  readonly campaignId: string;
  readonly patternId: string;
  readonly locationId: string | null;
  readonly avatarId: string | null;
  readonly nicheId: string | null;
  readonly variantIndex: bigint;
}): string {
  const { campaignId, patternId, locationId, avatarId, nicheId, variantIndex } = parts;
  return `${campaignId}:${patternId}:${locationId ?? '-'}:${avatarId ?? '-'}:${nicheId ?? '-'}:${variantIndex}`;
}

/**
 * The space patterns × variants × locations × avatars × niches, enumerated lazily.
 *
 * Order (a bijection on [0, total)): with C = locations·avatars·niches combinations (location
 * fastest) and H = all headline slots (patterns round-robin, see createRoundRobinInterleave),
 * item i has combination i mod C and headline slot ((i div C) + (i mod C)) mod H. The diagonal
 * shift gives every location a different headline within the first C items, and each combination
 * still meets every headline exactly once.
 */
export function createCartesianSpace<
  L extends CartesianEntity,
  A extends CartesianEntity,
  N extends CartesianEntity,
>(input: CartesianSpaceInput<L, A, N>): CartesianSpace<L, A, N> {
  const locations: readonly (L | null)[] = input.locations ?? [null];
  const avatars: readonly (A | null)[] = input.avatars ?? [null];
  const niches: readonly (N | null)[] = input.niches ?? [null];
  const headlines = createRoundRobinInterleave(input.patterns.map((pattern) => pattern.variantCount));
  const combinations = BigInt(locations.length * avatars.length * niches.length);
  const total = combinations * headlines.total;
  const shuffled = input.variantOrder !== 'sequential';
  const permutations = new Map<number, SeededPermutation>();

  const variantAt = (patternIndex: number, pattern: CartesianPattern, position: bigint): bigint => {
    if (!shuffled) return position;
    let permutation = permutations.get(patternIndex);
    if (permutation === undefined) {
      permutation = createSeededPermutation(pattern.variantCount, `${input.campaignId}:${pattern.id}`);
      permutations.set(patternIndex, permutation);
    }
    return permutation.at(position);
  };

  const itemAt = (index: bigint): CartesianItem<L, A, N> => {
    if (index < 0n || index >= total) throw new RangeError(`Item ${index} is outside [0, ${total})`);
    const combination = index % combinations;
    const slot = (index / combinations + combination) % headlines.total;
    const { listIndex: patternIndex, position } = headlines.slotAt(slot);
    const pattern = input.patterns[patternIndex] as CartesianPattern;
    const variantIndex = variantAt(patternIndex, pattern, position);
    let rest = Number(combination);
    const location = locations[rest % locations.length] ?? null;
    rest = Math.floor(rest / locations.length);
    const avatar = avatars[rest % avatars.length] ?? null;
    const niche = niches[Math.floor(rest / avatars.length)] ?? null;
    const generationKey = formatGenerationKey({
      campaignId: input.campaignId,
      patternId: pattern.id,
      locationId: location?.id ?? null,
      avatarId: avatar?.id ?? null,
      nicheId: niche?.id ?? null,
      variantIndex,
    });
    return {
      index,
      patternIndex,
      patternId: pattern.id,
      variantIndex,
      location,
      avatar,
      niche,
      generationKey,
    };
  };

  function* items(offset = 0n, limit = Number.POSITIVE_INFINITY): Generator<CartesianItem<L, A, N>> {
    if (offset < 0n) throw new RangeError(`Offset must be >= 0, got ${offset}`);
    if (!(limit >= 0)) throw new RangeError(`Limit must be >= 0, got ${limit}`);
    let produced = 0;
    for (let index = offset; index < total && produced < limit; index += 1n, produced += 1) {
      yield itemAt(index);
    }
  }

  return { total, itemAt, items };
}
