import {
  addToLshIndex,
  createLshIndex,
  type FingerprintedDocument,
  findCandidates,
  type LshIndex,
} from './lsh.js';
import { estimateJaccard } from './minhash.js';

export interface NearDuplicate {
  /** The new document. */
  readonly id: string;
  /** The existing (or earlier in-batch) document it resembles. */
  readonly duplicateOf: string;
  readonly similarity: number;
}

export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;

/**
 * Checks a batch against an existing corpus and against itself (each new document is compared
 * with the corpus and with earlier documents of the batch). LSH buckets only propose candidates;
 * a pair is reported when its estimated Jaccard similarity is >= threshold. `existing` is not
 * modified. Results follow batch order, most similar first, then by id.
 */
export function findNearDuplicates(
  newDocuments: readonly FingerprintedDocument[],
  existing: LshIndex,
  threshold = DEFAULT_DUPLICATE_THRESHOLD,
): NearDuplicate[] {
  if (!(threshold >= 0 && threshold <= 1))
    throw new RangeError(`Threshold must be in [0, 1], got ${threshold}`);
  const batch = createLshIndex();
  const results: NearDuplicate[] = [];
  for (const document of newDocuments) {
    const matches: NearDuplicate[] = [];
    const candidates = new Set([...findCandidates(existing, document), ...findCandidates(batch, document)]);
    for (const candidate of candidates) {
      const signature = batch.signatures.get(candidate) ?? existing.signatures.get(candidate);
      if (signature === undefined) continue;
      const similarity = estimateJaccard(document.signature, signature);
      if (similarity >= threshold) matches.push({ id: document.id, duplicateOf: candidate, similarity });
    }
    matches.sort((a, b) => b.similarity - a.similarity || (a.duplicateOf < b.duplicateOf ? -1 : 1));
    results.push(...matches);
    addToLshIndex(batch, document);
  }
  return results;
}
