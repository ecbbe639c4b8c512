import { describe, expect, it } from 'vitest';
import { mayBeArticlePath } from './render-store.js';

describe('render store lookups', () => {
  it('are made only for paths an article can live at', () => {
    expect(mayBeArticlePath('/best-roofers-austin')).toBe(true);
    for (const path of [
      '/',
      '/blog',
      '/areas',
      '/form-sent',
      '/areas/tx',
      '/a/b',
      '/Upper',
      '/x.xml',
      '/a--b',
    ])
      expect(mayBeArticlePath(path)).toBe(false);
  });
});
