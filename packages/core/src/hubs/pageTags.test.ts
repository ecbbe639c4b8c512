import { describe, expect, it } from 'vitest';
import { articlePageTagsOf, neighbourTagsOf, tagsTouchedBy } from './pageTags.js';

describe('article page tags', () => {
  it('names the article, what it shows and its city', () => {
    expect(articlePageTagsOf('a', 'c1', ['b', 'n'])).toEqual(['page:a', 'shows:b', 'shows:n', 'city:c1']);
    expect(articlePageTagsOf('a', null, [])).toEqual(['page:a']);
  });

  it('touches the changed articles’ own pages and every page showing them', () => {
    expect(tagsTouchedBy(['x', 'y'])).toEqual(['page:x', 'shows:x', 'page:y', 'shows:y']);
  });

  it('reaches the ring predecessors and the nearby cities’ pages of changed articles', () => {
    expect(neighbourTagsOf(['p'], ['c7', 'c8'])).toEqual(['city:c7', 'city:c8', 'page:p']);
    expect(neighbourTagsOf([], [])).toEqual([]);
  });
});
