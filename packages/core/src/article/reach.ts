import { countWords, htmlToText } from '../html/text.js';
import type { SpintaxTemplate } from '../spintax/ast.js';
import { countVariants } from '../spintax/count.js';
import { sampleVariants } from '../spintax/sample.js';
import { OFFER_SLOT } from './assembleArticle.js';
import type { ContentFragment, OfferBlock } from './fragments.js';

/** Word counts an article template can reach with a library, over seeded samples of every fragment's spins. */
export interface ReachEstimate {
  /** The shortest article: the shortest spin of the shortest fragment in every slot. */
  readonly min: number;
  /** A typical article: the sum over slots of the median spin length of the slot's fragments. */
  readonly median: number;
  readonly max: number;
  /** Template slots with no fragment (articles of this template fail until they have one). */
  readonly missingTypes: readonly string[];
}

export interface ReachInput {
  readonly slotTypes: readonly string[];
  readonly fragments: readonly Pick<ContentFragment, 'type' | 'body'>[];
  readonly offerBlocks?: readonly Pick<OfferBlock, 'body'>[];
  /** Spins sampled per fragment; more is steadier and slower. */
  readonly samplesPerFragment?: number;
}

const median = (sorted: readonly number[]): number => {
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
};

/** Word counts of seeded spins; a variable counts as one word (most values are one or two). */
function spinLengths(body: SpintaxTemplate, samples: number, seed: string): number[] {
  if (countVariants(body) === 0n) return [0];
  return sampleVariants(body, samples, seed, {}, { onMissingVariable: 'keep' }).map((variant) =>
    countWords(htmlToText(variant.text)),
  );
}

/**
 * How long articles of a template can be with the given library: for each slot, the spin lengths of
 * every fragment of its type pooled (min, median, max), summed over slots. Deterministic (the samples
 * are seeded by fragment), and cheap enough for a preview: samplesPerFragment renders per fragment.
 */
export function estimateReachableWords(input: ReachInput): ReachEstimate {
  const samples = input.samplesPerFragment ?? 24;
  const lengthsByType = new Map<string, number[]>();
  input.fragments.forEach((fragment) => {
    const lengths = spinLengths(fragment.body, samples, `reach:${fragment.body.source}`);
    const pooled = lengthsByType.get(fragment.type);
    if (pooled === undefined) lengthsByType.set(fragment.type, lengths);
    else pooled.push(...lengths);
  });
  if (input.offerBlocks !== undefined && input.offerBlocks.length > 0) {
    lengthsByType.set(
      OFFER_SLOT,
      input.offerBlocks.flatMap((offer) => spinLengths(offer.body, samples, `reach:${offer.body.source}`)),
    );
  }
  let min = 0;
  let typical = 0;
  let max = 0;
  const missingTypes: string[] = [];
  for (const type of input.slotTypes) {
    const lengths = lengthsByType.get(type);
    if (lengths === undefined) {
      // An offer slot without offers is simply left out of the article; any other type fails it.
      if (type !== OFFER_SLOT) missingTypes.push(type);
      continue;
    }
    const sorted = [...lengths].sort((a, b) => a - b);
    min += sorted[0] ?? 0;
    typical += median(sorted);
    max += sorted[sorted.length - 1] ?? 0;
  }
  return { min, median: typical, max, missingTypes: [...new Set(missingTypes)] };
}

/**
 * A warning for an author when typical articles fall short of the target: below
 * target × minWordRatio (the `short` quality flag's threshold) they would be flagged, so the library
 * needs more or longer fragments. null when the library is long enough.
 */
export function describeReachShortfall(
  estimate: ReachEstimate,
  targetWordCount: number,
  minWordRatio = 0.6,
): string | null {
  if (estimate.missingTypes.length > 0) {
    return `The template's ${estimate.missingTypes.map((type) => `"${type}"`).join(', ')} slots have no fragments in the library: articles cannot be generated.`;
  }
  if (estimate.median >= targetWordCount * minWordRatio) return null;
  const percent = targetWordCount > 0 ? Math.round((estimate.median / targetWordCount) * 100) : 0;
  return `The library reaches about ${estimate.median} words per article (${estimate.min}–${estimate.max}), ${percent}% of the ${targetWordCount}-word target: most articles would be flagged short. Add fragments or longer ones.`;
}
