import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
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

describe('selectFragments, rewritten', () => {
  // As it was: a filter per slot and a generator per tie-break.
  const previous = (slotTypes: readonly string[], fragments: readonly ContentFragment[], seed: string) => {
    const usage = new Map<string, number>();
    for (const f of fragments) usage.set(f.id, f.usageCount);
    const usedHere = new Set<string>();
    const selections: { slot: number; type: string; fragment: ContentFragment }[] = [];
    const missingTypes: string[] = [];
    slotTypes.forEach((type, slot) => {
      const ofType = fragments.filter((f) => f.type === type);
      if (ofType.length === 0) {
        missingTypes.push(type);
        return;
      }
      const fresh = ofType.filter((f) => !usedHere.has(f.id));
      const pool = fresh.length > 0 ? fresh : ofType;
      const lowest = Math.min(...pool.map((f) => usage.get(f.id) ?? 0));
      const ties = pool
        .filter((f) => (usage.get(f.id) ?? 0) === lowest)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const chosen = ties[createRng(`${seed}:slot:${slot}:${type}`).nextInt(ties.length)] as ContentFragment;
      usage.set(chosen.id, lowest + 1);
      usedHere.add(chosen.id);
      selections.push({ slot, type, fragment: chosen });
    });
    return { selections, missingTypes };
  };

  it('selects what the previous implementation selected, duplicate ids and repeated types included', () => {
    const type = fc.constantFrom('intro', 'faq', 'closing', 'gallery');
    const fragmentArb = fc
      .record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), type, usageCount: fc.nat(3) })
      .map(({ id, type, usageCount }) => fragment(id, type, usageCount));
    fc.assert(
      fc.property(
        fc.array(type, { maxLength: 8 }),
        fc.array(fragmentArb, { maxLength: 12 }),
        fc.string(),
        (slots, fragments, seed) => {
          // Compared by identity: which of the input fragments, not just equal-looking ones.
          const picked = (result: {
            selections: { slot: number; fragment: ContentFragment }[];
            missingTypes: string[];
          }) => [
            result.selections.map((selection) => [selection.slot, fragments.indexOf(selection.fragment)]),
            result.missingTypes,
          ];
          expect(picked(selectFragments(slots, fragments, seed))).toEqual(
            picked(previous(slots, fragments, seed)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
