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

const isAsciiWordChar = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/** 1 for an ASCII letter or digit, else 0, by character code: one load instead of three range tests. */
const ASCII_WORD_CHAR = Uint8Array.from({ length: 0x80 }, (_, code) => (isAsciiWordChar(code) ? 1 : 0));

/**
 * Words (runs of letters and digits) in the text; ASCII text is counted without the Unicode pattern. Every
 * article's text is counted once per planning, so this is the linker's innermost loop: a word is counted where a
 * word character follows a character that is not one.
 */
export function countWordsIn(text: string): number {
  let words = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return text.match(WORD)?.length ?? 0;
    const current = ASCII_WORD_CHAR[code] as number;
    words += current & (previous ^ 1);
    previous = current;
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
  /** The needles, longest first: the likeliest to be missing, so a text lacking one is ruled out in one scan. */
  readonly rarestFirst: readonly string[];
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
    const rarestFirst = [...(needles ?? [])].sort((a, b) => b.length - a.length);
    compiled = { words, needles, rarestFirst, pattern: null };
    COMPILED_PHRASES.set(phrase, compiled);
  }
  return compiled;
}

function patternOf(phrase: CompiledPhrase): RegExp {
  phrase.pattern ??= phrasePattern(phrase.words);
  return phrase.pattern;
}

/** What `\s` matches among ASCII characters: tab, LF, VT, FF, CR and space. */
const isAsciiSpace = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d);

/**
 * The end of the phrase's match starting at `at` in lower-cased ASCII text whose searched range is
 * [from, to), or -1: exactly what its pattern decides there (no letter or digit just before, the words in order
 * separated by whitespace, no letter or digit just after). A word holds no whitespace, so the whitespace
 * between two words is taken whole: no backtracking.
 */
function asciiMatchEnd(
  lower: string,
  at: number,
  needles: readonly string[],
  from: number,
  to: number,
): number {
  if (at > from && isAsciiWordChar(lower.charCodeAt(at - 1))) return -1;
  let end = at;
  for (const [i, needle] of needles.entries()) {
    if (i > 0) {
      const gap = end;
      while (end < to && isAsciiSpace(lower.charCodeAt(end))) end += 1;
      if (end === gap) return -1;
    }
    if (end + needle.length > to || !lower.startsWith(needle, end)) return -1;
    end += needle.length;
  }
  return end < to && isAsciiWordChar(lower.charCodeAt(end)) ? -1 : end;
}

/** The phrase's matches in lower-cased ASCII text within [from, to), in order and without overlap. */
function asciiMatches(
  lower: string,
  needles: readonly string[],
  from: number,
  to: number,
): [number, number][] {
  const first = needles[0];
  const matches: [number, number][] = [];
  if (first === undefined) return matches;
  let at = lower.indexOf(first, from);
  while (at !== -1 && at < to) {
    const end = asciiMatchEnd(lower, at, needles, from, to);
    if (end === -1) {
      at = lower.indexOf(first, at + 1);
    } else {
      matches.push([at, end]);
      at = lower.indexOf(first, end);
    }
  }
  return matches;
}

/** A text token that may carry a link, with the words of the article before it. */
interface SearchedText {
  readonly token: Extract<HtmlToken, { type: 'text' }>;
  readonly wordsBefore: number;
}

const NOT_ASCII = /[^\0-\x7f]/;

/**
 * Every occurrence of every candidate phrase in text that may carry a link: text tokens outside
 * h1–h6 and outside <a>. Tag tokens (and so attributes) are never searched. `html` is the source the
 * tokens were read from. Matches are listed by text token, then by candidate phrase, then by offset.
 */
export function findAnchorMatches<T>(
  html: string,
  tokens: readonly HtmlToken[],
  candidates: readonly AnchorCandidate<T>[],
): AnchorMatch<T>[] {
  const phrases = candidates.flatMap((candidate) =>
    candidate.phrases.flatMap((phrase) => {
      const prepared = compiledPhrase(phrase);
      return prepared.words.length === 0 ? [] : [{ candidate, phrase, prepared }];
    }),
  );
  const texts: SearchedText[] = [];
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
    if (headingDepth === 0 && anchorDepth === 0) texts.push({ token, wordsBefore });
    wordsBefore += countWordsIn(token.raw);
  }
  const asciiText = !NOT_ASCII.test(html);
  const lower = asciiText ? html.toLowerCase() : '';
  // Phrases share words (every title names its topic and city): whether the article holds one is scanned once.
  const holds = new Map<string, boolean>();
  const articleHolds = (needle: string): boolean => {
    let found = holds.get(needle);
    if (found === undefined) {
      found = lower.includes(needle);
      holds.set(needle, found);
    }
    return found;
  };
  // Targets share phrases (the articles of one nearby city all offer its name): each phrase is searched once.
  const occurrencesOf = new Map<string, Occurrence[]>();
  // Listed by text, then by phrase, then by offset: phrases are visited in order and each one's occurrences come
  // in offset order, so appending to the text's list keeps that order without a sort.
  const byText: AnchorMatch<T>[][] = texts.map(() => []);
  for (const { candidate, phrase, prepared } of phrases) {
    let occurrences = occurrencesOf.get(phrase);
    if (occurrences === undefined) {
      const ranges = asciiText
        ? asciiTextRanges(lower, articleHolds, texts, prepared)
        : tokenRanges(texts, prepared);
      occurrences = ranges.map(([text, start, end]) => {
        const { token, wordsBefore } = texts[text] as SearchedText;
        const wordStart = wordsBefore + countWordsIn(html.slice(token.start, start));
        return { text, start, end, wordStart, wordEnd: wordStart + countWordsIn(html.slice(start, end)) };
      });
      occurrencesOf.set(phrase, occurrences);
    }
    for (const { text, start, end, wordStart, wordEnd } of occurrences)
      byText[text]?.push({
        target: candidate.target,
        url: candidate.url,
        phrase,
        start,
        end,
        wordStart,
        wordEnd,
      });
  }
  const matches: AnchorMatch<T>[] = [];
  for (const own of byText) for (const match of own) matches.push(match);
  return matches;
}

/** One match of a phrase: which searched text holds it, its character range and its word range. */
interface Occurrence {
  readonly text: number;
  readonly start: number;
  readonly end: number;
  readonly wordStart: number;
  readonly wordEnd: number;
}

/** A phrase's matches in one searched text by its regular expression, as [text, start, end] in the source. */
function patternRanges(texts: readonly SearchedText[], text: number, phrase: CompiledPhrase): Range[] {
  const { token } = texts[text] as SearchedText;
  return [...token.raw.matchAll(patternOf(phrase))].map(
    (match): Range => [text, token.start + match.index, token.start + match.index + match[0].length],
  );
}

type Range = [text: number, start: number, end: number];

/**
 * A phrase's matches in an article that is not all ASCII, token by token. Non-ASCII text may match an ASCII
 * phrase under Unicode case folding (the Kelvin sign, a long s), and a non-ASCII phrase may match ASCII text:
 * those pairs are searched with the phrase's regular expression; an ASCII phrase in an ASCII token lacking one
 * of its words is skipped, and otherwise found with `indexOf` (see `asciiMatches`).
 */
function tokenRanges(texts: readonly SearchedText[], phrase: CompiledPhrase): Range[] {
  const ranges: Range[] = [];
  const needles = phrase.needles;
  for (const [text, { token }] of texts.entries()) {
    if (needles === null || !isAscii(token.raw)) {
      ranges.push(...patternRanges(texts, text, phrase));
      continue;
    }
    const lower = token.raw.toLowerCase();
    if (phrase.rarestFirst.some((needle) => !lower.includes(needle))) continue;
    for (const [start, end] of asciiMatches(lower, needles, 0, lower.length))
      ranges.push([text, token.start + start, token.start + end]);
  }
  return ranges;
}

/**
 * A phrase's matches in an all-ASCII article. A non-ASCII phrase (which may match ASCII text under Unicode case
 * folding) is searched with its regular expression, token by token. For an ASCII phrase lower-casing is exactly
 * the pattern's case-insensitive comparison: the article, lower-cased once, is searched for its first word
 * (`indexOf`, no regular expression: a pattern opening with a Unicode look-behind is tried at every offset,
 * slowly), and each occurrence inside a searched text token is checked in place.
 */
function asciiTextRanges(
  lower: string,
  articleHolds: (needle: string) => boolean,
  texts: readonly SearchedText[],
  phrase: CompiledPhrase,
): Range[] {
  const needles = phrase.needles;
  if (needles === null) return [...texts.keys()].flatMap((text) => patternRanges(texts, text, phrase));
  const first = needles[0];
  // An article lacking one of the phrase's words cannot hold it: most phrases (other places' names and
  // titles) end here, before their first word's common occurrences are checked one by one.
  if (first === undefined || texts.length === 0 || phrase.rarestFirst.some((needle) => !articleHolds(needle)))
    return [];
  /** The searched text token holding offset `at`, or -1 (texts are in source order and do not overlap). */
  const textAt = (at: number): number => {
    let low = 0;
    let high = texts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((texts[middle] as SearchedText).token.start <= at) low = middle;
      else high = middle - 1;
    }
    const { token } = texts[low] as SearchedText;
    return token.start <= at && at < token.end ? low : -1;
  };
  const ranges: Range[] = [];
  let at = lower.indexOf(first);
  while (at !== -1) {
    const text = textAt(at);
    const token = text === -1 ? null : (texts[text] as SearchedText).token;
    const end = token === null ? -1 : asciiMatchEnd(lower, at, needles, token.start, token.end);
    if (end === -1) {
      at = lower.indexOf(first, at + 1);
    } else {
      ranges.push([text, at, end]);
      at = lower.indexOf(first, end);
    }
  }
  return ranges;
}
