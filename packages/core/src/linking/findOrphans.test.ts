import { describe, expect, it } from 'vitest';
import { findOrphans } from './findOrphans.js';

describe('findOrphans', () => {
  const pages = [{ id: 'home' }, { id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('reports pages with no inbound links, in page order', () => {
    expect(findOrphans(pages, [{ sourceId: 'a', targetId: 'b' }])).toEqual(['home', 'a', 'c']);
  });

  it('does not count self-links as inbound', () => {
    expect(findOrphans(pages, [{ sourceId: 'c', targetId: 'c' }])).toContain('c');
  });

  it('never reports roots', () => {
    expect(findOrphans(pages, [], ['home'])).toEqual(['a', 'b', 'c']);
  });
});
