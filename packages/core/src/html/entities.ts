import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * Character references, decoded by `entities` with the HTML standard's full named table, the way a browser
 * reads them: in text, legacy names decode even without a semicolon (`&copy` is ©); in attribute values they
 * do not when a letter, digit or `=` follows (`?a=1&copy=2` stays a query string). Numeric references that
 * name NUL, a surrogate or no code point become U+FFFD. Unknown named references stay as written, which is
 * safe because a character reference can never produce markup.
 */

/** Decodes character references in text content. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // The common case in generated text: every reference is &amp; (a full decode gives the same).
  if (onlyAmpReferences(text)) return text.replaceAll('&amp;', '&');
  return decodeHTML(text);
}

/** Decodes character references in an attribute value. */
export function decodeAttributeEntities(value: string): string {
  return value.includes('&') ? decodeHTMLAttribute(value) : value;
}

/** True when text `&name;` means something to a browser (it may start with a legacy name: `&copy0;` is ©0;). */
function isKnownNamedReference(reference: string): boolean {
  return decodeHTML(reference) !== reference;
}

/** True when the text still contains a `&name;` reference we could not decode. */
export function hasUnknownNamedReference(text: string): boolean {
  return /&[A-Za-z][A-Za-z0-9]{0,31};/.test(decodeAttributeEntities(text));
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch] ?? ch);
}

const NEEDS_NORMALISING = /[&<>"]/;
const MARKUP_OR_QUOTE = /[<>"]/;

/** True when every `&` in text starts `&amp;`. */
function onlyAmpReferences(text: string): boolean {
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 5)) {
    if (!text.startsWith('amp;', at + 1)) return false;
  }
  return true;
}

/**
 * Normalises raw text-node source: decodes what it can and re-escapes `& < > "`, keeping unknown
 * named references as written. Idempotent: normaliseTextSource(normaliseTextSource(x)) === the same.
 */
export function normaliseTextSource(raw: string): string {
  // Nothing to decode or escape (most text in generated articles): the source is already normal.
  if (!NEEDS_NORMALISING.test(raw)) return raw;
  // Already normal too: `&amp;` decodes to & and is escaped back, and nothing else needs either.
  if (onlyAmpReferences(raw) && !MARKUP_OR_QUOTE.test(raw)) return raw;
  const parts: string[] = [];
  let last = 0;
  for (const match of raw.matchAll(/&[A-Za-z][A-Za-z0-9]{0,31};/g)) {
    if (isKnownNamedReference(match[0])) continue;
    parts.push(escapeHtml(decodeEntities(raw.slice(last, match.index))), match[0]);
    last = match.index + match[0].length;
  }
  parts.push(escapeHtml(decodeEntities(raw.slice(last))));
  return parts.join('');
}
