import { escapeHtml } from '../html/entities.js';
import type { HtmlToken } from '../html/tokenize.js';

export interface AnchorCandidate<T> {
  readonly target: T;
  readonly url: string;
  readonly phrases: readonly string[];
}

export interface AnchorMatch<T> {
  readonly target: T;
  readonly url: string;
  readonly phrase: string;
  /** Character range in the HTML source. */
  readonly start: number;
  readonly end: number;
  /** Word range in the article's text (headings included in the count). */
  readonly wordStart: number;
  readonly wordEnd: number;
}

const HEADINGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const WORD = /[\p{L}\p{N}]+/gu;

export const countWordsIn = (text: string): number => text.match(WORD)?.length ?? 0;

/**
 * Case-insensitive, whole-word pattern for a phrase as it appears in sanitised HTML text (so `&`
 * is matched as `&amp;`); any run of whitespace matches a space. Null for an empty phrase.
 */
function phrasePattern(phrase: string): RegExp | null {
  const words = escapeHtml(phrase.trim())
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * Every occurrence of every candidate phrase in text that may carry a link: text tokens outside
 * h1–h6 and outside <a>. Tag tokens (and so attributes) are never searched.
 */
export function findAnchorMatches<T>(
  tokens: readonly HtmlToken[],
  candidates: readonly AnchorCandidate<T>[],
): AnchorMatch<T>[] {
  const compiled = candidates.flatMap((candidate) =>
    candidate.phrases.flatMap((phrase) => {
      const pattern = phrasePattern(phrase);
      return pattern === null ? [] : [{ candidate, phrase, pattern }];
    }),
  );
  const matches: AnchorMatch<T>[] = [];
  let headingDepth = 0;
  let anchorDepth = 0;
  let wordsBefore = 0;
  for (const token of tokens) {
    if (token.type === 'startTag' || token.type === 'endTag') {
      const step = token.type === 'startTag' ? 1 : -1;
      if (HEADINGS.has(token.name)) headingDepth = Math.max(0, headingDepth + step);
      if (token.name === 'a') anchorDepth = Math.max(0, anchorDepth + step);
      continue;
    }
    if (token.type !== 'text') continue;
    if (headingDepth === 0 && anchorDepth === 0) {
      for (const { candidate, phrase, pattern } of compiled) {
        for (const found of token.raw.matchAll(pattern)) {
          const wordStart = wordsBefore + countWordsIn(token.raw.slice(0, found.index));
          matches.push({
            target: candidate.target,
            url: candidate.url,
            phrase,
            start: token.start + found.index,
            end: token.start + found.index + found[0].length,
            wordStart,
            wordEnd: wordStart + countWordsIn(found[0]),
          });
        }
      }
    }
    wordsBefore += countWordsIn(token.raw);
  }
  return matches;
}
