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
/**
 * Text with nothing to decode or escape (no `& < > "`) and nothing to collapse (no whitespace but
 * single spaces): NEEDS_COLLAPSE and entities.ts NEEDS_NORMALISING in one scan. `[^\S ]` is
 * spelled out as a class so that the two classes merge into one.
 */
const NOT_PLAIN = /[&<>"\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

const WHITESPACE = /\s/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * True when the text source `raw` is its own normaliseTextSource, its own decodeEntities and
 * needs no whitespace collapsing: the common case of a generated article's text.
 */
export function isPlainText(raw: string): boolean {
  return !NOT_PLAIN.test(raw);
}

/**
 * htmlToText's text, built from a document's text nodes and tags in order, then finish().
 * htmlToText drives it from the tokenizer; sanitizeHtml drives it from what it writes, so the text
 * of the sanitised HTML comes without parsing that HTML again: text() for each piece of text it
 * writes (consecutive pieces are one text node once the output is parsed again) and tag() for each
 * tag it writes.
 *
 * Lines are built in one pass: whitespace between two pieces of text is written only when the
 * next piece arrives, as one space, or as one line break when a block boundary lies between them.
 * So no line starts or ends with a space and no line is empty — the same as collapsing and
 * trimming each line and dropping the empty ones.
 */
export class VisibleTextBuilder {
  private readonly parts: string[] = [];
  private pendingSpace = false;
  private pendingBreak = false;
  /** Source of the current text node, not yet added: the next text() may continue it. */
  private node = '';
  /** `node` is one isPlainText piece. */
  private nodePlain = false;

  /** A piece of a text node's source (entities not decoded); the next piece continues the node. */
  text(raw: string): void {
    this.node = this.node === '' ? raw : this.node + raw;
    this.nodePlain = false;
  }

  /**
   * text(raw) for a piece that isPlainText: when it makes a text node on its own (the common
   * case), decoding and collapsing are skipped.
   */
  plainText(raw: string): void {
    if (this.node === '') {
      this.node = raw;
      this.nodePlain = true;
    } else {
      this.node += raw;
      this.nodePlain = false;
    }
  }

  /** A whole text node's source (entities not decoded). */
  textNode(raw: string): void {
    if (this.node !== '') this.flushNode();
    this.addNode(raw);
  }

  /** A start or end tag: ends the current text node; a block element's tag separates lines. */
  tag(name: string): void {
    if (this.node !== '') this.flushNode();
    if (BLOCK_BOUNDARIES.has(name)) this.pendingBreak = true;
  }

  finish(): string {
    if (this.node !== '') this.flushNode();
    return this.parts.join('');
  }

  /** The text, and countWords of it. */
  finishWithWordCount(): { text: string; wordCount: number } {
    const text = this.finish();
    return { text, wordCount: countTextWords(text) };
  }

  private flushNode(): void {
    const raw = this.node;
    this.node = '';
    this.addNode(raw, this.nodePlain);
  }

  private addNode(raw: string, plain = false): void {
    if (raw === '\n') {
      // A line break between two tags (the usual one between blocks): whitespace only.
      this.pendingSpace = true;
      return;
    }
    // Source newlines are ordinary whitespace; only block boundaries become line breaks.
    let piece = raw;
    if (!plain) {
      const decoded = decodeEntities(raw);
      piece = NEEDS_COLLAPSE.test(decoded) ? decoded.replace(/\s+/g, ' ') : decoded;
    }
    let start = 0;
    let end = piece.length;
    if (piece.charCodeAt(0) === 0x20) {
      this.pendingSpace = true;
      start = 1;
    }
    const trailingSpace = end > start && piece.charCodeAt(end - 1) === 0x20;
    if (trailingSpace) end -= 1;
    if (end > start) {
      if (this.parts.length > 0 && (this.pendingBreak || this.pendingSpace))
        this.parts.push(this.pendingBreak ? '\n' : ' ');
      this.parts.push(start === 0 && end === piece.length ? piece : piece.slice(start, end));
      this.pendingBreak = false;
      this.pendingSpace = trailingSpace;
    }
  }
}

/**
 * Visible text of an HTML fragment: entities decoded, blocks separated by newlines, runs of
 * spaces collapsed. The basis for word counts, excerpts, descriptions and shingles.
 */
export function htmlToText(html: string): string {
  const builder = new VisibleTextBuilder();
  let hidden = 0;
  for (const token of tokenizeHtml(html)) {
    if (token.type === 'startTag' && INVISIBLE.has(token.name)) {
      if (!token.selfClosing) hidden += 1;
    } else if (token.type === 'endTag' && INVISIBLE.has(token.name)) {
      hidden = Math.max(0, hidden - 1);
    } else if (hidden === 0 && token.type === 'text') {
      builder.textNode(token.raw);
    } else if (token.type === 'startTag' || token.type === 'endTag') {
      // Counted even inside hidden content, as before: it can only separate visible lines.
      builder.tag(token.name);
    }
  }
  return builder.finish();
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

/** Whether text[start, end) has a letter or digit, scanned by code point as countWords does. */
function hasLetterOrDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (isAsciiLetterOrDigit(code)) return true;
      continue;
    }
    const codePoint = text.codePointAt(i) as number;
    if (LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint))) return true;
    if (codePoint > 0xffff) i += 1;
  }
  return false;
}

/**
 * countWords of a text whose only whitespace is single spaces and line breaks, as the text of
 * VisibleTextBuilder is (and never two in a row, nor one at either end): its words are the pieces
 * between them, found with indexOf, and a piece counts when it has a letter or digit — usually its
 * first character, so most of the text is never read character by character.
 */
function countTextWords(text: string): number {
  const length = text.length;
  let words = 0;
  let space = text.indexOf(' ');
  let newline = text.indexOf('\n');
  let start = 0;
  while (start < length) {
    if (space !== -1 && space < start) space = text.indexOf(' ', start);
    if (newline !== -1 && newline < start) newline = text.indexOf('\n', start);
    let end = length;
    if (space !== -1 && space < end) end = space;
    if (newline !== -1 && newline < end) end = newline;
    if (end > start && hasLetterOrDigit(text, start, end)) words += 1;
    start = end + 1;
  }
  return words;
}
