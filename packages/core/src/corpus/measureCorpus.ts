import {
  addToLshIndex,
  computeBandHashes,
  createLshIndex,
  DEFAULT_BANDING,
  findCandidates,
} from '../dedupe/lsh.js';
import { createMinHasher } from '../dedupe/minhash.js';
import { exactJaccard, shingleHashes } from '../dedupe/shingles.js';
import { htmlToText } from '../html/text.js';

/** What a reader and a search engine get from a generated corpus, in figures the product promises. */
export interface CorpusFigures {
  articles: number;
  words: { min: number; median: number; max: number };
  /** Articles whose text still holds a `{` or `}`: a spintax token nothing filled. */
  unresolved: number;
  /** Pairs at 5-word-shingle Jaccard >= NEAR_DUPLICATE_JACCARD, of all pairs. */
  nearDuplicatePairs: number;
  pairs: number;
  nearDuplicateRate: number;
  /** Pairs LSH proposed and that were measured exactly (far fewer than `pairs`, or the check was quadratic). */
  candidatePairs: number;
  /** Articles that link to the site's contact page or to a phone number (`tel:`). */
  withContactPath: number;
}

export interface CorpusArticleText {
  html: string;
  wordCount: number;
}

export const NEAR_DUPLICATE_JACCARD = 0.7;
const SHINGLE_WORDS = 5;

const median = (sorted: readonly number[]) => sorted[Math.floor(sorted.length / 2)] ?? 0;

/**
 * Pairwise near-duplicates without comparing every pair: LSH over MinHash signatures (the production
 * hasher and banding, under which a pair at Jaccard 0.7 is proposed with probability > 0.999) proposes
 * candidate pairs, and each candidate is measured exactly on its shingles. The index grows as the corpus
 * is read, so each pair is counted once.
 */
function nearDuplicates(texts: readonly string[]) {
  const hasher = createMinHasher();
  const index = createLshIndex();
  const shingles = texts.map((text) => shingleHashes(text, SHINGLE_WORDS));
  let candidatePairs = 0;
  let nearDuplicatePairs = 0;
  texts.forEach((text, i) => {
    const signature = hasher.signature(text);
    const document = { id: String(i), signature, bandHashes: computeBandHashes(signature, DEFAULT_BANDING) };
    for (const other of findCandidates(index, document)) {
      candidatePairs += 1;
      const similarity = exactJaccard(shingles[i] as Set<number>, shingles[Number(other)] as Set<number>);
      if (similarity >= NEAR_DUPLICATE_JACCARD) nearDuplicatePairs += 1;
    }
    addToLshIndex(index, document);
  });
  return { candidatePairs, nearDuplicatePairs };
}

/** The corpus figures of generated articles; `contactPath` is the site's contact page (e.g. `/contact`). */
export function measureCorpus(articles: readonly CorpusArticleText[], contactPath: string): CorpusFigures {
  const texts = articles.map((article) => htmlToText(article.html));
  const counts = articles.map((article) => article.wordCount).sort((a, b) => a - b);
  const pairs = articles.length < 2 ? 0 : (articles.length * (articles.length - 1)) / 2;
  const { candidatePairs, nearDuplicatePairs } = nearDuplicates(texts);
  const contactHref = `href="${contactPath}"`;
  return {
    articles: articles.length,
    words: { min: counts[0] ?? 0, median: median(counts), max: counts.at(-1) ?? 0 },
    unresolved: texts.filter((text) => /[{}]/.test(text)).length,
    nearDuplicatePairs,
    pairs,
    nearDuplicateRate: pairs === 0 ? 0 : nearDuplicatePairs / pairs,
    candidatePairs,
    withContactPath: articles.filter(
      (article) => article.html.includes(contactHref) || /href="tel:\+?\d{7,15}"/.test(article.html),
    ).length,
  };
}
