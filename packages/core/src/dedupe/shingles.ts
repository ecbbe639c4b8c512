export const DEFAULT_SHINGLE_SIZE = 5;
const WORD_SEED = 0x2f1b_3c4d;
const SHINGLE_SEED = 0x51ed_270b;

/** Lower-cased words (letters/digits, inner apostrophes kept); punctuation and markup-free text assumed. */
export function normaliseWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** 1 for the ASCII letters and digits, by code; the scans below test ASCII with one load. */
const ASCII_WORD_CHAR = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a))
    ASCII_WORD_CHAR[code] = 1;
}

/**
 * UTF-16 length of the letter or digit (`[\p{L}\p{N}]`, by code point) starting at text[i], or
 * 0 when there is none (or i is past the end).
 */
function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return ASCII_WORD_CHAR[code] as number;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(i) as number;
  if (!LETTER_OR_DIGIT.test(String.fromCodePoint(point))) return 0;
  return point > 0xffff ? 2 : 1;
}

// MurmurHash3 x86_32 steps, as random/hash.ts computes them (these must reproduce its values), in
// int32 arithmetic throughout. Constants are written as literals in these hot paths: a bundler turns
// module-level `const`s into `var`s, which the optimiser no longer folds (a load per use).

/** The part of murmur3's block mixing that depends on the block alone. */
function blockKey(block: number): number {
  const k = Math.imul(block, 0xcc9e2d51);
  return Math.imul((k << 15) | (k >>> 17), 0x1b873593);
}

/** One murmur3 block step, given the block's key. */
function mixKey(h: number, key: number): number {
  const next = h ^ key;
  return (Math.imul((next << 13) | (next >>> 19), 5) - 0x19ab949c) | 0; // + 0xe6546b64, as int32
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** The end of the word (see wordKeys) that goes on at `from`, for any script. */
function wordEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const code = text.charCodeAt(i);
    const step = wordCharLength(text, i);
    if (step !== 0) i += step;
    // ' or ’ between two letters or digits is part of the word.
    else if ((code === 0x27 || code === 0x2019) && wordCharLength(text, i + 1) !== 0) i += 1;
    else return i;
  }
}

/** murmur3StringRange(text, start, end, WORD_SEED), as an int32. */
function wordHash(text: string, start: number, end: number): number {
  let h = WORD_SEED;
  let i = start;
  for (; i + 1 < end; i += 2) h = mixKey(h, blockKey(text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)));
  if (i < end) h ^= blockKey(text.charCodeAt(i));
  return fmix32(h ^ ((end - start) * 2));
}

/**
 * For each of normaliseWords(text), in order: blockKey of murmur3String(word, WORD_SEED), i.e. the
 * word hash already mixed as a block of a shingle's murmur3Words, so it is mixed once rather than
 * once per shingle it is in. Words are found in place in the lower-cased text: a run of
 * letters/digits, continued over an apostrophe only when a letter or digit follows it (the same
 * words as normaliseWords' pattern). A word of ASCII letters and digits (nearly all of them) is
 * hashed as it is scanned, two code units per block as murmur3StringRange reads them; anything
 * else (an apostrophe, a non-ASCII character, the end of the text) sends the word to the general
 * scan, which finds its end and hashes it again from its start.
 */
function wordKeys(text: string): Int32Array {
  const lower = text.toLowerCase();
  const length = lower.length;
  const keys = scratch(0, (length + 1) >> 1); // words are at least one character apart
  // Module constants read once into locals (see above).
  const wordChar = ASCII_WORD_CHAR;
  const seed = WORD_SEED;
  let count = 0;
  let i = 0;
  while (i < length) {
    const first = lower.charCodeAt(i);
    if (first < 0x80 ? wordChar[first] === 0 : wordCharLength(lower, i) === 0) {
      // Also right for the low half of a surrogate pair: alone, it is no letter either.
      i += 1;
      continue;
    }
    const start = i;
    let h = seed;
    let hash: number;
    for (;;) {
      // lower[start, i) is ASCII letters and digits, an even number of them, mixed into h.
      const a = lower.charCodeAt(i);
      if (a < 0x80 && wordChar[a] === 1) {
        const b = lower.charCodeAt(i + 1);
        if (b < 0x80 && wordChar[b] === 1) {
          h = mixKey(h, blockKey(a | (b << 16)));
          i += 2;
          continue;
        }
        if (b < 0x80 && b !== 0x27) {
          // ASCII other than a letter, digit or apostrophe ends the word after a. (NaN, the end
          // of the text, is not < 0x80: it takes the general way below.)
          i += 1;
          hash = fmix32(h ^ blockKey(a) ^ ((i - start) * 2));
          break;
        }
      } else if (a < 0x80 && a !== 0x27) {
        hash = fmix32(h ^ ((i - start) * 2));
        break;
      }
      i = wordEnd(lower, i);
      hash = wordHash(lower, start, i);
      break;
    }
    keys[count] = blockKey(hash);
    count += 1;
  }
  return keys.subarray(0, count);
}

// Working arrays reused from one text to the next (a typed array of this size lives outside the JS
// heap, and allocating one per article is a cost of its own): [0] word keys, [1] shingle hashes.
// Arrays beyond SCRATCH_KEPT elements are used once and not kept.
const SCRATCH_KEPT = 1 << 17;
const scratchArrays = [new Int32Array(4096), new Int32Array(4096)];

/** An array of at least `length` elements to work in, not to return: the next call may reuse it. */
function scratch(which: 0 | 1, length: number): Int32Array {
  const kept = scratchArrays[which] as Int32Array;
  if (length <= kept.length) return kept;
  const array = new Int32Array(length);
  if (length <= SCRATCH_KEPT) scratchArrays[which] = array;
  return array;
}

function checkShingleSize(shingleSize: number): void {
  if (!Number.isInteger(shingleSize) || shingleSize < 1) {
    throw new RangeError(`Shingle size must be a positive integer, got ${shingleSize}`);
  }
}

/**
 * The 32-bit hashes of the k-word shingles of `text` in text order, repeats included (a MinHash
 * signature is a minimum, which repeats do not change, so it can skip building a Set). Each word is
 * hashed once and a shingle hashes the window of word hashes (murmur3Words), so no shingle strings
 * are built. A text shorter than k words (but not empty) yields one shingle of all its words.
 */
export function shingleHashList(text: string, shingleSize = DEFAULT_SHINGLE_SIZE): Int32Array {
  return shingleHashesInScratch(text, shingleSize).slice();
}

/**
 * shingleHashList(text, shingleSize) as a view of a working array that the next call overwrites:
 * for a caller done with it before then (a MinHash signature), no array is allocated per text.
 */
export function shingleHashesInScratch(text: string, shingleSize: number): Int32Array {
  checkShingleSize(shingleSize);
  const keys = wordKeys(text);
  if (keys.length === 0) return new Int32Array(0);
  const width = Math.min(shingleSize, keys.length);
  const count = keys.length - width + 1;
  const hashes = scratch(1, count);
  const seed = SHINGLE_SEED;
  if (width === 5) {
    // The default size, unrolled: the window's keys slide through locals.
    let k1 = keys[0] as number;
    let k2 = keys[1] as number;
    let k3 = keys[2] as number;
    let k4 = keys[3] as number;
    for (let i = 0; i < count; i += 1) {
      const k5 = keys[i + 4] as number;
      hashes[i] = fmix32(mixKey(mixKey(mixKey(mixKey(mixKey(seed, k1), k2), k3), k4), k5) ^ 20);
      k1 = k2;
      k2 = k3;
      k3 = k4;
      k4 = k5;
    }
  } else {
    for (let i = 0; i < count; i += 1) {
      let h = seed;
      for (let j = i; j < i + width; j += 1) h = mixKey(h, keys[j] as number);
      hashes[i] = fmix32(h ^ (width * 4));
    }
  }
  return hashes.subarray(0, count);
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
