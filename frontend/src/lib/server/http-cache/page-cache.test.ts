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
});
