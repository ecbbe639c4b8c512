import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeAttributeEntities,
  decodeEntities,
  escapeHtml,
  hasUnknownNamedReference,
  normaliseTextSource,
} from './entities.js';

describe('decodeEntities', () => {
  it('decodes numeric references with or without a semicolon and named references', () => {
    expect(decodeEntities('&#106;&#x61;&#X76;&#97 &amp;&colon;&Tab;')).toBe('java &:\t');
  });

  it('replaces NUL, surrogates and out-of-range code points with U+FFFD', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
  });

  it('decodes every named reference of HTML, not a hand-picked few', () => {
    expect(decodeEntities('Caf&eacute; &Uuml;ber &hearts; &NotSquareSupersetEqual; &frac78;')).toBe(
      'Café Über ♥ ⋣ ⅞',
    );
  });

  it('decodes legacy names without a semicolon in text, as a browser does', () => {
    expect(decodeEntities('&copy 2024 &amp Sons')).toBe('© 2024 & Sons');
  });

  it('keeps a query string intact in an attribute value', () => {
    expect(decodeAttributeEntities('/quote?a=1&copy=2&amp;b=3')).toBe('/quote?a=1&copy=2&b=3');
  });

  it('leaves unknown named references as written', () => {
    expect(decodeEntities('&bogus; &eacute;')).toBe('&bogus; é');
    expect(hasUnknownNamedReference('&bogus;')).toBe(true);
    expect(hasUnknownNamedReference('&eacute;')).toBe(false);
    expect(hasUnknownNamedReference('&amp;')).toBe(false);
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that matter in text and double-quoted attributes', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('normaliseTextSource', () => {
  it('escapes bare ampersands and brackets but keeps valid references', () => {
    expect(normaliseTextSource('R&D <3 &bogus; &eacute; &amp; &#60;')).toBe(
      'R&amp;D &lt;3 &bogus; é &amp; &lt;',
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z&;#<>"x0-9 ]{0,30}$/), (text) => {
        const once = normaliseTextSource(text);
        expect(normaliseTextSource(once)).toBe(once);
      }),
    );
  });
});

describe('fast paths for &amp;', () => {
  // The definitions without the fast paths: the library's full decode, and re-escaping between the
  // unknown named references.
  const previousDecode = decodeHTML;
  const previousNormalise = (raw: string): string => {
    if (!/[&<>"]/.test(raw)) return raw;
    const parts: string[] = [];
    let last = 0;
    for (const match of raw.matchAll(/&[A-Za-z][A-Za-z0-9]{0,31};/g)) {
      if (decodeHTML(match[0]) !== match[0]) continue; // a known name
      parts.push(escapeHtml(previousDecode(raw.slice(last, match.index))), match[0]);
      last = match.index + match[0].length;
    }
    parts.push(escapeHtml(previousDecode(raw.slice(last))));
    return parts.join('');
  };
  const entityish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '&amp;',
          '&amp;amp;',
          '&ampx;',
          '&eacute;',
          '&copy',
          '&amp',
          'amp;',
          '&lt;',
          '&quot;',
          '&foo;',
          '&#38;',
          '&',
        ),
        fc.constantFrom('<', '>', '"', ' ', 'a', ';', '#'),
        fc.string({ maxLength: 3 }),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

  it('decode and normalise exactly as before', () => {
    fc.assert(
      fc.property(entityish, (text) => {
        expect(decodeEntities(text)).toBe(previousDecode(text));
        expect(normaliseTextSource(text)).toBe(previousNormalise(text));
      }),
      { numRuns: 1000 },
    );
  });
});
