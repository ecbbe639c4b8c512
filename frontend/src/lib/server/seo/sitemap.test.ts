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
  it('splits the listed kinds into children of at most 50,000 URLs with the newest lastmod of each chunk', () => {
    const pages = urls(SITEMAP_URL_LIMIT + 1, 'p');
    const children = sitemapChildren({ pages, posts: [], hubs: urls(2, 'areas/h') }, []);
    expect(children.map((c) => c.path)).toEqual([
      '/sitemap-pages-1.xml',
      '/sitemap-pages-2.xml',
      '/sitemap-hubs-1.xml',
    ]);
    expect(children[0]?.lastmod).toBe(pages[SITEMAP_URL_LIMIT - 1]?.lastmod);
    expect(children[1]?.lastmod).toBe(pages[SITEMAP_URL_LIMIT]?.lastmod);
  });

  it('lists the article children the database counted, between posts and hubs', () => {
    const children = sitemapChildren(
      { pages: urls(3, 'p'), posts: urls(1, 'blog/x'), hubs: urls(2, 'areas/h') },
      [
        { number: 1, lastmod: '2024-03-01T00:00:00.000Z' },
        { number: 2, lastmod: '2024-02-01T00:00:00.000Z' },
      ],
    );
    expect(children.map((c) => [c.path, c.lastmod])).toEqual([
      ['/sitemap-pages-1.xml', urls(3, 'p')[2]?.lastmod],
      ['/sitemap-posts-1.xml', urls(1, 'blog/x')[0]?.lastmod],
      ['/sitemap-articles-1.xml', '2024-03-01T00:00:00.000Z'],
      ['/sitemap-articles-2.xml', '2024-02-01T00:00:00.000Z'],
      ['/sitemap-hubs-1.xml', urls(2, 'areas/h')[1]?.lastmod],
    ]);
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
