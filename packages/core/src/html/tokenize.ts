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

const isAsciiLetter = (ch: string): boolean => /^[A-Za-z]$/.test(ch);
const isSpace = (ch: string): boolean =>
  ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';

interface TagScan {
  readonly name: string;
  readonly attributes: HtmlAttribute[];
  readonly selfClosing: boolean;
  /** Offset just after `>`, or -1 when input ended inside the tag. */
  readonly end: number;
}

function scanTag(source: string, nameStart: number): TagScan {
  let i = nameStart;
  while (
    i < source.length &&
    !isSpace(source.charAt(i)) &&
    source.charAt(i) !== '/' &&
    source.charAt(i) !== '>'
  )
    i += 1;
  const name = source.slice(nameStart, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  let selfClosing = false;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '>') return { name, attributes, selfClosing, end: i + 1 };
    if (isSpace(ch) || ch === '/') {
      selfClosing = ch === '/';
      i += 1;
      continue;
    }
    selfClosing = false;
    const attrStart = i;
    i += 1; // the first character may be '=' (WHATWG treats it as part of the name)
    while (i < source.length && !/[\s/>=]/.test(source.charAt(i))) i += 1;
    const attrName = source.slice(attrStart, i).toLowerCase();
    let j = i;
    while (j < source.length && isSpace(source.charAt(j))) j += 1;
    let value = '';
    if (source.charAt(j) === '=') {
      j += 1;
      while (j < source.length && isSpace(source.charAt(j))) j += 1;
      const quote = source.charAt(j);
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, j + 1);
        if (close === -1) return { name, attributes, selfClosing, end: -1 };
        value = source.slice(j + 1, close);
        j = close + 1;
      } else {
        const valueStart = j;
        while (j < source.length && !isSpace(source.charAt(j)) && source.charAt(j) !== '>') j += 1;
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
    if (source.charAt(i) !== '<') {
      i += 1;
      continue;
    }
    const next = source.charAt(i + 1);
    let end: number;
    if (source.startsWith('<!--', i)) {
      const close = source.indexOf('-->', i + 4);
      end = close === -1 ? source.length : close + 3;
      flushText(i);
      tokens.push({ type: 'comment', start: i, end });
    } else if (next === '/' && isAsciiLetter(source.charAt(i + 2))) {
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
    } else if (next === '!' || next === '?' || next === '/') {
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
