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

/** The phrase's words as they appear in sanitised HTML text (`&` as `&amp;`); empty for a blank phrase. */
function escapedWords(phrase: string): string[] {
  return escapeHtml(phrase.trim())
    .split(/\s+/)
    .filter((word) => word !== '');
}

/**
 * Lower-case ASCII strings every match of the phrase's pattern contains (its words, as escaped in HTML), or
 * null when the phrase is not ASCII. Within ASCII text, lower-casing is exactly the pattern's case-insensitive
 * comparison, so a text lacking one of them cannot match and the regular expression is skipped.
 */
function asciiNeedles(words: readonly string[]): string[] | null {
  return words.length > 0 && words.every(isAscii) ? words.map((w) => w.toLowerCase()) : null;
}

/** Runs of ASCII letters and digits, lower-cased: the article-level filter compares these. */
const ASCII_RUN = /[a-z0-9]+/g;

/**
 * Case-insensitive, whole-word pattern for a phrase as it appears in sanitised HTML text (so `&`
 * is matched as `&amp;`); any run of whitespace matches a space.
 */
function phrasePattern(words: readonly string[]): RegExp {
  const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

interface CompiledPhrase {
  readonly words: readonly string[];
  readonly needles: readonly string[] | null;
  /**
   * The letter-and-digit runs of an ASCII phrase, lower-cased. A match of the pattern in ASCII text starts and
   * ends at a word boundary and is separated inside only by the phrase's own non-word characters or whitespace,
   * so each run is a whole run of the matched text: a phrase with a run the article's ASCII text lacks as a whole
   * run cannot match anywhere in it.
   */
  readonly runs: readonly string[] | null;
  /** Compiled on first use: only text that is not ASCII, or a phrase that is not, needs it. */
  pattern: RegExp | null;
}

/** Phrases recur across a site's articles (the same targets' titles and place names): prepare each once. */
const COMPILED_PHRASES = new Map<string, CompiledPhrase>();
const COMPILED_PHRASES_MAX = 50_000;

function compiledPhrase(phrase: string): CompiledPhrase {
  let compiled = COMPILED_PHRASES.get(phrase);
  if (compiled === undefined) {
    if (COMPILED_PHRASES.size >= COMPILED_PHRASES_MAX) COMPILED_PHRASES.clear();
    const words = escapedWords(phrase);
    const needles = asciiNeedles(words);
    compiled = {
      words,
      needles,
      runs: needles === null ? null : needles.join(' ').match(ASCII_RUN),
      pattern: null,
    };
    COMPILED_PHRASES.set(phrase, compiled);
  }
  return compiled;
}

const isAsciiWordChar = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/** What `\s` matches among ASCII characters: tab, LF, VT, FF, CR and space. */
const isAsciiSpace = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d);

/**
 * The end of the phrase's match starting at `at` in lower-cased ASCII text, or -1: exactly what its pattern
 * decides there (no letter or digit just before, the words in order separated by whitespace, no letter or digit
 * just after). A word holds no whitespace, so the whitespace between two words is taken whole: no backtracking.
 */
function asciiMatchEnd(lower: string, at: number, needles: readonly string[]): number {
  if (at > 0 && isAsciiWordChar(lower.charCodeAt(at - 1))) return -1;
  let end = at;
  for (const [i, needle] of needles.entries()) {
    if (i > 0) {
      const gap = end;
      while (end < lower.length && isAsciiSpace(lower.charCodeAt(end))) end += 1;
      if (end === gap) return -1;
    }
    if (!lower.startsWith(needle, end)) return -1;
    end += needle.length;
  }
  return end < lower.length && isAsciiWordChar(lower.charCodeAt(end)) ? -1 : end;
}

/**
 * The phrase's matches in one text token, in order and without overlap, exactly as `matchAll` of its pattern
 * finds them. The pattern opens with a Unicode look-behind, so a regular expression engine tries it at every
 * offset, slowly; in ASCII text (where lower-casing is the pattern's own case rule) an ASCII phrase is found
 * with `indexOf` of its first word and checked in place instead.
 */
function phraseMatches(
  raw: string,
  lower: string | null,
  phrase: CompiledPhrase,
): { index: number; text: string }[] {
  const needles = phrase.needles;
  const first = needles?.[0];
  if (lower === null || needles === null || first === undefined) {
    phrase.pattern ??= phrasePattern(phrase.words);
    return [...raw.matchAll(phrase.pattern)].map((found) => ({ index: found.index, text: found[0] }));
  }
  const found: { index: number; text: string }[] = [];
  let at = lower.indexOf(first);
  while (at !== -1) {
    const end = asciiMatchEnd(lower, at, needles);
    if (end === -1) {
      at = lower.indexOf(first, at + 1);
    } else {
      found.push({ index: at, text: raw.slice(at, end) });
      at = lower.indexOf(first, end);
    }
  }
  return found;
}

/**
 * The lower-cased letter-and-digit runs of the article's text tokens, or null when some text token is not ASCII
 * (Unicode case folding lets non-ASCII text match an ASCII phrase, so no phrase may be ruled out then).
 */
function asciiTextRuns(tokens: readonly HtmlToken[]): ReadonlySet<string> | null {
  const runs = new Set<string>();
  for (const token of tokens) {
    if (token.type !== 'text') continue;
    if (!isAscii(token.raw)) return null;
    for (const run of token.raw.toLowerCase().match(ASCII_RUN) ?? []) runs.add(run);
  }
  return runs;
}

/**
 * Every occurrence of every candidate phrase in text that may carry a link: text tokens outside
 * h1–h6 and outside <a>. Tag tokens (and so attributes) are never searched.
 */
export function findAnchorMatches<T>(
  tokens: readonly HtmlToken[],
  candidates: readonly AnchorCandidate<T>[],
): AnchorMatch<T>[] {
  // One pass over the article rules out, before any token is searched, the phrases it cannot contain: most
  // targets' titles and place names appear in few of the articles they are offered to.
  const articleRuns = asciiTextRuns(tokens);
  const compiled = candidates.flatMap((candidate) =>
    candidate.phrases.flatMap((phrase) => {
      const prepared = compiledPhrase(phrase);
      if (prepared.words.length === 0) return [];
      if (articleRuns !== null && prepared.runs?.some((run) => !articleRuns.has(run))) return [];
      return [{ candidate, phrase, prepared }];
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
      for (const { candidate, phrase, prepared } of compiled) {
        if (lower !== null && prepared.needles?.some((needle) => !lower.includes(needle))) continue;
        for (const found of phraseMatches(token.raw, lower, prepared)) {
          const wordStart = wordsBefore + countWordsIn(token.raw.slice(0, found.index));
          matches.push({
            target: candidate.target,
            url: candidate.url,
            phrase,
            start: token.start + found.index,
            end: token.start + found.index + found.text.length,
            wordStart,
            wordEnd: wordStart + countWordsIn(found.text),
          });
        }
      }
    }
    wordsBefore += countWordsIn(token.raw);
  }
  return matches;
}
