import { describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache.js';

const entry = (bytes: number) => ({ bytes });

describe('the rendered-page cache', () => {
  it('keys entries by site, content version and URL', () => {
    const cache = createPageCache({ maxEntries: 10, maxBytes: 1000 });
    const page = entry(10);
    cache.set('alpha', '1', 'http://alpha/', page);
    expect(cache.get('alpha', '1', 'http://alpha/')).toBe(page);
    expect(cache.get('alpha', '2', 'http://alpha/')).toBeUndefined();
    expect(cache.get('beta', '1', 'http://alpha/')).toBeUndefined();
  });

  it('evicts the least recently used entries beyond its entry and byte budgets', () => {
    const cache = createPageCache({ maxEntries: 3, maxBytes: 100 });
    cache.set('s', '1', 'a', entry(30));
    cache.set('s', '1', 'b', entry(30));
    cache.set('s', '1', 'c', entry(30));
    cache.get('s', '1', 'a');
    cache.set('s', '1', 'd', entry(30));
    expect(cache.get('s', '1', 'b')).toBeUndefined();
    expect(cache.get('s', '1', 'a')).toBeDefined();
    cache.set('s', '1', 'big', entry(80));
    expect(cache.bytes).toBeLessThanOrEqual(100);
    expect(cache.get('s', '1', 'big')).toBeDefined();
  });

  it('drops one site or every site when versions move', () => {
    const cache = createPageCache({ maxEntries: 10, maxBytes: 1000 });
    cache.set('alpha', '1', 'x', entry(5));
    cache.set('beta', '1', 'x', entry(5));
    cache.dropSite('alpha');
    expect(cache.size).toBe(1);
    cache.dropSite(null);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('drops only the entries tagged with a changed article, and every entry that lists articles', () => {
    const cache = createPageCache({ maxEntries: 10, maxBytes: 1000 });
    cache.set('s', '1', '/one', entry(5), { tags: ['page:1', 'shows:2'] });
    cache.set('s', '1', '/two', entry(5), { tags: ['page:2'] });
    cache.set('s', '1', '/three', entry(5), { tags: ['page:3'] });
    cache.set('s', '1', '/sitemap', entry(5), { articleSet: '7' });
    cache.set('other', '1', '/two', entry(5), { tags: ['page:2'] });
    cache.dropTags('s', ['page:2', 'shows:2']);
    expect(cache.get('s', '1', '/one')).toBeUndefined();
    expect(cache.get('s', '1', '/two')).toBeUndefined();
    expect(cache.get('s', '1', '/sitemap')).toBeUndefined();
    expect(cache.get('s', '1', '/three')).toBeDefined();
    expect(cache.get('other', '1', '/two')).toBeDefined();
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(10);
  });

  it('does not serve an entry that lists articles once the article set moved', () => {
    const cache = createPageCache({ maxEntries: 10, maxBytes: 1000 });
    cache.set('s', '1', '/hub', entry(5), { articleSet: '7' });
    cache.set('s', '1', '/article', entry(5), { tags: ['page:1'] });
    expect(cache.get('s', '1', '/hub', '7')).toBeDefined();
    expect(cache.get('s', '1', '/hub', '8')).toBeUndefined();
    expect(cache.get('s', '1', '/article', '8')).toBeDefined();
    expect(cache.size).toBe(1);
  });

  it('forgets the tags of evicted entries', () => {
    const cache = createPageCache({ maxEntries: 1, maxBytes: 1000 });
    cache.set('s', '1', '/a', entry(5), { tags: ['page:1'] });
    cache.set('s', '1', '/b', entry(5), { tags: ['page:2'] });
    cache.dropTags('s', ['page:1']);
    expect(cache.get('s', '1', '/b')).toBeDefined();
  });
});
