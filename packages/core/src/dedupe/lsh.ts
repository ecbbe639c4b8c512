import { murmur3Words } from '../random/hash.js';

export interface LshBanding {
  readonly bands: number;
  readonly rows: number;
}

/** 32 bands × 4 rows over 128 hashes: pairs at Jaccard 0.8 collide in some band with p ≈ 0.99996. */
export const DEFAULT_BANDING: LshBanding = { bands: 32, rows: 4 };

const LOW_SEED = 0x9747_b28c;
const HIGH_SEED = 0x5bd1_e995;
const TWO_POW_32 = 0x1_0000_0000;

/**
 * One hash per band, each a non-negative integer below 2^53 — exact as a JS number and as a
 * Postgres bigint. The band index is hashed in, so equal rows in different bands never collide
 * and a single (site_id, band_hash) index serves the lookup.
 */
export function computeBandHashes(signature: Uint32Array, banding: LshBanding = DEFAULT_BANDING): number[] {
  const { bands, rows } = banding;
  if (
    !Number.isInteger(bands) ||
    !Number.isInteger(rows) ||
    bands < 1 ||
    rows < 1 ||
    bands * rows > signature.length
  ) {
    throw new RangeError(`Banding ${bands}×${rows} does not fit a signature of ${signature.length} hashes`);
  }
  const hashes: number[] = [];
  const words = new Uint32Array(rows + 1);
  for (let band = 0; band < bands; band += 1) {
    words[0] = band;
    words.set(signature.subarray(band * rows, (band + 1) * rows), 1);
    const high = murmur3Words(words, HIGH_SEED) & 0x1f_ffff;
    hashes.push(high * TWO_POW_32 + murmur3Words(words, LOW_SEED));
  }
  return hashes;
}

/** Probability that a pair with Jaccard `similarity` shares at least one band (becomes a candidate). */
export function candidateProbability(similarity: number, banding: LshBanding = DEFAULT_BANDING): number {
  return 1 - (1 - similarity ** banding.rows) ** banding.bands;
}

export interface FingerprintedDocument {
  readonly id: string;
  readonly signature: Uint32Array;
  readonly bandHashes: readonly number[];
}

/** In-memory mirror of article_fingerprints rows: band hash → document ids, plus signatures. */
export interface LshIndex {
  readonly buckets: Map<number, string[]>;
  readonly signatures: Map<string, Uint32Array>;
}

export function createLshIndex(documents: Iterable<FingerprintedDocument> = []): LshIndex {
  const index: LshIndex = { buckets: new Map(), signatures: new Map() };
  for (const document of documents) addToLshIndex(index, document);
  return index;
}

export function addToLshIndex(index: LshIndex, document: FingerprintedDocument): void {
  index.signatures.set(document.id, document.signature);
  for (const hash of new Set(document.bandHashes)) {
    const bucket = index.buckets.get(hash);
    if (bucket === undefined) index.buckets.set(hash, [document.id]);
    else if (!bucket.includes(document.id)) bucket.push(document.id);
  }
}

/** Ids sharing at least one band hash with the document (never the document itself). */
export function findCandidates(index: LshIndex, document: FingerprintedDocument): Set<string> {
  const candidates = new Set<string>();
  for (const hash of document.bandHashes) {
    for (const id of index.buckets.get(hash) ?? []) if (id !== document.id) candidates.add(id);
  }
  return candidates;
}
