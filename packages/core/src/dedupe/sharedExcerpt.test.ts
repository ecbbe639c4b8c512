import { describe, expect, it } from 'vitest';
import { longestSharedRun } from './sharedExcerpt.js';

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
});
