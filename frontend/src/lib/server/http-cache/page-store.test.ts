import { describe, expect, it, vi } from 'vitest';

describe('the process-wide page store', () => {
  it('is one instance for every copy of its module, as the two server bundles load it', async () => {
    const first = await import('./page-store.js');
    vi.resetModules();
    const second = await import('./page-store.js');
    expect(second).not.toBe(first);
    expect(second.pageStore).toBe(first.pageStore);

    const entry = { bytes: 10 } as Parameters<typeof first.pageStore.pages.set>[3];
    first.pageStore.pages.set('site', '1', 'http://a.example/x', entry, { articleSet: '4' });
    const versions = { site: '1', articles: '4', content: '1_4' };
    expect(second.cachedPage('site', versions, 'http://a.example/x')).toBe(entry);
    expect(second.cachedPage('site', { ...versions, articles: '5' }, 'http://a.example/x')).toBeUndefined();
  });
});
