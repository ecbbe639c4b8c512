import { describe, expect, it } from 'vitest';
import { parseSpintax } from '../spintax/parse.js';
import { describeReachShortfall, estimateReachableWords } from './reach.js';

const fragment = (type: string, source: string) => ({ type, body: parseSpintax(source) });
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('estimateReachableWords', () => {
  it('sums the shortest, median and longest spins of each slot', () => {
    const estimate = estimateReachableWords({
      slotTypes: ['intro', 'body'],
      fragments: [
        // 3 or 5 words.
        fragment('intro', '<p>one two {three|three four five}</p>'),
        // 10 words exactly.
        fragment('body', `<h2>${words(2)}</h2><p>${words(8)}</p>`),
      ],
    });
    expect(estimate).toEqual({ min: 13, median: 14, max: 15, missingTypes: [] });
  });

  it('pools the fragments of a type, repeats a type used twice and counts a variable as one word', () => {
    const estimate = estimateReachableWords({
      slotTypes: ['body', 'body'],
      fragments: [fragment('body', `<p>${words(4)}</p>`), fragment('body', `<p>{City} ${words(5)}</p>`)],
    });
    expect(estimate).toMatchObject({ min: 8, max: 12 });
  });

  it('reports slots without fragments and counts offers only when there are some', () => {
    const estimate = estimateReachableWords({
      slotTypes: ['intro', 'faq', 'offer'],
      fragments: [fragment('intro', `<p>${words(7)}</p>`)],
    });
    expect(estimate).toEqual({ min: 7, median: 7, max: 7, missingTypes: ['faq'] });
    const withOffer = estimateReachableWords({
      slotTypes: ['intro', 'offer'],
      fragments: [fragment('intro', `<p>${words(7)}</p>`)],
      offerBlocks: [{ body: parseSpintax(`<p>${words(3)}</p>`) }],
    });
    expect(withOffer.median).toBe(10);
  });

  it('is deterministic', () => {
    const input = {
      slotTypes: ['a'],
      fragments: [fragment('a', `{${words(3)}|${words(9)}|${words(1)}} {x|y z|}`)],
    };
    expect(estimateReachableWords(input)).toEqual(estimateReachableWords(input));
  });
});

describe('describeReachShortfall', () => {
  const estimate = { min: 100, median: 120, max: 140, missingTypes: [] };

  it('warns when a typical article would be flagged short, naming the reach and the target', () => {
    expect(describeReachShortfall(estimate, 1200)).toBe(
      'The library reaches about 120 words per article (100–140), 10% of the 1200-word target: most articles would be flagged short. Add fragments or longer ones.',
    );
  });

  it('is silent when typical articles reach the short threshold', () => {
    expect(describeReachShortfall(estimate, 200)).toBeNull();
    expect(describeReachShortfall(estimate, 201)).not.toBeNull();
  });

  it('names slots that have no fragment at all', () => {
    expect(describeReachShortfall({ ...estimate, missingTypes: ['faq'] }, 100)).toMatch(/"faq"/);
  });
});
