/**
 * A small HTML tokenizer following the WHATWG tokenizer where it matters for safety: tag names end
 * at whitespace, `/` or `>`; attribute values may be quoted or not; a tag cut off by the end of
 * input is dropped (as browsers do); `<!…>`/`<?…>` are bogus comments; and the content of raw-text
 * elements (script, style, …) is one opaque token up to the matching end tag. Offsets are kept so
 * callers can splice the original source.
 */
export interface HtmlAttribute {
  readonly name: string;
  readonly value: string;
}

export type HtmlToken =
  | { readonly type: 'text'; readonly raw: string; readonly start: number; readonly end: number }
  | { readonly type: 'rawText'; readonly raw: string; readonly start: number; readonly end: number }
  | { readonly type: 'comment'; readonly start: number; readonly end: number }
  | {
      readonly type: 'startTag';
      readonly name: string;
      readonly attributes: readonly HtmlAttribute[];
      readonly selfClosing: boolean;
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: 'endTag'; readonly name: string; readonly start: number; readonly end: number };

export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'textarea',
  'title',
  'plaintext',
]);

// Character tests on UTF-16 code units: the tokenizer runs over every article, twice.
const isAsciiLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/** The HTML whitespace set: space, tab, LF, CR, FF. */
const isSpace = (code: number): boolean =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
const SLASH = 0x2f;
const GREATER_THAN = 0x3e;
const EQUALS = 0x3d;
const WHITESPACE = /\s/;
/** An attribute name ends at JavaScript whitespace (`\s`, which includes \v and non-ASCII spaces), `/`, `>` or `=`. */
const endsAttributeName = (source: string, code: number, i: number): boolean =>
  code === SLASH ||
  code === GREATER_THAN ||
  code === EQUALS ||
  (code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : WHITESPACE.test(source.charAt(i)));

interface TagScan {
  readonly name: string;
  readonly attributes: HtmlAttribute[];
  readonly selfClosing: boolean;
  /** Offset just after `>`, or -1 when input ended inside the tag. */
  readonly end: number;
}

function scanTag(source: string, nameStart: number): TagScan {
  const length = source.length;
  let i = nameStart;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (isSpace(code) || code === SLASH || code === GREATER_THAN) break;
    i += 1;
  }
  const name = source.slice(nameStart, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  let selfClosing = false;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === GREATER_THAN) return { name, attributes, selfClosing, end: i + 1 };
    if (isSpace(code) || code === SLASH) {
      selfClosing = code === SLASH;
      i += 1;
      continue;
    }
    selfClosing = false;
    const attrStart = i;
    i += 1; // the first character may be '=' (WHATWG treats it as part of the name)
    while (i < length && !endsAttributeName(source, source.charCodeAt(i), i)) i += 1;
    const attrName = source.slice(attrStart, i).toLowerCase();
    let j = i;
    while (j < length && isSpace(source.charCodeAt(j))) j += 1;
    let value = '';
    if (source.charCodeAt(j) === EQUALS) {
      j += 1;
      while (j < length && isSpace(source.charCodeAt(j))) j += 1;
      const quote = source.charAt(j);
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, j + 1);
        if (close === -1) return { name, attributes, selfClosing, end: -1 };
        value = source.slice(j + 1, close);
        j = close + 1;
      } else {
        const valueStart = j;
        while (j < length && !isSpace(source.charCodeAt(j)) && source.charCodeAt(j) !== GREATER_THAN) j += 1;
        value = source.slice(valueStart, j);
      }
      i = j;
    }
    attributes.push({ name: attrName, value });
  }
  return { name, attributes, selfClosing, end: -1 };
}

function findRawTextEnd(source: string, from: number, name: string): number {
  const pattern = new RegExp(`</${name}[\\s/>]`, 'ig');
  pattern.lastIndex = from;
  const match = pattern.exec(source);
  return match === null ? source.length : match.index;
}

export function tokenizeHtml(source: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let i = 0;
  let textStart = 0;
  const flushText = (end: number): void => {
    if (end > textStart)
      tokens.push({ type: 'text', raw: source.slice(textStart, end), start: textStart, end });
  };
  while (i < source.length) {
    i = source.indexOf('<', i);
    if (i === -1) break;
    const next = source.charCodeAt(i + 1);
    let end: number;
    if (source.startsWith('<!--', i)) {
      const close = source.indexOf('-->', i + 4);
      end = close === -1 ? source.length : close + 3;
      flushText(i);
      tokens.push({ type: 'comment', start: i, end });
    } else if (next === SLASH && isAsciiLetter(source.charCodeAt(i + 2))) {
      const scan = scanTag(source, i + 2);
      flushText(i);
      end = scan.end === -1 ? source.length : scan.end;
      if (scan.end !== -1) tokens.push({ type: 'endTag', name: scan.name, start: i, end });
    } else if (isAsciiLetter(next)) {
      const scan = scanTag(source, i + 1);
      flushText(i);
      if (scan.end === -1) {
        end = source.length;
      } else {
        const { name, attributes, selfClosing } = scan;
        tokens.push({ type: 'startTag', name, attributes, selfClosing, start: i, end: scan.end });
        end = scan.end;
        if (RAW_TEXT_ELEMENTS.has(name)) {
          const rawEnd = name === 'plaintext' ? source.length : findRawTextEnd(source, end, name);
          if (rawEnd > end)
            tokens.push({ type: 'rawText', raw: source.slice(end, rawEnd), start: end, end: rawEnd });
          end = rawEnd;
        }
      }
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */ || next === SLASH) {
      const close = source.indexOf('>', i + 2);
      end = close === -1 ? source.length : close + 1;
      flushText(i);
      tokens.push({ type: 'comment', start: i, end });
    } else {
      i += 1;
      continue;
    }
    i = end;
    textStart = end;
  }
  flushText(source.length);
  return tokens;
}
