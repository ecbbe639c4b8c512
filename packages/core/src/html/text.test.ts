import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities.js';
import { countWords, htmlToText, splitWords } from './text.js';
import { tokenizeHtml } from './tokenize.js';

describe('htmlToText', () => {
  it('separates blocks with newlines and decodes entities', () => {
    expect(htmlToText('<h2>Fish &amp; chips</h2><p>Hot  and\n fresh.</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Fish & chips\nHot and fresh.\na\nb',
    );
  });

  it('decodes every named reference, so meta descriptions, excerpts and fingerprints see the real words', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; cr&egrave;me br&ucirc;l&eacute;e &ndash; na&iuml;ve</p>')).toBe(
      'Café & crème brûlée – naïve',
    );
  });

  it('ignores script, style and comments', () => {
    expect(htmlToText('<p>x<script>var y</script><style>p{}</style><!-- z --></p>')).toBe('x');
  });

  it('equals the line-by-line definition: collapse and trim every line, drop empty lines', () => {
    const BLOCK = new Set(
      'p h1 h2 h3 h4 h5 h6 ul ol li blockquote div section article header footer table tr td th br hr pre'.split(
        ' ',
      ),
    );
    const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'head', 'title']);
    // The straightforward formulation htmlToText replaced with a single pass.
    const reference = (html: string): string => {
      const parts: string[] = [];
      let hidden = 0;
      for (const token of tokenizeHtml(html)) {
        if (token.type === 'startTag' && HIDDEN.has(token.name)) {
          if (!token.selfClosing) hidden += 1;
        } else if (token.type === 'endTag' && HIDDEN.has(token.name)) {
          hidden = Math.max(0, hidden - 1);
        } else if (hidden === 0 && token.type === 'text') {
          parts.push(decodeEntities(token.raw).replace(/\s+/g, ' '));
        } else if ((token.type === 'startTag' || token.type === 'endTag') && BLOCK.has(token.name)) {
          parts.push('\n');
        }
      }
      return parts
        .join('')
        .split('\n')
        .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n');
    };
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<h2>',
        '<li>',
        '<br>',
        '<br/>',
        '<div>',
        '<em>',
        '</em>',
        '<svg>',
        '</svg>',
      ),
      fc.constantFrom('<script>', '</script>', '<title>', '</title>', '<svg/>', '<!-- c -->', 'word', 'a b'),
      fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '&nbsp;', '&#10;', '&amp;', '\u2028', '\u3000', '🙂'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const html = pieces.join('');
        expect(htmlToText(html)).toBe(reference(html));
      }),
      { numRuns: 500 },
    );
  });
});

describe('countWords', () => {
  it('counts whitespace-separated words containing a letter or digit', () => {
    expect(countWords('Hello, world — it’s 2025 !')).toBe(4);
    expect(splitWords('  a  b ')).toEqual(['a', 'b']);
  });

  it('counts exactly the words splitWords returns, whatever the script or whitespace', () => {
    const piece = fc.oneof(
      fc.constantFrom(' ', '\n', '\t', '\v', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u0085', '—', '’', '!'),
      fc.constantFrom('a', 'Z', '7', 'é', 'ж', '字', '𝒜', '🙂', '\ud800', '٣'),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(countWords(text)).toBe(splitWords(text).length);
      }),
      { numRuns: 500 },
    );
  });
});
