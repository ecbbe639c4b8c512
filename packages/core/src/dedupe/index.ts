export { DEFAULT_DUPLICATE_THRESHOLD, findNearDuplicates, type NearDuplicate } from './findNearDuplicates.js';
export {
  addToLshIndex,
  candidateProbability,
  computeBandHashes,
  createLshIndex,
  DEFAULT_BANDING,
  type FingerprintedDocument,
  findCandidates,
  type LshBanding,
  type LshIndex,
} from './lsh.js';
export {
  createMinHasher,
  DEFAULT_NUM_HASHES,
  estimateJaccard,
  MINHASH_SCHEME_VERSION,
  type MinHasher,
  type MinHashOptions,
  signatureFromSignedInts,
  signatureToSignedInts,
} from './minhash.js';
export {
  locateSharedPassage,
  longestSharedRun,
  type PassageInText,
  type SharedExcerpt,
} from './sharedExcerpt.js';
export { DEFAULT_SHINGLE_SIZE, exactJaccard, normaliseWords, shingleHashes } from './shingles.js';
