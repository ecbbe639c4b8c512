import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  parseChildName,
  SITEMAP_URL_LIMIT,
  type SitemapUrl,
  sitemapChildren,
  sitemapIndexXml,
  urlsetXml,
} from './sitemap.js';

const urls = (count: number, prefix: string): SitemapUrl[] =>
  Array.from({ length: count }, (_, i) => ({
    path: `/${prefix}-${i}`,
    lastmod: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  }));

describe('sitemap index', () => {
  it('splits every kind into children of at most 50,000 URLs with the newest lastmod of each chunk', () => {
    const articles = urls(SITEMAP_URL_LIMIT + 1, 'a');
    const children = sitemapChildren({ pages: urls(3, 'p'), posts: [], articles, hubs: urls(2, 'areas/h') });
    expect(children.map((c) => c.path)).toEqual([
      '/sitemap-pages-1.xml',
      '/sitemap-articles-1.xml',
      '/sitemap-articles-2.xml',
      '/sitemap-hubs-1.xml',
    ]);
    expect(children[1]?.lastmod).toBe(articles[SITEMAP_URL_LIMIT - 1]?.lastmod);
    expect(children[2]?.lastmod).toBe(articles[SITEMAP_URL_LIMIT]?.lastmod);
  });

  it('writes well-formed XML with absolute, escaped locations', () => {
    const index = sitemapIndexXml('https://alpha.example', [
      { kind: 'pages', number: 1, path: '/sitemap-pages-1.xml', lastmod: '2024-01-01T00:00:00.000Z' },
    ]);
    expect(XMLValidator.validate(index)).toBe(true);
    expect(index).toContain('<loc>https://alpha.example/sitemap-pages-1.xml</loc>');
    const set = urlsetXml('https://alpha.example', [{ path: '/a?b=1&c=2', lastmod: null }]);
    expect(XMLValidator.validate(set)).toBe(true);
    expect(set).toContain('<loc>https://alpha.example/a?b=1&amp;c=2</loc>');
    expect(set).not.toContain('<lastmod>');
  });

  it('parses only the child names it can produce', () => {
    expect(parseChildName('articles-12')).toEqual({ kind: 'articles', number: 12 });
    expect(parseChildName('articles-0')).toBeNull();
    expect(parseChildName('users-1')).toBeNull();
    expect(parseChildName(undefined)).toBeNull();
  });
});
