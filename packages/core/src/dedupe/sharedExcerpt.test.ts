import { describe, expect, it } from 'vitest';
import { locateSharedPassage, longestSharedRun } from './sharedExcerpt.js';

describe('longestSharedRun', () => {
  it('returns the longest run of common words with offsets in both texts', () => {
    const a = 'Our team fixes leaks fast in every corner of Austin today';
    const b = 'Call now. We fix LEAKS FAST in every corner of Dallas';
    expect(longestSharedRun(a, b)).toEqual({
      text: 'leaks fast in every corner of',
      words: 6,
      startA: 3,
      startB: 4,
    });
  });

  it('returns an empty run when nothing is shared', () => {
    expect(longestSharedRun('alpha beta', 'gamma delta')).toEqual({
      text: '',
      words: 0,
      startA: 0,
      startB: 0,
    });
  });

  it('is symmetric in length', () => {
    const a = 'one two three four five six';
    const b = 'zero two three four nine';
    expect(longestSharedRun(a, b).words).toBe(longestSharedRun(b, a).words);
  });

  it('counts runs over repeated words and keeps the earliest of equally long runs', () => {
    const a = 'roof roof roof repair x roof repair y roof roof roof repair';
    const b = 'a roof roof roof repair b roof repair';
    expect(longestSharedRun(a, b)).toEqual({ text: 'roof roof roof repair', words: 4, startA: 0, startB: 1 });
    expect(longestSharedRun('x y z x y', 'x y q x y z')).toEqual({
      text: 'x y z',
      words: 3,
      startA: 0,
      startB: 3,
    });
  });
});

describe('locateSharedPassage', () => {
  const a = 'Intro about Austin. Our crew fixes LEAKS fast, in every corner of the city. Call today.';
  const b = 'Dallas homes need care: we fix leaks fast in every corner of the city! Book now.';

  it('finds the excerpt in both texts as each one writes it', () => {
    const excerpt = longestSharedRun(a, b).text;
    expect(excerpt).toBe('leaks fast in every corner of the city');
    expect(locateSharedPassage(a, excerpt)?.shared).toBe('LEAKS fast, in every corner of the city');
    expect(locateSharedPassage(b, excerpt)?.shared).toBe('leaks fast in every corner of the city');
  });

  it('keeps the text around the passage, clipped at word boundaries with an ellipsis', () => {
    const found = locateSharedPassage(a, 'every corner', 10);
    expect(found).toEqual({ before: '… fast, in ', shared: 'every corner', after: ' of the …' });
  });

  it('accepts an excerpt whose last word the length cap cut short', () => {
    expect(locateSharedPassage(b, 'every corner of the ci')?.shared).toBe('every corner of the city');
  });

  it('returns null for an empty excerpt or one the text does not contain', () => {
    expect(locateSharedPassage(a, '')).toBeNull();
    expect(locateSharedPassage(a, 'roof repair')).toBeNull();
  });
});
