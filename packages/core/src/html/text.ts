import { decodeEntities } from './entities.js';
import { tokenizeHtml } from './tokenize.js';

const BLOCK_BOUNDARIES: ReadonlySet<string> = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'td',
  'th',
  'br',
  'hr',
  'pre',
]);
const INVISIBLE: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'head',
  'title',
]);

// Text already collapsed to single spaces needs no replace (the common case: no new string).
const NEEDS_COLLAPSE = /[^\S ]| {2}/;
const WHITESPACE = /\s/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Visible text of an HTML fragment: entities decoded, blocks separated by newlines, runs of
 * spaces collapsed. The basis for word counts, excerpts, descriptions and shingles.
 *
 * Lines are built in one pass: whitespace between two pieces of text is written only when the
 * next piece arrives, as one space, or as one line break when a block boundary lies between them.
 * So no line starts or ends with a space and no line is empty — the same as collapsing and
 * trimming each line and dropping the empty ones.
 */
export function htmlToText(html: string): string {
  let text = '';
  let pendingSpace = false;
  let pendingBreak = false;
  let hidden = 0;
  for (const token of tokenizeHtml(html)) {
    if (token.type === 'startTag' && INVISIBLE.has(token.name)) {
      if (!token.selfClosing) hidden += 1;
    } else if (token.type === 'endTag' && INVISIBLE.has(token.name)) {
      hidden = Math.max(0, hidden - 1);
    } else if (hidden === 0 && token.type === 'text') {
      // Source newlines are ordinary whitespace; only block boundaries become line breaks.
      const decoded = decodeEntities(token.raw);
      const piece = NEEDS_COLLAPSE.test(decoded) ? decoded.replace(/\s+/g, ' ') : decoded;
      let start = 0;
      let end = piece.length;
      if (piece.charCodeAt(0) === 0x20) {
        pendingSpace = true;
        start = 1;
      }
      const trailingSpace = end > start && piece.charCodeAt(end - 1) === 0x20;
      if (trailingSpace) end -= 1;
      if (end > start) {
        if (text !== '') text += pendingBreak ? '\n' : pendingSpace ? ' ' : '';
        text += start === 0 && end === piece.length ? piece : piece.slice(start, end);
        pendingBreak = false;
        pendingSpace = trailingSpace;
      }
    } else if ((token.type === 'startTag' || token.type === 'endTag') && BLOCK_BOUNDARIES.has(token.name)) {
      // Counted even inside hidden content, as before: it can only separate visible lines.
      pendingBreak = true;
    }
  }
  return text;
}

/** Words in plain text: whitespace-separated runs containing at least one letter or digit. */
export function splitWords(text: string): string[] {
  return text.split(/[\s\u00a0]+/).filter((word) => LETTER_OR_DIGIT.test(word));
}

const isAsciiLetterOrDigit = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** splitWords(text).length without building the words: one scan, regexes only for non-ASCII. */
export function countWords(text: string): number {
  let words = 0;
  let counted = false; // the current run of non-whitespace already has a letter or digit
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) counted = false;
      else if (!counted && isAsciiLetterOrDigit(code)) {
        counted = true;
        words += 1;
      }
      continue;
    }
    const codePoint = text.codePointAt(i) as number;
    const char = String.fromCodePoint(codePoint);
    if (codePoint > 0xffff) i += 1;
    if (WHITESPACE.test(char)) counted = false;
    else if (!counted && LETTER_OR_DIGIT.test(char)) {
      counted = true;
      words += 1;
    }
  }
  return words;
}
