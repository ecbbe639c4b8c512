import { describe, expect, it } from 'vitest';
import { parseSpintax } from '../spintax/parse.js';
import { type ContentFragment, prepareFragments, selectFragments, selectOfferBlock } from './fragments.js';

const fragment = (id: string, type: string, usageCount = 0): ContentFragment => ({
  id,
  type,
  usageCount,
  body: parseSpintax(`<p>${id}</p>`),
});

describe('prepareFragments', () => {
  it('parses bodies once and reports broken fragments without throwing', () => {
    const { fragments, errors } = prepareFragments([
      { id: 'ok', type: 'intro', body: '{a|b}' },
      { id: 'bad', type: 'intro', body: '{a|b' },
    ]);
    expect(fragments.map((f) => f.id)).toEqual(['ok']);
    expect(errors).toMatchObject([{ id: 'bad', error: { line: 1, column: 1 } }]);
  });
});

describe('selectFragments', () => {
  it('chooses the least-used fragment of each type', () => {
    const library = [fragment('a', 'intro', 5), fragment('b', 'intro', 1), fragment('c', 'intro', 3)];
    expect(selectFragments(['intro'], library, 's').selections[0]?.fragment.id).toBe('b');
  });

  it('is deterministic for a seed and independent of library order', () => {
    const library = [
      fragment('a', 'intro'),
      fragment('b', 'intro'),
      fragment('c', 'intro'),
      fragment('d', 'intro'),
    ];
    const pick = (lib: ContentFragment[]) =>
      selectFragments(['intro'], lib, 'camp:7').selections[0]?.fragment.id;
    expect(pick(library)).toBe(pick([...library].reverse()));
  });

  it('spreads ties across seeds', () => {
    const library = ['a', 'b', 'c', 'd'].map((id) => fragment(id, 'intro'));
    const picks = new Set(
      Array.from(
        { length: 40 },
        (_, i) => selectFragments(['intro'], library, `s${i}`).selections[0]?.fragment.id,
      ),
    );
    expect(picks.size).toBe(4);
  });

  it('avoids repeating a fragment when a type appears twice in the template', () => {
    const library = [fragment('a', 'body', 0), fragment('b', 'body', 10)];
    const { selections } = selectFragments(['body', 'body'], library, 's');
    expect(selections.map((s) => s.fragment.id)).toEqual(['a', 'b']);
  });

  it('reports template types that have no fragments', () => {
    const { selections, missingTypes } = selectFragments(['intro', 'faq'], [fragment('a', 'intro')], 's');
    expect(selections).toHaveLength(1);
    expect(missingTypes).toEqual(['faq']);
  });
});

describe('selectOfferBlock', () => {
  const offers = [
    { id: 'generic', avatarId: null, body: parseSpintax('g') },
    { id: 'for-a1', avatarId: 'a1', body: parseSpintax('x') },
  ];

  it("prefers the avatar's own offer", () => {
    expect(selectOfferBlock(offers, 'a1', 's')?.id).toBe('for-a1');
  });

  it('falls back to a generic offer, or none', () => {
    expect(selectOfferBlock(offers, 'a2', 's')?.id).toBe('generic');
    expect(selectOfferBlock([], 'a2', 's')).toBeNull();
  });
});
