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

/**
 * Visible text of an HTML fragment: entities decoded, blocks separated by newlines, runs of
 * spaces collapsed. The basis for word counts, excerpts, descriptions and shingles.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  for (const token of tokenizeHtml(html)) {
    if (token.type === 'startTag' && INVISIBLE.has(token.name)) {
      if (!token.selfClosing) hidden += 1;
    } else if (token.type === 'endTag' && INVISIBLE.has(token.name)) {
      hidden = Math.max(0, hidden - 1);
    } else if (hidden === 0 && token.type === 'text') {
      // Source newlines are ordinary whitespace; only block boundaries become line breaks.
      parts.push(decodeEntities(token.raw).replace(/\s+/g, ' '));
    } else if ((token.type === 'startTag' || token.type === 'endTag') && BLOCK_BOUNDARIES.has(token.name)) {
      parts.push('\n');
    }
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Words in plain text: whitespace-separated runs containing at least one letter or digit. */
export function splitWords(text: string): string[] {
  return text.split(/[\s\u00a0]+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

export function countWords(text: string): number {
  return splitWords(text).length;
}
