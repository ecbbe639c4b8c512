import { murmur3StringRange, murmur3WordRange } from '../random/hash.js';

export const DEFAULT_SHINGLE_SIZE = 5;
const WORD_SEED = 0x2f1b_3c4d;
const SHINGLE_SEED = 0x51ed_270b;

/** Lower-cased words (letters/digits, inner apostrophes kept); punctuation and markup-free text assumed. */
export function normaliseWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const isAsciiLetterOrDigit = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);

/**
 * UTF-16 length of the letter or digit (`[\p{L}\p{N}]`, by code point) starting at text[i], or
 * 0 when there is none (or i is past the end).
 */
function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiLetterOrDigit(code) ? 1 : 0;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(i) as number;
  if (!LETTER_OR_DIGIT.test(String.fromCodePoint(point))) return 0;
  return point > 0xffff ? 2 : 1;
}

/** The end of the run of letters and digits starting at `from` (ASCII inline, the common case). */
function skipWordChars(text: string, from: number): number {
  let i = from;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && isAsciiLetterOrDigit(code)) {
      i += 1;
      continue;
    }
    const step = code < 0x80 ? 0 : wordCharLength(text, i);
    if (step === 0) return i;
    i += step;
  }
}

/**
 * murmur3String of each of normaliseWords(text), in order, hashed in place in the lower-cased text
 * instead of through an array of word strings (the shingling hot path). The scan matches the
 * same words as normaliseWords' pattern: a run of letters/digits, continued over an apostrophe
 * only when a letter or digit follows it.
 */
function wordHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  const length = lower.length;
  const hashes = new Uint32Array((length + 1) >> 1); // words are at least one character apart
  let count = 0;
  let i = 0;
  while (i < length) {
    if (wordCharLength(lower, i) === 0) {
      // Also right for the low half of a surrogate pair: alone, it is no letter either.
      i += 1;
      continue;
    }
    const start = i;
    i = skipWordChars(lower, i);
    for (;;) {
      const mark = lower.charCodeAt(i);
      if ((mark !== 0x27 && mark !== 0x2019) || wordCharLength(lower, i + 1) === 0) break; // ' or ’
      i = skipWordChars(lower, i + 1);
    }
    hashes[count] = murmur3StringRange(lower, start, i, WORD_SEED);
    count += 1;
  }
  return hashes.subarray(0, count);
}

function checkShingleSize(shingleSize: number): void {
  if (!Number.isInteger(shingleSize) || shingleSize < 1) {
    throw new RangeError(`Shingle size must be a positive integer, got ${shingleSize}`);
  }
}

/**
 * The 32-bit hashes of the k-word shingles of `text` in text order, repeats included (a MinHash
 * signature is a minimum, which repeats do not change, so it can skip building a Set). Each word is
 * hashed once and a shingle hashes the window of word hashes, so no shingle strings are built. A
 * text shorter than k words (but not empty) yields one shingle of all its words.
 */
export function shingleHashList(text: string, shingleSize = DEFAULT_SHINGLE_SIZE): Int32Array {
  checkShingleSize(shingleSize);
  const words = wordHashes(text);
  if (words.length === 0) return new Int32Array(0);
  const width = Math.min(shingleSize, words.length);
  const hashes = new Int32Array(words.length - width + 1);
  for (let i = 0; i < hashes.length; i += 1) {
    hashes[i] = murmur3WordRange(words, i, i + width, SHINGLE_SEED);
  }
  return hashes;
}

/** Distinct 32-bit hashes of the k-word shingles of `text` (see shingleHashList). */
export function shingleHashes(text: string, shingleSize = DEFAULT_SHINGLE_SIZE): Set<number> {
  const hashes = new Set<number>();
  for (const hash of shingleHashList(text, shingleSize)) hashes.add(hash >>> 0);
  return hashes;
}

/** Exact Jaccard similarity of two sets; two empty sets are identical (1). */
export function exactJaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const value of a) if (b.has(value)) shared += 1;
  return shared / (a.size + b.size - shared);
}
