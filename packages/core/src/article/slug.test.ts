import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug.js';

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens', () => {
    expect(slugify('  Best   Plumbers -- in Austin, TX!  ')).toBe('best-plumbers-in-austin-tx');
  });

  it('folds accents and special letters to ASCII', () => {
    expect(slugify('São Paulo Straße Ærø Łódź')).toBe('sao-paulo-strasse-aero-lodz');
  });

  it('drops apostrophes instead of splitting words', () => {
    expect(slugify("Joe's Plumbing & Heating")).toBe('joes-plumbing-and-heating');
  });

  it('cuts at a word boundary within the maximum length', () => {
    expect(slugify('alpha beta gamma delta', 13)).toBe('alpha-beta');
    expect(slugify('alpha beta gamma', 10)).toBe('alpha-beta');
    expect(slugify('supercalifragilistic', 5)).toBe('super');
  });

  it('returns an empty string when nothing is foldable', () => {
    expect(slugify('東京 !!!')).toBe('');
  });

  it('always produces a URL-safe slug within the length limit', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 100 }), (text, max) => {
        const slug = slugify(text, max);
        expect(slug).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(slug.length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('uniqueSlug', () => {
  it('returns the base when it is free', () => {
    expect(uniqueSlug('austin', new Set(['dallas']))).toBe('austin');
  });

  it('appends -2, -3, … when taken', () => {
    expect(uniqueSlug('austin', new Set(['austin']))).toBe('austin-2');
    expect(uniqueSlug('austin', new Set(['austin', 'austin-2', 'austin-3']))).toBe('austin-4');
  });

  it('keeps the suffixed slug within the maximum length', () => {
    expect(uniqueSlug('alpha-beta', new Set(['alpha-beta']), 10)).toBe('alpha-2');
  });

  it('uses "untitled" for an empty base', () => {
    expect(uniqueSlug('', new Set())).toBe('untitled');
    expect(uniqueSlug('', new Set(['untitled']))).toBe('untitled-2');
  });

  it('never returns a taken slug when used for a batch', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const slug = uniqueSlug('same-title', taken);
      expect(taken.has(slug)).toBe(false);
      taken.add(slug);
    }
    expect(taken.size).toBe(50);
  });
});
