import {
  decodeAttributeEntities,
  escapeHtml,
  hasUnknownNamedReference,
  normaliseTextSource,
} from './entities.js';
import { isPlainText, VisibleTextBuilder } from './text.js';
import { type HtmlAttribute, RAW_TEXT_ELEMENTS, tokenizeHtml } from './tokenize.js';

/**
 * Allow-list sanitiser. The output is rebuilt from tokens — never copied from the input — so only
 * these elements appear, the only attribute is a checked `href` on `<a>`, all text is re-escaped,
 * and every opened element is closed. Disallowed elements are unwrapped (their text kept), except
 * DROPPED_WITH_CONTENT, whose content is discarded. sanitizeHtml is idempotent.
 */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'blockquote',
  'br',
]);

const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'applet',
  'svg',
  'math',
  'noscript',
  'textarea',
  'title',
  'select',
  'head',
  'xmp',
  'noembed',
  'noframes',
  'frameset',
  'plaintext',
]);

const BLOCKS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'blockquote']);
/** Elements that may not contain a block: opening a block closes them, as HTML closes an open <p>. */
const CLOSED_BY_BLOCK: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4']);
// mailto: and tel: run no code and are what small-business pages link most (click-to-call, e-mail us).
const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

const isControl = (code: number): boolean => code < 0x20 || code === 0x7f;

/** Strips leading/trailing C0 controls and spaces, as the URL parser does. */
function trimC0AndSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  return text.slice(start, end);
}

/**
 * Returns the normalised URL if it is http(s), mailto:, tel: or relative, else null. Entities are decoded and
 * tab/newline removed first, as the browser's URL parser would, so `jav&#x61;script:` and
 * `java\tscript:` are caught.
 */
export function safeHref(value: string): string | null {
  if (hasUnknownNamedReference(value)) return null;
  const url = trimC0AndSpace(decodeAttributeEntities(value).replace(/[\t\n\r]/g, ''));
  if (url === '' || [...url].some((ch) => isControl(ch.charCodeAt(0)))) return null;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (scheme?.[1] !== undefined && !SAFE_SCHEMES.has(scheme[1].toLowerCase())) return null;
  return url;
}

function hrefOf(attributes: readonly HtmlAttribute[]): string | null {
  const href = attributes.find((attribute) => attribute.name === 'href');
  return href === undefined ? null : safeHref(href.value);
}

export function sanitizeHtml(html: string): string {
  return sanitize(html, null);
}

/**
 * sanitizeHtml(html), and htmlToText of it with its countWords, taken from what the sanitiser
 * writes rather than by parsing its output again (see VisibleTextBuilder).
 */
export function sanitizeHtmlWithText(html: string): { html: string; text: string; wordCount: number } {
  const builder = new VisibleTextBuilder();
  const sanitized = sanitize(html, builder);
  return { html: sanitized, ...builder.finishWithWordCount() };
}

// The tags the sanitiser writes, built once.
const START_TAGS: ReadonlyMap<string, string> = new Map(
  [...ALLOWED_ELEMENTS].map((name) => [name, `<${name}>`]),
);
const END_TAGS: ReadonlyMap<string, string> = new Map(
  [...ALLOWED_ELEMENTS].map((name) => [name, `</${name}>`]),
);

/** The sanitiser; `text`, when given, is told every piece of text and every tag it writes. */
function sanitize(html: string, text: VisibleTextBuilder | null): string {
  const out: string[] = [];
  const open: string[] = [];
  const dropping: string[] = [];

  const closeThrough = (index: number): void => {
    while (open.length > index) {
      const name = open.pop() as string;
      out.push(END_TAGS.get(name) ?? `</${name}>`);
      text?.tag(name);
    }
  };
  const lastOpen = (predicate: (name: string) => boolean): number => {
    for (let i = open.length - 1; i >= 0; i -= 1) if (predicate(open[i] ?? '')) return i;
    return -1;
  };

  for (const token of tokenizeHtml(html)) {
    if (dropping.length > 0) {
      if (token.type === 'startTag' && DROPPED_WITH_CONTENT.has(token.name) && !token.selfClosing) {
        dropping.push(token.name);
      } else if (token.type === 'endTag' && dropping.lastIndexOf(token.name) !== -1) {
        dropping.length = dropping.lastIndexOf(token.name);
      }
      continue;
    }
    if (token.type === 'text') {
      const { raw } = token;
      if (!text || !isPlainText(raw)) {
        const normalised = normaliseTextSource(raw);
        out.push(normalised);
        text?.text(normalised);
      } else {
        out.push(raw); // normaliseTextSource(raw) is raw
        text.plainText(raw);
      }
    } else if (token.type === 'startTag') {
      const { name } = token;
      if (DROPPED_WITH_CONTENT.has(name)) {
        // `/>` only self-closes foreign elements (svg, math); raw-text elements always have a body.
        if (!token.selfClosing || RAW_TEXT_ELEMENTS.has(name)) dropping.push(name);
        continue;
      }
      if (!ALLOWED_ELEMENTS.has(name)) continue;
      if (name === 'br') {
        out.push('<br>');
        text?.tag(name);
        continue;
      }
      if (BLOCKS.has(name)) {
        const blocked = lastOpen((openName) => CLOSED_BY_BLOCK.has(openName));
        if (blocked !== -1) closeThrough(blocked);
      }
      if (name === 'li') {
        const list = lastOpen((openName) => openName === 'ul' || openName === 'ol');
        if (list === -1) continue;
        const item = lastOpen((openName) => openName === 'li');
        if (item > list) closeThrough(item);
      }
      if (name === 'a') {
        const href = hrefOf(token.attributes);
        if (href === null) continue;
        const anchor = lastOpen((openName) => openName === 'a');
        if (anchor !== -1) closeThrough(anchor);
        out.push(`<a href="${escapeHtml(href)}">`);
      } else {
        out.push(START_TAGS.get(name) ?? `<${name}>`);
      }
      text?.tag(name);
      open.push(name);
    } else if (token.type === 'endTag') {
      const index = open.lastIndexOf(token.name);
      if (index !== -1) closeThrough(index);
    }
    // comments and rawText (script/style bodies) are dropped
  }
  closeThrough(0);
  return out.join('');
}
