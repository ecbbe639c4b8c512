import type { Sequence, SpintaxNode, SpintaxTemplate } from './ast.js';

// Trees are immutable, so a count computed once stays valid; unranking reuses these on every call.
const sequenceCounts = new WeakMap<Sequence, bigint>();

export function countNodeVariants(node: SpintaxNode): bigint {
  switch (node.kind) {
    case 'text':
    case 'variable':
      return 1n;
    case 'dictionary':
      return BigInt(node.terms.length);
    case 'choice': {
      let total = 0n;
      for (const option of node.options) total += countSequenceVariants(option);
      return total;
    }
  }
}

/** Product over parts; an empty sequence has exactly one (empty) variant. */
export function countSequenceVariants(sequence: Sequence): bigint {
  const cached = sequenceCounts.get(sequence);
  if (cached !== undefined) return cached;
  let product = 1n;
  for (const node of sequence) product *= countNodeVariants(node);
  sequenceCounts.set(sequence, product);
  return product;
}

/**
 * Exact number of variants: sum over a choice's options, product over a sequence's parts.
 * Variables count 1, dictionary references count their terms. Identical strings produced by
 * different paths (`{a|a}`) count separately: the count is of paths, which is what unranking indexes.
 */
export function countVariants(template: SpintaxTemplate): bigint {
  return countSequenceVariants(template.root);
}
