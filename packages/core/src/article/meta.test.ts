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
  });
});
