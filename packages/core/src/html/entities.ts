/**
 * Character references. Only a small named table is decoded; unknown named references are left as
 * written, which is safe because a character reference can never produce markup.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  minus: '−',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  euro: '€',
  pound: '£',
  cent: '¢',
  yen: '¥',
  sect: '§',
  para: '¶',
  times: '×',
  divide: '÷',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  plusmn: '±',
  // Punctuation names that are favourite obfuscations of `javascript:` in attribute values.
  colon: ':',
  Tab: '\t',
  NewLine: '\n',
  sol: '/',
  bsol: '\\',
  lpar: '(',
  rpar: ')',
  period: '.',
  comma: ',',
  excl: '!',
  quest: '?',
  num: '#',
  dollar: '$',
  percnt: '%',
  semi: ';',
  equals: '=',
  plus: '+',
  lowbar: '_',
  grave: '`',
  Hat: '^',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  verbar: '|',
  vert: '|',
  ast: '*',
  commat: '@',
  dash: '‐',
};

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,8});?|#([0-9]{1,10});?|([A-Za-z][A-Za-z0-9]{0,31});)/g;

function fromCodePoint(code: number): string {
  const invalid = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
  return String.fromCodePoint(invalid ? 0xfffd : code);
}

/** Decodes numeric references and the named table; returns unknown named references verbatim. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // The common case in generated text: every reference is &amp; (the regex would decode each to &).
  if (onlyAmpReferences(text)) return text.replaceAll('&amp;', '&');
  return text.replace(REFERENCE, (whole: string, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    return (name !== undefined ? NAMED[name] : undefined) ?? whole;
  });
}

/** True when the text still contains a `&name;` reference we could not decode. */
export function hasUnknownNamedReference(text: string): boolean {
  return /&[A-Za-z][A-Za-z0-9]{0,31};/.test(decodeEntities(text));
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
    const name = match[0].slice(1, -1);
    if (NAMED[name] !== undefined) continue;
    parts.push(escapeHtml(decodeEntities(raw.slice(last, match.index))), match[0]);
    last = match.index + match[0].length;
  }
  parts.push(escapeHtml(decodeEntities(raw.slice(last))));
  return parts.join('');
}
