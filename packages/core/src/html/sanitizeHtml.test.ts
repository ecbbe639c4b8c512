import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, normaliseTextSource } from './entities.js';
import { ALLOWED_ELEMENTS, safeHref, sanitizeHtml, sanitizeHtmlWithText } from './sanitizeHtml.js';
import { countWords, htmlToText } from './text.js';
import { type HtmlAttribute, RAW_TEXT_ELEMENTS, tokenizeHtml } from './tokenize.js';

describe('sanitizeHtml', () => {
  it('keeps allowed elements and text', () => {
    const html = '<h2>Title</h2><p>Some <strong>bold</strong> and <em>soft</em> text.<br>Next</p>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('removes script elements together with their content', () => {
    expect(sanitizeHtml('<p>a<script>alert(1)</script>b</p>')).toBe('<p>ab</p>');
    expect(sanitizeHtml('<p>a<SCRIPT type="x">alert("</p>")</SCRIPT >b</p>')).toBe('<p>ab</p>');
  });

  it('removes an unterminated script and everything after it', () => {
    expect(sanitizeHtml('<p>ok</p><script>steal()')).toBe('<p>ok</p>');
  });

  it('strips event-handler attributes such as onerror', () => {
    expect(sanitizeHtml('<p onclick="x()">hi<img src=x onerror=alert(1)></p>')).toBe('<p>hi</p>');
  });

  it('strips every attribute except a safe href', () => {
    expect(sanitizeHtml('<a href="/x" style="color:red" class="c" target="_blank">go</a>')).toBe(
      '<a href="/x">go</a>',
    );
  });

  it('drops links with javascript: URLs but keeps their text', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">click</a>')).toBe('click');
    expect(sanitizeHtml('<a href=" JaVaScRiPt:alert(1)">click</a>')).toBe('click');
  });

  it('catches javascript: obfuscated with entities, tabs and newlines', () => {
    expect(sanitizeHtml('<a href="jav&#x61;script:alert(1)">a</a>')).toBe('a');
    expect(sanitizeHtml('<a href="javascript&colon;alert(1)">b</a>')).toBe('b');
    expect(sanitizeHtml('<a href="java\tscript:alert(1)">c</a>')).toBe('c');
    expect(
      sanitizeHtml('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;x">d</a>'),
    ).toBe('d');
  });

  it('drops data: and vbscript: links', () => {
    expect(sanitizeHtml('<a href="data:text/html,<script>x</script>">e</a>')).toBe('e');
    expect(sanitizeHtml('<a href="vbscript:msgbox(1)">f</a>')).toBe('f');
  });

  it('closes unclosed tags at the end', () => {
    expect(sanitizeHtml('<p>one <strong>two')).toBe('<p>one <strong>two</strong></p>');
  });

  it('closes inner elements when an outer end tag arrives', () => {
    expect(sanitizeHtml('<p><em>x</p>y')).toBe('<p><em>x</em></p>y');
  });

  it('ignores stray end tags', () => {
    expect(sanitizeHtml('a</p></strong>b')).toBe('ab');
  });

  it('drops a tag cut off by the end of input', () => {
    expect(sanitizeHtml('<p>ok</p><img src=x onerror="alert(1)"')).toBe('<p>ok</p>');
  });

  it('unwraps disallowed elements but keeps their text', () => {
    expect(sanitizeHtml('<div><span>kept</span></div><h1>Big</h1>')).toBe('keptBig');
  });

  it('drops iframe, svg, style, template and object content', () => {
    const html =
      '<iframe src=x>i</iframe><svg><a href="/">s</a></svg><style>p{}</style><template>t</template><object>o</object>z';
    expect(sanitizeHtml(html)).toBe('z');
  });

  it('drops comments, including ones that hide markup', () => {
    expect(sanitizeHtml('a<!-- <script>x</script> -->b<!x>c<?php echo 1 ?>d')).toBe('abcd');
  });

  it('escapes stray angle brackets and ampersands in text', () => {
    expect(sanitizeHtml('1 < 2 & 3 > 2 "q"')).toBe('1 &lt; 2 &amp; 3 &gt; 2 &quot;q&quot;');
  });

  it('keeps escaped entities and unknown named references, and decodes the rest', () => {
    expect(sanitizeHtml('Fish &amp; chips &eacute; &bogus; &lt;b&gt;')).toBe(
      'Fish &amp; chips é &bogus; &lt;b&gt;',
    );
  });

  it('closes an open paragraph when a block starts, as HTML does', () => {
    expect(sanitizeHtml('<p>intro<ul><li>a</li></ul>')).toBe('<p>intro</p><ul><li>a</li></ul>');
    expect(sanitizeHtml('<h2>a<h3>b</h3>')).toBe('<h2>a</h2><h3>b</h3>');
  });

  it('closes the previous list item when a new one starts and ignores items outside lists', () => {
    expect(sanitizeHtml('<ul><li>a<li>b</ul>')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(sanitizeHtml('<li>loose</li>')).toBe('loose');
  });

  it('does not nest links', () => {
    expect(sanitizeHtml('<a href="/a">one <a href="/b">two</a></a>')).toBe(
      '<a href="/a">one </a><a href="/b">two</a>',
    );
  });

  it('keeps http, https, relative and fragment links, normalised and escaped', () => {
    expect(sanitizeHtml('<a href="https://x.test/?a=1&amp;b=2">x</a>')).toBe(
      '<a href="https://x.test/?a=1&amp;b=2">x</a>',
    );
    expect(sanitizeHtml("<a href='../up'>u</a><a href=#top>t</a>")).toBe(
      '<a href="../up">u</a><a href="#top">t</a>',
    );
  });
});

describe('safeHref', () => {
  it('accepts http(s), mailto:, tel:, protocol-relative and relative URLs', () => {
    expect(safeHref('http://a.test')).toBe('http://a.test');
    expect(safeHref('mailto:office@alpha.test')).toBe('mailto:office@alpha.test');
    expect(safeHref('TEL:+1-512-555-0142')).toBe('TEL:+1-512-555-0142');
    expect(safeHref('  /path?q=1  ')).toBe('/path?q=1');
    expect(safeHref('//cdn.test/x')).toBe('//cdn.test/x');
  });

  it('rejects other schemes, empty values and undecodable references', () => {
    for (const href of [
      'javascript:x',
      'data:text/html,x',
      'vbscript:x',
      '',
      '   ',
      'jav&unknownthing;script:x',
      'a\u0000b',
    ]) {
      expect(safeHref(href)).toBeNull();
    }
  });
});

const htmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<a href="/x">',
        '<a href="javascript:x">',
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
        '</svg>',
        '&amp;',
        '&',
        '<',
        '>',
        '"',
        '<br/>',
        '<em',
        ' onclick="z"',
        '<style>',
        '</style>',
        '&#x3c;',
      ),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

describe('sanitizeHtml properties', () => {
  it('only ever emits allowed elements, and no attribute but href on links', () => {
    fc.assert(
      fc.property(htmlish, (html) => {
        for (const token of tokenizeHtml(sanitizeHtml(html))) {
          if (token.type === 'startTag') {
            expect(ALLOWED_ELEMENTS.has(token.name)).toBe(true);
            const names = token.attributes.map((attribute) => attribute.name);
            expect(names).toEqual(token.name === 'a' ? ['href'] : []);
          }
          expect(['comment', 'rawText']).not.toContain(token.type);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(htmlish, (html) => {
        const once = sanitizeHtml(html);
        expect(sanitizeHtml(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

/** sanitizeHtml as it was before it could report its text: the reference for the rewritten one. */
function previousSanitizeHtml(html: string): string {
  const DROPPED = new Set(
    'script style template iframe object applet svg math noscript textarea title select head xmp noembed noframes frameset plaintext'.split(
      ' ',
    ),
  );
  const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'blockquote']);
  const CLOSED_BY_BLOCK = new Set(['p', 'h2', 'h3', 'h4']);
  const hrefOf = (attributes: readonly HtmlAttribute[]): string | null => {
    const href = attributes.find((attribute) => attribute.name === 'href');
    return href === undefined ? null : safeHref(href.value);
  };
  const out: string[] = [];
  const open: string[] = [];
  const dropping: string[] = [];
  const closeThrough = (index: number): void => {
    while (open.length > index) out.push(`</${open.pop()}>`);
  };
  const lastOpen = (predicate: (name: string) => boolean): number => {
    for (let i = open.length - 1; i >= 0; i -= 1) if (predicate(open[i] ?? '')) return i;
    return -1;
  };
  for (const token of tokenizeHtml(html)) {
    if (dropping.length > 0) {
      if (token.type === 'startTag' && DROPPED.has(token.name) && !token.selfClosing) {
        dropping.push(token.name);
      } else if (token.type === 'endTag' && dropping.lastIndexOf(token.name) !== -1) {
        dropping.length = dropping.lastIndexOf(token.name);
      }
      continue;
    }
    if (token.type === 'text') {
      out.push(normaliseTextSource(token.raw));
    } else if (token.type === 'startTag') {
      const { name } = token;
      if (DROPPED.has(name)) {
        if (!token.selfClosing || RAW_TEXT_ELEMENTS.has(name)) dropping.push(name);
        continue;
      }
      if (!ALLOWED_ELEMENTS.has(name)) continue;
      if (name === 'br') {
        out.push('<br>');
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
        out.push(`<${name}>`);
      }
      open.push(name);
    } else if (token.type === 'endTag') {
      const index = open.lastIndexOf(token.name);
      if (index !== -1) closeThrough(index);
    }
  }
  closeThrough(0);
  return out.join('');
}

// htmlish with the text an article has: words, runs of whitespace of every kind, entities, other scripts.
const articleish = fc
  .array(
    fc.oneof(
      htmlish,
      fc.constantFrom(
        '<h3>',
        '</h3>',
        '<ol>',
        '</li>',
        '<blockquote>',
        '</em>',
        '</strong>',
        '<span>',
        '</div>',
      ),
      fc.constantFrom('word', 'two words', ' lead', 'trail ', 'a  b', '\n', ' \n ', '\t', '\u00a0', '\u2028'),
      fc.constantFrom(
        '&amp; save',
        '&amp;amp;',
        '&nbsp;',
        '&#10;',
        '&lt;b&gt;',
        '&foo;',
        '—',
        'é',
        '𝒜',
        '\ud835',
        '\udc9c',
      ),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('sanitizeHtml, rewritten', () => {
  it('writes exactly what the previous sanitiser wrote', () => {
    fc.assert(
      fc.property(articleish, (html) => {
        expect(sanitizeHtml(html)).toBe(previousSanitizeHtml(html));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports htmlToText of its output and countWords of that text', () => {
    fc.assert(
      fc.property(articleish, (html) => {
        const sanitized = sanitizeHtml(html);
        const text = htmlToText(sanitized);
        expect(sanitizeHtmlWithText(html)).toEqual({ html: sanitized, text, wordCount: countWords(text) });
      }),
      { numRuns: 2000 },
    );
  });
});
