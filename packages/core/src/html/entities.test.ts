import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeHtml, hasUnknownNamedReference, normaliseTextSource } from './entities.js';

describe('decodeEntities', () => {
  it('decodes numeric references with or without a semicolon and the named table', () => {
    expect(decodeEntities('&#106;&#x61;&#X76;&#97 &amp;&colon;&Tab;')).toBe('java &:\t');
  });

  it('replaces NUL, surrogates and out-of-range code points with U+FFFD', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
  });

  it('leaves unknown named references as written', () => {
    expect(decodeEntities('&eacute; &bogus;')).toBe('&eacute; &bogus;');
    expect(hasUnknownNamedReference('&eacute;')).toBe(true);
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
    expect(normaliseTextSource('R&D <3 &eacute; &amp; &#60;')).toBe('R&amp;D &lt;3 &eacute; &amp; &lt;');
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
