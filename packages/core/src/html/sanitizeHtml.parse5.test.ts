import fc from 'fast-check';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { ALLOWED_ELEMENTS, sanitizeHtml, sanitizeHtmlWithText } from './sanitizeHtml.js';

/**
 * The sanitiser judged by an independent, spec-complete HTML parser (parse5, what jsdom uses): whatever the
 * sanitiser's own tokenizer believes, a browser that parses the output must find only allowed elements, no
 * attribute but a safe `href`, and the same text the input showed.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;

function* elementsOf(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* elementsOf(child);
  // <template> keeps its children in a separate fragment.
  if (isElement(node) && 'content' in node) yield* elementsOf(node.content as Node);
}

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (!('childNodes' in node)) return '';
  return node.childNodes.map(textOf).join('');
}

const parse = (html: string) => parseFragment(html) as Node;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<a href="/x">',
        '<a href="javascript:x">',
        '<a href="jav&#x61;script:x">',
        '<a href="java&Tab;script:x">',
        '<a href="&#106;avascript&colon;x">',
        '<a href=" data:text/html,x">',
        '<a href="https://a.test/?q=1&copy=2">',
        '<a href=vbscript:x>',
        '</a>',
        '<script>',
        '</script>',
        '<li>',
        '<ul>',
        '</ul>',
        '<h2>',
        '<strong>',
        '<img src=x onerror=y>',
        '<!--',
        '-->',
        '<svg>',
        '<math><mi>',
        '</svg>',
        '<textarea>',
        '<noscript>',
        '<title>',
        '<template>',
        '<iframe srcdoc="<script>x</script>">',
        '<style>',
        '</style>',
        '<xmp>',
        '<plaintext>',
        '<br/>',
        '<em',
        ' onclick="z"',
        '<table><tr><td>',
        '&',
        '<',
        '>',
        '"',
        "'",
        '/',
        '=',
      ),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

// Text with every kind of character reference a browser knows, and some it does not.
const referenceText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '&amp;',
        '&amp',
        '&eacute;',
        '&Eacute',
        '&copy',
        '&copy0;',
        '&notit;',
        '&not;',
        '&bogus;',
        '&#x3c;',
        '&#60',
        '&#0;',
        '&#128;',
        '&#xD800;',
        '&#x110000;',
        '&NotSquareSupersetEqual;',
        '&;',
        '&#;',
        '&#x;',
        '&',
        '>',
        '"',
        'Caf&eacute;',
        'AT&T',
        ' ',
        'word',
      ),
      fc.string({ maxLength: 4 }).filter((text) => !text.includes('<')),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

describe('sanitizeHtml, checked by parse5', () => {
  it('leaves a browser only allowed elements, with no attribute but an http(s), mailto or tel href', () => {
    fc.assert(
      fc.property(hostile, (html) => {
        for (const element of elementsOf(parse(sanitizeHtml(html)))) {
          expect(ALLOWED_ELEMENTS.has(element.tagName)).toBe(true);
          expect(element.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
          const names = element.attrs.map((attribute) => attribute.name);
          expect(names).toEqual(element.tagName === 'a' ? ['href'] : []);
          const href = element.attrs[0]?.value;
          if (href !== undefined) {
            expect(SAFE_PROTOCOLS.has(new URL(href, 'https://site.test/base/').protocol)).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the text a browser shows for text with character references', () => {
    fc.assert(
      fc.property(referenceText, (text) => {
        const html = `<p>${text}</p>`;
        expect(textOf(parse(sanitizeHtml(html)))).toBe(textOf(parse(html)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports as its text the words a browser finds in its output', () => {
    const words = (text: string) => text.split(/\s+/).filter(Boolean).join(' ');
    fc.assert(
      fc.property(fc.oneof(hostile, referenceText), (html) => {
        const { html: sanitized, text } = sanitizeHtmlWithText(html);
        // Block boundaries become line breaks in `text`; a browser's text nodes simply abut there.
        expect(words(text).replaceAll(' ', '')).toBe(words(textOf(parse(sanitized))).replaceAll(' ', ''));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a query string in a link intact rather than reading &copy= as ©', () => {
    const sanitized = sanitizeHtml('<a href="/quote?a=1&copy=2&amp;b=3">x</a>');
    const link = [...elementsOf(parse(sanitized))].find((element) => element.tagName === 'a');
    expect(link?.attrs[0]?.value).toBe('/quote?a=1&copy=2&b=3');
  });
});
