import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExcerpt, buildMetaDescription, buildMetaTitle, truncateAtWord } from './meta.js';

const long =
  'Emergency plumbers in Austin, Texas: fast, licensed, and available around the clock for every kind of leak';

describe('truncateAtWord', () => {
  it('returns short text unchanged apart from whitespace', () => {
    expect(truncateAtWord('  a   b ', 10)).toBe('a b');
  });

  it('keeps a word that ends exactly at the limit', () => {
    expect(truncateAtWord('abc def ghi', 7)).toBe('abc def');
  });

  it('cuts at the last whole word and drops trailing punctuation before the ellipsis', () => {
    expect(truncateAtWord('fast, cheap, good service', 13, '…')).toBe('fast, cheap…');
  });

  it('hard-cuts a single word that is longer than the limit', () => {
    expect(truncateAtWord('abcdefghij', 5, '…')).toBe('abcd…');
  });

  it('never splits an astral character', () => {
    expect(truncateAtWord('🙂🙂🙂🙂', 2)).toBe('🙂🙂');
  });

  it('looks at long texts only as far as it needs to, with the same result as cutting the whole text', () => {
    // The definition, applied to the whole collapsed text.
    const reference = (text: string, maxLength: number, ellipsis: string): string => {
      const clean = text.replace(/[\s\u00a0]+/g, ' ').trim();
      const chars = Array.from(clean);
      if (chars.length <= maxLength) return clean;
      const room = maxLength - Array.from(ellipsis).length;
      if (room <= 0) return chars.slice(0, maxLength).join('');
      const cut = chars.slice(0, room + 1).join('');
      const boundary = cut.lastIndexOf(' ');
      const kept = boundary > 0 ? cut.slice(0, boundary) : chars.slice(0, room).join('');
      const trimmed = kept.replace(/[\s,;:.!?\-–—|/(&]+$/u, '');
      return `${trimmed === '' ? kept : trimmed}${ellipsis}`;
    };
    const piece = fc.oneof(
      fc.constantFrom(' ', '   ', '\n\n', '\u00a0', '\t', 'word', 'a,', '—', '🙂', '\ud83d', 'x'.repeat(30)),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 400 }),
        fc.integer({ min: -2, max: 300 }),
        fc.constantFrom('', '…'),
        (pieces, max, ellipsis) => {
          const text = pieces.join('');
          expect(truncateAtWord(text, max, ellipsis)).toBe(reference(text, max, ellipsis));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        expect(Array.from(truncateAtWord(text, max, '…')).length).toBeLessThanOrEqual(max);
        expect(Array.from(truncateAtWord(text, max)).length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('buildMetaTitle', () => {
  it('cuts titles to 60 characters at a word boundary without an ellipsis', () => {
    const title = buildMetaTitle(long);
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title).toBe('Emergency plumbers in Austin, Texas: fast, licensed, and');
  });

  it('appends the suffix only when it fits', () => {
    expect(buildMetaTitle('Plumbers in Austin', ' | Acme')).toBe('Plumbers in Austin | Acme');
    expect(buildMetaTitle(long, ' | Acme')).not.toContain('Acme');
  });
});

describe('buildMetaDescription', () => {
  it('cuts descriptions to 155 characters with an ellipsis', () => {
    const description = buildMetaDescription(`${long}. ${long}.`);
    expect(description.length).toBeLessThanOrEqual(155);
    expect(description.endsWith('…')).toBe(true);
    expect(description).not.toMatch(/\s…$/);
  });
});

describe('buildExcerpt', () => {
  it('joins lines and keeps short text whole', () => {
    expect(buildExcerpt('First line.\nSecond line.')).toBe('First line. Second line.');
    expect(buildExcerpt(`${'Line of text.\n'.repeat(40)}end`)).toBe(
      truncateAtWord(`${'Line of text. '.repeat(40)}end`, 240, '…'),
    );
  });
});
