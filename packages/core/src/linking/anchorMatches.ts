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

/** Words (runs of letters and digits) in the text; ASCII text is counted without the Unicode pattern. */
export function countWordsIn(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return text.match(WORD)?.length ?? 0;
    const isWordChar =
      (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    if (isWordChar && !inWord) words += 1;
    inWord = isWordChar;
  }
  return words;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Lower-case ASCII strings every match of the phrase's pattern contains (its words, as escaped in HTML), or
 * null when the phrase is not ASCII. Within ASCII text, lower-casing is exactly the pattern's case-insensitive
 * comparison, so a text lacking one of them cannot match and the regular expression is skipped.
 */
function asciiNeedles(phrase: string): string[] | null {
  const words = escapeHtml(phrase.trim())
    .split(/\s+/)
    .filter((word) => word !== '');
  return words.length > 0 && words.every(isAscii) ? words.map((w) => w.toLowerCase()) : null;
}

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

interface CompiledPhrase {
  readonly pattern: RegExp | null;
  readonly needles: string[] | null;
}

/** Phrases recur across a site's articles (the same targets' titles and place names): compile each once. */
const COMPILED_PHRASES = new Map<string, CompiledPhrase>();
const COMPILED_PHRASES_MAX = 50_000;

function compiledPhrase(phrase: string): CompiledPhrase {
  let compiled = COMPILED_PHRASES.get(phrase);
  if (compiled === undefined) {
    if (COMPILED_PHRASES.size >= COMPILED_PHRASES_MAX) COMPILED_PHRASES.clear();
    compiled = { pattern: phrasePattern(phrase), needles: asciiNeedles(phrase) };
    COMPILED_PHRASES.set(phrase, compiled);
  }
  return compiled;
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
      const { pattern, needles } = compiledPhrase(phrase);
      return pattern === null ? [] : [{ candidate, phrase, pattern, needles }];
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
      // Non-ASCII text may match an ASCII phrase under Unicode case folding (the Kelvin sign, a long s):
      // only ASCII text is pre-filtered.
      const lower = isAscii(token.raw) ? token.raw.toLowerCase() : null;
      for (const { candidate, phrase, pattern, needles } of compiled) {
        if (lower !== null && needles?.some((needle) => !lower.includes(needle))) continue;
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
