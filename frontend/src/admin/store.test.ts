import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberedSite, useAdminUi } from './store.js';

function fakeStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the site switcher’s memory', () => {
  it('remembers the chosen site per user and forgets sites the user lost', () => {
    vi.stubGlobal('window', { localStorage: fakeStorage() });
    useAdminUi.getState().chooseSite('user-a', 'site-2');
    expect(useAdminUi.getState().siteId).toBe('site-2');
    expect(rememberedSite('user-a', ['site-1', 'site-2'])).toBe('site-2');
    expect(rememberedSite('user-b', ['site-1', 'site-2'])).toBe('site-1');
    expect(rememberedSite('user-a', ['site-1'])).toBe('site-1');
    expect(rememberedSite('user-a', [])).toBeNull();
  });

  it('clears the board selection when the site changes', () => {
    vi.stubGlobal('window', { localStorage: fakeStorage() });
    useAdminUi.getState().toggle('article-1');
    expect(useAdminUi.getState().selected.size).toBe(1);
    useAdminUi.getState().chooseSite('user-a', 'site-1');
    expect(useAdminUi.getState().selected.size).toBe(0);
  });
});
